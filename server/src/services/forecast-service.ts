/**
 * What-if forecasts for the lobby manager: the live hall from the database, the next hour's
 * customers from the branch's own history, and the lobby simulator run many times on a worker thread.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import type { Tier } from '../../../protocol/schemas.js';
import { countArrivalsByHour, localHourReader } from '../domain/arrival-hours.js';
import { businessDay } from '../domain/business-day.js';
import { addDays } from '../domain/service-time.js';
import { notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { findBranch } from '../repositories/branch-repository.js';
import { issuedTickets } from '../repositories/history-repository.js';
import { toBranch } from '../repositories/mappers.js';
import type { SimulatedService } from '../simulator/branch-profile.js';
import { checkWhatIfAction, type LiveHall, type WhatIfAction, type WhatIfOptions } from '../simulator/what-if.js';
import { assertStaff, type Actor } from '../domain/actor.js';
import { queueCounters, queueServices, waitingTickets } from '../domain/branch-state.js';
import { ticketNowWaits } from '../domain/what-if-estimate.js';
import type { BranchEngine } from './branch-engine.js';
import type { WhatIfPool } from './what-if-pool.js';

/** Days of history behind the next hour's arrivals. */
const HISTORY_DAYS = 28;
/** Fewer days than this and the last hour of today is the better guide. */
const MIN_HISTORY_DAYS = 3;
/** Spread of service times (sd / mean) when simulating: typical of counter work. */
export const SERVICE_TIME_CV = 0.6;

export function createForecastService({ db, clock, engine, whatIfPool }: { db: Kysely<Database>; clock: Clock; engine: BranchEngine; whatIfPool: WhatIfPool }) {
  /** Expected customers per hour for the next hour, and their tier mix, per service. */
  async function expectedArrivals(branchId: string, timeZone: string, now: Date) {
    const today = businessDay(now, timeZone);
    const [history, todays] = await Promise.all([
      issuedTickets(db, branchId, addDays(today, -HISTORY_DAYS), addDays(today, -1)),
      issuedTickets(db, branchId, today, today),
    ]);
    const { days, byService } = countArrivalsByHour(history, timeZone);
    const lastHour = todays.filter((t) => Date.parse(t.issued_at) > now.getTime() - 3_600_000 && Date.parse(t.issued_at) <= now.getTime());
    const useHistory = days >= MIN_HISTORY_DAYS;
    // The next 60 minutes straddle this hour of the day and the next one.
    const hour = localHourReader(timeZone)(now.toISOString());
    const intoHour = now.getUTCMinutes() / 60;
    const pool = useHistory ? history : lastHour;
    return (serviceId: string) => {
      const hours = byService.get(serviceId);
      const perHour = useHistory
        ? hours
          ? ((1 - intoHour) * hours[hour] + intoHour * hours[(hour + 1) % 24]) / days
          : 0
        : lastHour.filter((t) => t.service_id === serviceId).length;
      const mine = pool.filter((t) => t.service_id === serviceId);
      const share = (tier: Tier) => (mine.length ? mine.filter((t) => t.tier === tier).length / mine.length : 0);
      return { perHour, vipShare: share('vip'), priorityShare: share('priority') };
    };
  }

  return {
    /** The likely longest and mean wait of the next hour, with and without `action` (managers). */
    async whatIf(actor: Actor, branchId: string, action: WhatIfAction, options: WhatIfOptions = {}): Promise<WhatIfForecast> {
      assertStaff(actor, branchId, ['admin', 'manager']);
      const row = await findBranch(db, branchId);
      if (!row) throw notFound('branch', branchId);
      const branch = toBranch(row);
      const now = clock.now();
      const [state, arrivals] = await Promise.all([
        engine.read(branchId, (held, view) => held && {
          services: [...held.services.values()],
          counters: [...held.counters.values()],
          queueServices: queueServices(held),
          queueCounters: queueCounters(held),
          waiting: waitingTickets(held),
          settings: held.branch.settings,
          // Read from the held state now, so the baseline is the figure the screens show.
          ticketNow: ticketNowWaits(held, view(), action),
        }),
        expectedArrivals(branchId, branch.timeZone, now),
      ]);
      if (!state) throw notFound('branch', branchId);
      const learned = new Map(state.queueServices.map((s) => [s.id, s]));
      const services: SimulatedService[] = state.services.map((s) => {
        const expected = arrivals(s.id);
        return {
          id: s.id,
          label: s.prefix,
          meanServiceSeconds: learned.get(s.id)!.meanServiceSeconds,
          serviceCv: SERVICE_TIME_CV,
          targetWaitSeconds: s.targetWaitSeconds,
          arrivalsPerHour: [expected.perHour],
          vipShare: expected.vipShare,
          priorityShare: expected.priorityShare,
          divertShare: 0,
        };
      });
      const live = new Map(state.queueCounters.map((c) => [c.id, c]));
      const hall: LiveHall = {
        nowMs: now.getTime(),
        services,
        counters: state.counters.map((c) => ({
          id: c.id,
          number: c.number,
          vip: c.vip,
          serviceIds: c.serviceIds,
          status: c.status,
          current: live.get(c.id)?.current ?? null,
          tieredCallsAt: live.get(c.id)?.tieredCallsAt ?? [],
        })),
        waiting: state.waiting.map((t) => ({ id: t.id, serviceId: t.serviceId, tier: t.tier, issuedAtMs: Date.parse(t.issuedAt) })),
        settings: state.settings,
      };
      // A wrong action is answered at once, without a worker thread.
      checkWhatIfAction(hall, action);
      return { ...(await whatIfPool.forecast({ hall, action, options })), ticketNow: state.ticketNow };
    },
  };
}

export type ForecastService = ReturnType<typeof createForecastService>;
