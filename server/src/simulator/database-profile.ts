/**
 * A branch profile read from a lobbyflow database: its services and counters as configured, and
 * its customers as the last four weeks saw them (arrivals by hour, tier mix, service times).
 * Without history it falls back to the demo day's shape.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { countArrivalsByHour } from '../domain/arrival-hours.js';
import { businessDay } from '../domain/business-day.js';
import { addDays, collectQueueTimeEvidence, learnQueueTimes } from '../domain/service-time.js';
import { findBranch, listServices } from '../repositories/branch-repository.js';
import { listCounters } from '../repositories/counter-repository.js';
import { finishedTickets, issuedTickets } from '../repositories/history-repository.js';
import { toBranch } from '../repositories/mappers.js';
import { DEMO_ARRIVALS, DEMO_MIX, type BranchProfile } from './branch-profile.js';

const HISTORY_DAYS = 28;
const DEFAULT_OPENING_HOUR = 9;
const DEFAULT_CV = 0.6;
const DEFAULT_PATIENCE_SECONDS = 40 * 60;

/** The profile of `branchId` as of `now`, or null when the branch does not exist. */
export async function profileFromDatabase(db: Kysely<Database>, branchId: string, now: Date, hours: number): Promise<BranchProfile | null> {
  const row = await findBranch(db, branchId);
  if (!row) return null;
  const branch = toBranch(row);
  const today = businessDay(now, branch.timeZone);
  const from = addDays(today, -HISTORY_DAYS);
  const [services, counters, issued, finished] = await Promise.all([
    listServices(db, branchId),
    listCounters(db, branchId),
    issuedTickets(db, branchId, from, today),
    finishedTickets(db, branchId, from, today),
  ]);
  const { days, byService } = countArrivalsByHour(issued, branch.timeZone);
  const learned = learnQueueTimes(
    services.map((s) => ({ id: s.id, configuredSeconds: s.default_service_seconds })),
    collectQueueTimeEvidence(finished),
    new Map(),
  );
  // The day starts at the first hour in which customers usually come.
  const busiest = [...byService.values()].reduce((sum, h) => sum.map((n, i) => n + h[i]), Array<number>(24).fill(0));
  const firstHour = busiest.findIndex((n) => n > 0);
  const opening = firstHour >= 0 ? firstHour : DEFAULT_OPENING_HOUR;
  const hourly = (serviceId: string, prefix: string): number[] => {
    const history = byService.get(serviceId);
    if (days > 0 && history) return Array.from({ length: hours }, (_, h) => history[(opening + h) % 24] / days);
    if (days > 0) return [0];
    // No history yet: the demo day, split by the demo mix (or evenly for other prefixes).
    const share = DEMO_MIX[prefix] ?? 1 / services.length;
    return DEMO_ARRIVALS.map((perHour) => perHour * share);
  };
  return {
    name: branchId,
    hours,
    services: services.map((s) => {
      const mine = issued.filter((t) => t.service_id === s.id);
      const share = (tier: string, fallback: number) => (mine.length ? mine.filter((t) => t.tier === tier).length / mine.length : fallback);
      const diverted = mine.filter((t) => t.status === 'diverted').length;
      return {
        id: s.id,
        label: s.prefix,
        name: s.name_en,
        meanServiceSeconds: learned.services.get(s.id)!.meanSeconds,
        serviceCv: DEFAULT_CV,
        configuredServiceSeconds: s.default_service_seconds,
        targetWaitSeconds: s.target_wait_seconds,
        arrivalsPerHour: hourly(s.id, s.prefix),
        vipShare: share('vip', 0.04),
        priorityShare: share('priority', 0.05),
        divertShare: mine.length ? diverted / mine.length : s.self_service_kind ? 0.1 : 0,
      };
    }),
    counters: counters.map((c) => ({ id: c.id, number: c.number, vip: c.vip, serviceIds: c.serviceIds, shifts: [[0, hours]] })),
    settings: branch.settings,
    patienceSeconds: DEFAULT_PATIENCE_SECONDS,
  };
}
