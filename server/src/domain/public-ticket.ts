/**
 * The customer's own ticket as their phone shows it: the ticket with its position and estimate,
 * its service, the counter it is called to, the branch's clock, and why its service is not served
 * now. Pure, and built from one ticket only: nothing here says anything about another customer.
 */
import type { PublicTicket, QueueSummary, Service, Ticket } from '../../../protocol/schemas.js';
import { toWireTicket, type BranchState } from './branch-state.js';

/** The queue figures of one moment, as the branch engine's view holds them. */
export interface QueueView {
  queues: readonly QueueSummary[];
  figures: ReadonlyMap<string, { position: number; estimatedWaitSeconds: number }>;
}

/** The opening fields of a service's queue summary, when the service is not open now; undefined: open (or not told). */
export function openingOf(queue: QueueSummary | undefined): PublicTicket['opening'] {
  if (!queue?.opening || queue.opening === 'open') return undefined;
  return {
    opening: queue.opening,
    ...(queue.servedFrom !== undefined ? { servedFrom: queue.servedFrom } : {}),
    ...(queue.nextOpeningAt !== undefined ? { nextOpeningAt: queue.nextOpeningAt } : {}),
  };
}

/** The public view of `ticket` (wire form, figures included) in a branch's state and view. */
export function publicView(state: BranchState, view: Pick<QueueView, 'queues'>, ticket: Ticket, service: Service): PublicTicket {
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  const opening = ticket.status === 'waiting' ? openingOf(view.queues.find((q) => q.serviceId === service.id)) : undefined;
  return {
    ticket,
    service,
    branchName: state.branch.name,
    counterNumber: counter?.number ?? null,
    timeZone: state.branch.timeZone,
    ...(opening ? { opening } : {}),
  };
}

/** The public view of an active ticket of the branch; undefined when the state does not hold it (finished, or unknown). */
export function activePublicTicket(state: BranchState, view: () => QueueView, ticketId: string): PublicTicket | undefined {
  const record = state.tickets.get(ticketId);
  const service = record && state.services.get(record.serviceId);
  if (!record || !service) return undefined;
  const figures = record.status === 'waiting' ? view() : undefined;
  return publicView(state, figures ?? { queues: [] }, toWireTicket(record, figures?.figures.get(record.id)), service);
}
