/**
 * The day's figures that prefill the work diary, read from what the hall recorded for one branch
 * and business day: tickets, kiosk diversions, complaints, referrals, faults and the day's checks.
 * Counts only: nothing here names a customer.
 */
import type { DiaryFigures } from '../../../protocol/diary-routes.js';
import { businessDay } from '../domain/business-day.js';
import { waitFigures, type CalledTicket } from '../domain/diary-rules.js';
import { addDays } from '../domain/service-time.js';
import type { Db } from './db.js';

/**
 * Timestamps are UTC and the day is the branch's: rows are read from a window wide enough for any
 * time zone (the day before to the day after), then kept when their instant falls on the day there.
 */
const widened = (day: string) => ({ from: `${addDays(day, -1)}T00:00:00.000Z`, to: `${addDays(day, 2)}T00:00:00.000Z` });

const countOnDay = (instants: readonly (string | null)[], day: string, timeZone: string) =>
  instants.filter((at) => at !== null && businessDay(new Date(at), timeZone) === day).length;

const ticketsOfDay = (db: Db, branchId: string, day: string) =>
  db
    .selectFrom('tickets')
    .select(['service_id', 'tier', 'status', 'issued_at', 'called_at', 'customer_id'])
    .where('branch_id', '=', branchId)
    .where('business_day', '=', day)
    .execute();

/** Every service of the branch, inactive ones too: a service closed since still served that day. */
const servicesOf = (db: Db, branchId: string) =>
  db
    .selectFrom('services')
    .select(['id', 'prefix', 'name_en', 'name_zh_hant', 'name_zh_hans', 'target_wait_seconds', 'active'])
    .where('branch_id', '=', branchId)
    .orderBy('sort_order')
    .orderBy('prefix')
    .execute();

async function kioskDiversions(db: Db, branchId: string, day: string, timeZone: string): Promise<number> {
  const { from, to } = widened(day);
  const rows = await db
    .selectFrom('events')
    .select('at')
    .where('branch_id', '=', branchId)
    .where('type', '=', 'customer.diverted')
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  return countOnDay(rows.map((r) => r.at), day, timeZone);
}

async function complaints(db: Db, branchId: string, day: string, timeZone: string) {
  const { from, to } = widened(day);
  const rows = await db
    .selectFrom('complaints')
    .select(['received_at', 'closed_at', 'status'])
    .where('branch_id', '=', branchId)
    .where((eb) => eb.or([eb.and([eb('received_at', '>=', from), eb('received_at', '<', to)]), eb.and([eb('closed_at', '>=', from), eb('closed_at', '<', to)])]))
    .execute();
  return {
    received: countOnDay(rows.map((r) => r.received_at), day, timeZone),
    // A complaint closed that day and reopened since is not closed.
    closed: countOnDay(rows.filter((r) => r.status === 'closed').map((r) => r.closed_at), day, timeZone),
  };
}

async function referrals(db: Db, branchId: string, day: string, timeZone: string): Promise<number> {
  const { from, to } = widened(day);
  const rows = await db
    .selectFrom('referrals')
    .select('created_at')
    .where('branch_id', '=', branchId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  return countOnDay(rows.map((r) => r.created_at), day, timeZone);
}

async function faults(db: Db, branchId: string, day: string, timeZone: string) {
  const { from, to } = widened(day);
  const [machines, devices, checks] = await Promise.all([
    db.selectFrom('machines').select('fault_at').where('branch_id', '=', branchId).where('fault_at', '>=', from).where('fault_at', '<', to).execute(),
    db.selectFrom('device_faults').select('at').where('branch_id', '=', branchId).where('at', '>=', from).where('at', '<', to).execute(),
    db.selectFrom('hall_checks').select('items').where('branch_id', '=', branchId).where('business_day', '=', day).execute(),
  ]);
  return {
    machines: countOnDay(machines.map((r) => r.fault_at), day, timeZone),
    devices: countOnDay(devices.map((r) => r.at), day, timeZone),
    checkItems: checks.reduce((sum, check) => sum + faultyItems(check.items), 0),
  };
}

/**
 * The items of a check (JSON, one { item, machineId?, ok, note } each) found faulty, machines left out:
 * a machine a check finds faulty is counted once, by its fault time, with the machines. A row that
 * does not parse counts none.
 */
function faultyItems(items: string): number {
  try {
    const parsed: unknown = JSON.parse(items);
    const faulty = (item: unknown) => {
      const entry = item as { ok?: unknown; machineId?: unknown } | null;
      return entry?.ok === false && !entry.machineId;
    };
    return Array.isArray(parsed) ? parsed.filter(faulty).length : 0;
  } catch {
    return 0;
  }
}

/** The figures of business day `day` in the branch (its calendar in `timeZone`). */
async function dayFigures(db: Db, branchId: string, day: string, timeZone: string): Promise<DiaryFigures> {
  const [tickets, services, beforeTicket, complaintCounts, referralCount, faultCounts] = await Promise.all([
    ticketsOfDay(db, branchId, day),
    servicesOf(db, branchId),
    kioskDiversions(db, branchId, day, timeZone),
    complaints(db, branchId, day, timeZone),
    referrals(db, branchId, day, timeZone),
    faults(db, branchId, day, timeZone),
  ]);
  const targets = new Map(services.map((s) => [s.id, s.target_wait_seconds]));
  const called: CalledTicket[] = tickets
    .filter((t) => t.called_at !== null)
    .map((t) => ({ serviceId: t.service_id, issuedAt: t.issued_at, calledAt: t.called_at! }));
  const served = (serviceId?: string) => tickets.filter((t) => t.status === 'done' && (serviceId === undefined || t.service_id === serviceId)).length;
  return {
    businessDay: day,
    services: services
      // An inactive service shows only when it had customers that day.
      .filter((s) => s.active === 1 || tickets.some((t) => t.service_id === s.id))
      .map((s) => ({
        serviceId: s.id,
        prefix: s.prefix,
        name: { en: s.name_en, zhHant: s.name_zh_hant, zhHans: s.name_zh_hans },
        served: served(s.id),
        ...waitFigures(
          called.filter((t) => t.serviceId === s.id),
          targets,
        ),
      })),
    totals: { served: served(), ...waitFigures(called, targets) },
    diversions: { fromQueue: tickets.filter((t) => t.status === 'diverted').length, beforeTicket },
    vip: {
      vipTickets: tickets.filter((t) => t.tier === 'vip').length,
      registeredCustomers: new Set(tickets.filter((t) => t.customer_id !== null).map((t) => t.customer_id)).size,
    },
    complaints: complaintCounts,
    referrals: referralCount,
    faults: faultCounts,
  };
}

export const diaryFiguresRepository = Object.freeze({ dayFigures });
