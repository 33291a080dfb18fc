/**
 * People ahead of a waiting ticket, and the queue figures each screen shows.
 * Pure; the wait estimate itself lives in wait-estimate.ts.
 */
import type { QueueSummary, Tier } from '../../../protocol/schemas.js';
import { byTierThenArrival, type WaitingTicket } from './call-order.js';
import { estimateWaitSeconds } from './wait-estimate.js';

export interface QueueCounter {
  status: 'open' | 'paused' | 'closed';
  vip: boolean;
  serviceIds: readonly string[];
}

export interface QueueService {
  id: string;
  meanServiceSeconds: number;
}

/**
 * Tickets of the same service that will be called before `ticket`. A VIP ticket goes to the VIP
 * lane when a VIP counter serving its service is open; then it neither waits behind nor is counted
 * ahead of the ordinary queue.
 */
export function peopleAhead(
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  vipLaneOpen: boolean,
): number {
  const lane = (tier: Tier) => (vipLaneOpen && tier === 'vip' ? 'vip' : 'counter');
  return waiting.filter(
    (other) =>
      other.id !== ticket.id &&
      other.serviceId === ticket.serviceId &&
      lane(other.tier) === lane(ticket.tier) &&
      byTierThenArrival(other, ticket) < 0,
  ).length;
}

/** Counters open (not paused) that serve `serviceId`, split by whether they are VIP counters. */
export function openCountersFor(serviceId: string, counters: readonly QueueCounter[]) {
  const open = counters.filter((c) => c.status === 'open' && c.serviceIds.includes(serviceId));
  return { all: open.length, vip: open.filter((c) => c.vip).length, regular: open.filter((c) => !c.vip).length };
}

/** Position and estimated wait for every waiting ticket, keyed by ticket id. */
export function positionsAndEstimates(
  waiting: readonly WaitingTicket[],
  services: readonly QueueService[],
  counters: readonly QueueCounter[],
): Map<string, { position: number; estimatedWaitSeconds: number }> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const result = new Map<string, { position: number; estimatedWaitSeconds: number }>();
  for (const ticket of waiting) {
    const open = openCountersFor(ticket.serviceId, counters);
    const vipLane = open.vip > 0;
    const position = peopleAhead(ticket, waiting, vipLane);
    const lanes = vipLane && ticket.tier === 'vip' ? open.vip : open.all;
    result.set(ticket.id, {
      position,
      estimatedWaitSeconds: estimateWaitSeconds({
        peopleAhead: position,
        meanServiceSeconds: byId.get(ticket.serviceId)?.meanServiceSeconds ?? 300,
        openCounters: lanes,
      }),
    });
  }
  return result;
}

/** Waiting count, longest wait and the estimate for a new regular ticket, per service. */
export function queueSummaries(
  waiting: readonly WaitingTicket[],
  services: readonly QueueService[],
  counters: readonly QueueCounter[],
  now: Date,
): QueueSummary[] {
  return services.map((service) => {
    const mine = waiting.filter((t) => t.serviceId === service.id);
    const open = openCountersFor(service.id, counters);
    const vipLane = open.vip > 0;
    const newcomer: WaitingTicket = { id: '', serviceId: service.id, tier: 'regular', issuedAt: now.toISOString() };
    const oldest = mine.reduce((min, t) => (t.issuedAt < min ? t.issuedAt : min), now.toISOString());
    return {
      serviceId: service.id,
      waitingCount: mine.length,
      longestWaitSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000)),
      estimatedWaitSeconds: estimateWaitSeconds({
        peopleAhead: peopleAhead(newcomer, [...mine, newcomer], vipLane),
        meanServiceSeconds: service.meanServiceSeconds,
        openCounters: open.all,
      }),
      openCounters: open.all,
    };
  });
}
