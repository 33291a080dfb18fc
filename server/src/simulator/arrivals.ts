/** The customers of a simulated period: Poisson arrivals by hour, with their tier, errand and patience. */
import type { Tier } from '../../../protocol/schemas.js';
import type { SimulatedService } from './branch-profile.js';
import { exponential, lognormal, type Random } from './random.js';

const HOUR_MS = 3_600_000;

export interface Arrival {
  atMs: number;
  service: SimulatedService;
  tier: Tier;
  diverted: boolean;
  serviceMs: number;
  patienceMs: number;
}

/** Every customer of the run, drawn before the counters act so that scenarios share them. */
export function drawArrivals(
  random: Random,
  setup: { services: readonly SimulatedService[]; startMs: number; arrivalsUntilMs: number; patienceSeconds: number | null },
): Arrival[] {
  const arrivals: Arrival[] = [];
  for (const service of setup.services) {
    for (let hour = 0; setup.startMs + hour * HOUR_MS < setup.arrivalsUntilMs; hour++) {
      const rate = service.arrivalsPerHour[Math.min(hour, service.arrivalsPerHour.length - 1)];
      const hourEnd = Math.min(setup.startMs + (hour + 1) * HOUR_MS, setup.arrivalsUntilMs);
      if (rate <= 0) continue;
      // Poisson arrivals: exponential gaps; the rate is constant within the hour.
      for (let at = setup.startMs + hour * HOUR_MS + exponential(random, HOUR_MS / rate); at < hourEnd; at += exponential(random, HOUR_MS / rate)) {
        const u = random();
        const tier: Tier = u < service.vipShare ? 'vip' : u < service.vipShare + service.priorityShare ? 'priority' : 'regular';
        arrivals.push({
          atMs: at,
          service,
          tier,
          diverted: random() < service.divertShare,
          serviceMs: lognormal(random, service.meanServiceSeconds, service.serviceCv) * 1000,
          patienceMs: setup.patienceSeconds === null ? Infinity : lognormal(random, setup.patienceSeconds, 0.5) * 1000,
        });
      }
    }
  }
  return arrivals.sort((a, b) => a.atMs - b.atMs);
}
