/**
 * Which tiers the kiosk asks about, after the customer chose a service. Pure.
 *
 * One VIP entry: when the branch has a VIP banking service (a service only VIP counters serve, the
 * demo's 貴賓服務), its tile is the VIP entry and the tier step asks only about priority. A VIP
 * customer in a Chinese branch goes to the VIP lane whatever their business, the VIP counter calls
 * every VIP ticket, and the hall's signs name that service: one tile they recognise, no second
 * "I am a VIP" button that leads to the same counter. A branch without such a service offers
 * "I am a VIP customer" on the tier step instead, for the services a VIP counter serves.
 */
import type { Counter, QueueSummary, Service, Tier } from '../../../protocol/index.js';

/**
 * Whether only VIP counters serve the service (and at least one does): its tickets are VIP tickets.
 * The server says so in the queue summary (`vipOnly`); the counters tell the same for an older server.
 */
export function isVipService(service: Service, counters: readonly Counter[], queues: readonly QueueSummary[] = []): boolean {
  if (queues.some((q) => q.serviceId === service.id && q.vipOnly)) return true;
  const serving = counters.filter((c) => c.serviceIds.includes(service.id));
  return serving.length > 0 && serving.every((c) => c.vip);
}

/**
 * The tiers to offer for a service: `['vip']` for the VIP banking service (nothing to ask), else
 * regular and priority, plus VIP when the branch has no VIP banking service and a VIP counter serves this one.
 */
export function tiersFor(service: Service, services: readonly Service[], counters: readonly Counter[], queues: readonly QueueSummary[] = []): Tier[] {
  if (isVipService(service, counters, queues)) return ['vip'];
  const vipTile = services.some((s) => isVipService(s, counters, queues));
  const vipCounterServes = counters.some((c) => c.vip && c.serviceIds.includes(service.id));
  return !vipTile && vipCounterServes ? ['regular', 'priority', 'vip'] : ['regular', 'priority'];
}
