import type { NewTicket, TicketUpdate } from '../../../db/schema.js';
import type { TicketStatus } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

const ACTIVE: TicketStatus[] = ['waiting', 'called', 'serving'];

export const findTicket = (db: Db, ticketId: string) =>
  db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();

export async function insertTicket(db: Db, ticket: NewTicket): Promise<void> {
  await db.insertInto('tickets').values(ticket).execute();
}

/**
 * Applies `changes` only while the ticket is still in `expected` status.
 * Returns false when another request changed it first: the caller must not go on.
 */
export async function updateTicketGuarded(
  db: Db,
  ticketId: string,
  expected: TicketStatus,
  changes: TicketUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', ticketId)
    .where('status', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Waiting, called and serving tickets of the branch, oldest first. */
export const listActiveTickets = (db: Db, branchId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('status', 'in', ACTIVE)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();

/**
 * Numbers with this prefix still held by an active ticket of any day: a ticket left over from
 * yesterday (before the day closes) or from before a time-zone change keeps its number.
 */
export async function activeNumbers(db: Db, branchId: string, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('number')
    .where('branch_id', '=', branchId)
    .where('number', 'like', `${prefix}%`)
    .where('status', 'in', ACTIVE)
    .execute();
  return rows.map((r) => r.number);
}

export async function lastNumberToday(db: Db, branchId: string, prefix: string, businessDay: string): Promise<number | null> {
  const row = await db
    .selectFrom('ticket_number_sequences')
    .select('last_number')
    .where('branch_id', '=', branchId)
    .where('prefix', '=', prefix)
    .where('business_day', '=', businessDay)
    .executeTakeFirst();
  return row?.last_number ?? null;
}

export async function saveLastNumber(db: Db, branchId: string, prefix: string, businessDay: string, value: number) {
  await db
    .insertInto('ticket_number_sequences')
    .values({ branch_id: branchId, prefix, business_day: businessDay, last_number: value })
    .onConflict((oc) => oc.columns(['branch_id', 'prefix', 'business_day']).doUpdateSet({ last_number: value }))
    .execute();
}

/** The last calls and recalls of the branch, newest first. */
export const recentCalls = (db: Db, branchId: string, limit: number) =>
  db
    .selectFrom('events')
    .innerJoin('tickets', 'tickets.id', 'events.ticket_id')
    .innerJoin('counters', 'counters.id', 'events.counter_id')
    .select([
      'events.ticket_id',
      'events.type',
      'events.at',
      'tickets.number',
      'tickets.service_id',
      'counters.id as counter_id',
      'counters.number as counter_number',
    ])
    .where('events.branch_id', '=', branchId)
    .where('events.type', 'in', ['ticket.called', 'ticket.recalled'])
    .orderBy('events.seq', 'desc')
    .limit(limit)
    .execute();
