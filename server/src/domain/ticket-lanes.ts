/** Waiting tickets by service and tier, as the call rule sees them. Pure data structure. */
import type { Tier } from '../../../protocol/schemas.js';
import { byTierThenArrival, type WaitingTicket } from './call-order.js';

const TIER_ORDER: readonly Tier[] = ['vip', 'priority', 'regular'];

/**
 * The waiting tickets by service and tier, each lane in call order. `pickNextTicket` only ever
 * takes the head of a lane: the first callable ticket in tier order, or the regular ticket overdue
 * the longest (older tickets of a service are overdue first). Handing it just the heads gives the same
 * choice in O(services) rather than O(tickets), which keeps a 200-ticket replay fast. The lobby
 * simulator keeps its queue in the same structure.
 */
export class TicketLanes {
  private readonly lanes = new Map<string, { tickets: WaitingTicket[]; head: number }[]>();
  /** Tickets still waiting. */
  size = 0;

  constructor(tickets: readonly WaitingTicket[] = []) {
    for (const ticket of [...tickets].sort(byTierThenArrival)) this.add(ticket);
  }

  /** Adds a ticket that arrived after every ticket of its service and tier already here. */
  add(ticket: WaitingTicket): void {
    let lanes = this.lanes.get(ticket.serviceId);
    if (!lanes) this.lanes.set(ticket.serviceId, (lanes = TIER_ORDER.map(() => ({ tickets: [], head: 0 }))));
    lanes[TIER_ORDER.indexOf(ticket.tier)].tickets.push(ticket);
    this.size++;
  }

  /** The tickets a counter serving `serviceIds` could possibly call next. */
  heads(serviceIds: readonly string[]): WaitingTicket[] {
    const heads: WaitingTicket[] = [];
    for (const serviceId of serviceIds) {
      for (const lane of this.lanes.get(serviceId) ?? []) {
        if (lane.head < lane.tickets.length) heads.push(lane.tickets[lane.head]);
      }
    }
    return heads;
  }

  /** Removes `ticket`, which must be one of the heads just returned (it was called). */
  take(ticket: WaitingTicket): void {
    this.lanes.get(ticket.serviceId)![TIER_ORDER.indexOf(ticket.tier)].head++;
    this.size--;
  }

  /** The tickets still waiting, lane by lane. */
  waiting(): WaitingTicket[] {
    const waiting: WaitingTicket[] = [];
    for (const lanes of this.lanes.values()) {
      for (const lane of lanes) {
        for (let i = lane.head; i < lane.tickets.length; i++) waiting.push(lane.tickets[i]);
      }
    }
    return waiting;
  }
}
