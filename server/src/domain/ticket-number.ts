/** Ticket numbers: the service's prefix letter and three digits, A001 to A999. */
export const MAX_TICKET_NUMBER = 999;

/** Formats the printed number, e.g. ('A', 23) → 'A023'. */
export function formatTicketNumber(prefix: string, value: number): string {
  return `${prefix}${String(value).padStart(3, '0')}`;
}

/**
 * The next number after `last` (null at the start of the day), wrapping from 999 to 1
 * but skipping numbers still held by an active ticket today. Null when all 999 are active.
 */
export function nextTicketNumber(last: number | null, activeToday: ReadonlySet<number>): number | null {
  let candidate = last ?? 0;
  for (let tries = 0; tries < MAX_TICKET_NUMBER; tries++) {
    candidate = (candidate % MAX_TICKET_NUMBER) + 1;
    if (!activeToday.has(candidate)) return candidate;
  }
  return null;
}

/** The numeric part of a ticket number ('A023' → 23). */
export function ticketNumberValue(number: string): number {
  return Number.parseInt(number.slice(1), 10);
}
