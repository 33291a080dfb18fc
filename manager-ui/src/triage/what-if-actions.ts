/**
 * The actions the what-if panel previews and then performs: what opened the panel, what the
 * manager chose in it, the forecast request for it, and whom it concerns in the hall.
 */
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { WhatIfBody } from '../../../protocol/forecast-schemas.js';
import type { Counter, Snapshot, Ticket } from '../../../protocol/schemas.js';
import { waitingTicketsOf } from '../logic/snapshot-views.js';

/** What opened the panel: a suggestion in the alert bar, a counter's sheet or a queue column. */
export type WhatIfIntent =
  | { action: 'open-counter'; counterId: string }
  | { action: 'divert'; serviceId: string }
  | { action: 'reassign-counter'; counterId: string };

/** The action as the manager has set it up in the panel. */
export type WhatIfChoice =
  | { action: 'open-counter'; counterId: string; tellerId: string | null }
  | { action: 'divert'; serviceId: string; count: number }
  | { action: 'reassign-counter'; counterId: string; serviceIds: string[] };

/** Customers sent to self-service when the manager has not chosen how many: "send 5 customers to the ATM". */
export const DEFAULT_DIVERT_COUNT = 5;
/** The server previews diverting at most this many at once. */
export const MAX_DIVERT_COUNT = 50;

/** The panel's starting choice for an intent, from the hall as it is. */
export function initialChoice(intent: WhatIfIntent, snapshot: Pick<Snapshot, 'tickets' | 'counters'>): WhatIfChoice {
  if (intent.action === 'open-counter') return { ...intent, tellerId: null };
  if (intent.action === 'divert') {
    const waiting = waitingTicketsOf(snapshot, intent.serviceId).length;
    return { ...intent, count: Math.max(1, Math.min(DEFAULT_DIVERT_COUNT, waiting)) };
  }
  const counter = snapshot.counters.find((c) => c.id === intent.counterId);
  return { ...intent, serviceIds: [...(counter?.serviceIds ?? [])] };
}

/** The same services, in any order. */
export function sameServices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * Why the choice cannot be previewed or done yet, or null when it can: a counter must keep at
 * least one service and must change, and a diversion needs that many customers waiting.
 */
export function choiceProblem(choice: WhatIfChoice, snapshot: Pick<Snapshot, 'tickets' | 'counters'>): 'no-services' | 'unchanged' | 'too-few-waiting' | null {
  if (choice.action === 'reassign-counter') {
    if (choice.serviceIds.length === 0) return 'no-services';
    const counter = snapshot.counters.find((c) => c.id === choice.counterId);
    if (counter && sameServices(counter.serviceIds, choice.serviceIds)) return 'unchanged';
  }
  if (choice.action === 'divert' && (choice.count < 1 || choice.count > waitingTicketsOf(snapshot, choice.serviceId).length)) return 'too-few-waiting';
  return null;
}

/** The forecast request for a choice (`POST /api/branches/:branchId/what-if`). */
export function whatIfBody(choice: WhatIfChoice): WhatIfBody {
  if (choice.action === 'open-counter') return { action: 'open-counter', counterId: choice.counterId };
  if (choice.action === 'divert') return { action: 'divert', serviceId: choice.serviceId, count: choice.count };
  return { action: 'reassign-counter', counterId: choice.counterId, serviceIds: choice.serviceIds };
}

/** The customers a diversion sends to self-service: those who have waited longest. */
export function divertCandidates(snapshot: Pick<Snapshot, 'tickets'>, serviceId: string, count: number): Ticket[] {
  return waitingTicketsOf(snapshot, serviceId).slice(0, Math.max(0, count));
}

/**
 * Tellers who could staff a counter now: active tellers of the branch who hold no counter that
 * is open or paused (the server refuses to give a teller two counters). By name.
 */
export function availableTellers(users: readonly AdminUser[], counters: readonly Pick<Counter, 'tellerId' | 'status'>[]): AdminUser[] {
  const busy = new Set(counters.filter((c) => c.status !== 'closed' && c.tellerId).map((c) => c.tellerId));
  return users
    .filter((u) => u.role === 'teller' && u.active && !busy.has(u.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, undefined, { numeric: true }));
}
