/**
 * The what-if's "ticket taken now": the branch's own queue figures (branch-figures.ts), as the hall
 * is and with the manager's action done now. The same estimator as the kiosk's promise and the
 * triage header, so the what-if's baseline is exactly the figure they show. Pure.
 */
import type { TicketNowWait } from '../../../protocol/forecast-schemas.js';
import type { QueueSummary } from '../../../protocol/schemas.js';
import type { WhatIfAction } from '../simulator/what-if.js';
import { branchFigures, type HallChange } from './branch-figures.js';
import type { BranchState } from './branch-state.js';
import type { WaitingTicket } from './call-order.js';

/** The action as a change of the hall. A diversion takes ordinary customers first, the latest arrivals first (whom the manager reaches first is unknown). */
export function hallChangeOf(action: WhatIfAction): HallChange {
  switch (action.action) {
    case 'open-counter':
      return { counters: (counters) => counters.map((c) => (c.id === action.counterId ? { ...c, status: 'open', current: null } : c)) };
    case 'close-counter':
      return { counters: (counters) => counters.map((c) => (c.id === action.counterId ? { ...c, status: 'closed', current: null } : c)) };
    case 'reassign-counter':
      return { counters: (counters) => counters.map((c) => (c.id === action.counterId ? { ...c, serviceIds: action.serviceIds } : c)) };
    case 'divert':
      return {
        waiting: (waiting) => {
          const rank = (t: WaitingTicket) => (t.tier === 'regular' ? 0 : 1);
          const diverted = new Set(
            waiting
              .filter((t) => t.serviceId === action.serviceId)
              .sort((a, b) => rank(a) - rank(b) || b.issuedAt.localeCompare(a.issuedAt))
              .slice(0, action.count)
              .map((t) => t.id),
          );
          return waiting.filter((t) => !diverted.has(t.id));
        },
      };
  }
}

/**
 * Each service's wait for a ticket taken now, without and with the action. The baseline is the
 * branch's current view itself (`queues` of `at`: what every screen shows); the action's figures
 * are replayed for the same moment.
 */
export function ticketNowWaits(state: BranchState, view: { at: string; queues: readonly QueueSummary[] }, action: WhatIfAction): TicketNowWait[] {
  const withAction = new Map(branchFigures(state, new Date(view.at), hallChangeOf(action)).queues.map((q) => [q.serviceId, q.estimatedWaitSeconds]));
  return view.queues.map((q) => ({ serviceId: q.serviceId, baselineSeconds: q.estimatedWaitSeconds, withActionSeconds: withAction.get(q.serviceId) ?? q.estimatedWaitSeconds }));
}
