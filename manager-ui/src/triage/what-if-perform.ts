/**
 * Doing what the what-if panel previewed: open the counter (with the chosen teller), divert the
 * customers who have waited longest one by one, or change the services a counter calls.
 */
import { ApiError, type ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { Snapshot } from '../../../protocol/schemas.js';
import { adminApi } from '../admin/admin-api.js';
import { divertCandidates, type WhatIfChoice } from './what-if-actions.js';

/** What happened; for a diversion, which tickets went and which had moved on meanwhile. */
export interface WhatIfOutcome {
  diverted: string[];
  skipped: string[];
}

/** A ticket called, cancelled or diverted by someone else meanwhile: skip it, the others still go. */
const movedOn = (err: unknown) => err instanceof ApiError && (err.code === 'INVALID_TRANSITION' || err.code === 'NOT_FOUND' || err.code === 'CONFLICT');

/** Performs the choice against the live hall; throws the first error that is not a ticket moving on. */
export async function performWhatIf(api: ApiClient, snapshot: Snapshot, choice: WhatIfChoice): Promise<WhatIfOutcome> {
  const outcome: WhatIfOutcome = { diverted: [], skipped: [] };
  if (choice.action === 'open-counter') {
    await api.call(queueRoutes.openCounter, { counterId: choice.counterId }, choice.tellerId ? { tellerId: choice.tellerId } : {});
  } else if (choice.action === 'reassign-counter') {
    await adminApi(api, snapshot.branch.id).counters.update(choice.counterId, { serviceIds: choice.serviceIds });
  } else {
    const service = snapshot.services.find((s) => s.id === choice.serviceId);
    const machineKind = service?.selfServiceKind;
    if (!machineKind) throw new Error(`service ${choice.serviceId} has no self-service machine`);
    // One request per ticket: the server records each diversion in the ticket's history.
    for (const ticket of divertCandidates(snapshot, choice.serviceId, choice.count)) {
      try {
        await api.call(queueRoutes.divert, { ticketId: ticket.id }, { machineKind });
        outcome.diverted.push(ticket.number);
      } catch (err) {
        if (!movedOn(err)) throw err;
        outcome.skipped.push(ticket.number);
      }
    }
  }
  return outcome;
}
