/**
 * Doing what the what-if panel previewed: open the counter (with the chosen teller) or change the
 * services a counter calls. A diversion is not done in one go: the panel proposes the customers,
 * and each is diverted on its own (`divertAskedCustomer`) once the manager has asked them.
 */
import { ApiError, type ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { MachineKind, Snapshot } from '../../../protocol/schemas.js';
import { adminApi } from '../admin/admin-api.js';
import type { WhatIfChoice } from './what-if-actions.js';

/** A ticket called, cancelled or diverted by someone else meanwhile: that customer is no longer to ask. */
const movedOn = (err: unknown) => err instanceof ApiError && (err.code === 'INVALID_TRANSITION' || err.code === 'NOT_FOUND' || err.code === 'CONFLICT');

/** Opens the counter or changes its services, against the live hall. A diversion is done per customer instead. */
export async function performWhatIf(api: ApiClient, snapshot: Snapshot, choice: Exclude<WhatIfChoice, { action: 'divert' }>): Promise<void> {
  if (choice.action === 'open-counter') {
    await api.call(queueRoutes.openCounter, { counterId: choice.counterId }, choice.tellerId ? { tellerId: choice.tellerId } : {});
  } else {
    await adminApi(api, snapshot.branch.id).counters.update(choice.counterId, { serviceIds: choice.serviceIds });
  }
}

/**
 * Diverts one customer the manager asked and who agreed: one request, so the server records each
 * diversion in the ticket's history. 'moved-on' when the ticket was called or gone meanwhile;
 * any other refusal is thrown.
 */
export async function divertAskedCustomer(api: ApiClient, ticketId: string, machineKind: MachineKind): Promise<'diverted' | 'moved-on'> {
  try {
    await api.call(queueRoutes.divert, { ticketId }, { machineKind });
    return 'diverted';
  } catch (err) {
    if (movedOn(err)) return 'moved-on';
    throw err;
  }
}
