/**
 * The branch state's reads and writes: loaded whole once, then written change by change, each
 * write guarded by the branch's event sequence number (the concurrency token).
 */
import { sql } from 'kysely';
import { RECENT_CALLS_KEPT } from '../../../protocol/messages.js';
import { CALL_SHOWN_STATUSES } from '../../../protocol/recent-calls.js';
import type { DomainEvent } from '../../../protocol/messages.js';
import type { ThrottleAlert } from '../../../protocol/schemas.js';
import { learnTimes, type BranchState, type Change, type TicketRecord } from '../domain/branch-state.js';
import { addDays, collectQueueTimeEvidence, RECENT_DAYS, type QueueTimeEvidence } from '../domain/service-time.js';
import { findBranch, listMachines, listServices } from './branch-repository.js';
import { listCounters } from './counter-repository.js';
import type { Db } from './db.js';
import { finishedTickets, latestBusinessDay } from './history-repository.js';
import { toBranch, toMachine, toService, toTicketRecord } from './mappers.js';
import { listActiveTickets, listNoShows } from './ticket-repository.js';

/** Another writer (an admin change, another server) moved the branch's sequence first: reload and decide again. */
export class SequenceMoved extends Error {
  constructor(branchId: string) {
    super(`branch ${branchId} changed under this change`);
    this.name = 'SequenceMoved';
  }
}

/** Reads everything the branch's queue rules and estimates need, consistent with one sequence number. */
export async function loadBranchState(db: Db, branchId: string): Promise<BranchState | undefined> {
  const branchRow = await findBranch(db, branchId);
  if (!branchRow) return undefined;
  const [serviceRows, counters, machineRows, activeRows, numberRows, today] = await Promise.all([
    listServices(db, branchId),
    listCounters(db, branchId),
    listMachines(db, branchId),
    listActiveTickets(db, branchId),
    latestNumbers(db, branchId),
    latestBusinessDay(db, branchId),
  ]);
  const services = new Map(serviceRows.map((row) => [row.id, toService(row)]));
  const tickets = new Map(activeRows.map((row) => [row.id, toTicketRecord(row)]));

  const none = new Map<string, QueueTimeEvidence>();
  const evidence = async (from: string, to: string) => collectQueueTimeEvidence(await finishedTickets(db, branchId, from, to));
  const [recent, todays] = today ? await Promise.all([evidence(addDays(today, -RECENT_DAYS), addDays(today, -1)), evidence(today, today)]) : [none, new Map()];

  let oldestActive: string | null = null;
  for (const t of tickets.values()) if (oldestActive === null || t.issuedAt < oldestActive) oldestActive = t.issuedAt;
  const [tiered, calls, alerts, noShowRows] = await Promise.all([
    oldestActive ? tieredCallsSince(db, [...counters.map((c) => c.id)], oldestActive) : Promise.resolve([]),
    recentCalls(db, branchId, RECENT_CALLS_KEPT),
    latestThrottleAlerts(db, branchId),
    today ? listNoShows(db, branchId, today) : Promise.resolve([]),
  ]);
  const tieredCalls = new Map<string, string[]>();
  for (const call of tiered) tieredCalls.set(call.counter_id!, [...(tieredCalls.get(call.counter_id!) ?? []), call.at]);

  return {
    seq: branchRow.last_seq,
    branch: toBranch(branchRow),
    services,
    counters: new Map(counters.map((c) => [c.id, c])),
    machines: machineRows.map(toMachine),
    tickets,
    lastNumbers: new Map(numberRows.map((r) => [r.prefix, { day: r.business_day, value: r.last_number }])),
    learning: { today, recent, todays, times: learnTimes(services.values(), recent, todays) },
    tieredCalls,
    recentCalls: calls.map((c) => ({
      ticketId: c.ticket_id!,
      number: c.number,
      serviceId: c.service_id,
      counterId: c.counter_id,
      counterNumber: c.counter_number,
      at: c.at,
      recall: c.type === 'ticket.recalled',
    })),
    throttleAlerts: new Map(alerts.map((alert) => [alert.deviceId, alert])),
    noShows: new Map(noShowRows.map((row) => [row.id, toTicketRecord(row)])),
  };
}

/**
 * Writes one batch of changes and their events in the caller's transaction, after moving the
 * branch's sequence from `fromSeq` to the last event's. Throws SequenceMoved when another writer
 * moved it first (nothing is written then).
 */
export async function writeBranchChanges(trx: Db, branchId: string, fromSeq: number, changes: readonly Change[], events: readonly DomainEvent[]): Promise<void> {
  const toSeq = fromSeq + events.length;
  const moved = await trx.updateTable('branches').set({ last_seq: toSeq }).where('id', '=', branchId).where('last_seq', '=', fromSeq).executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) throw new SequenceMoved(branchId);

  for (const change of changes) {
    if (change.kind === 'ticket') await (change.inserted ? insertTicket(trx, change.ticket) : updateTicket(trx, change.ticket));
    else if (change.kind === 'counter') {
      const { counter } = change;
      await trx
        .updateTable('counters')
        .set({
          status: counter.status,
          teller_id: counter.tellerId,
          current_ticket_id: counter.currentTicketId,
          status_changed_at: counter.statusChangedAt,
          pause_reason: counter.pauseReason ?? null,
        })
        .where('id', '=', counter.id)
        .execute();
    } else if (change.kind === 'number') {
      await trx
        .insertInto('ticket_number_sequences')
        .values({ branch_id: branchId, prefix: change.prefix, business_day: change.day, last_number: change.value })
        .onConflict((oc) => oc.columns(['branch_id', 'prefix', 'business_day']).doUpdateSet({ last_number: change.value }))
        .execute();
    } else if (change.kind === 'customer_visit') {
      await trx.updateTable('customers').set({ last_visit_at: change.at }).where('id', '=', change.customerId).where('branch_id', '=', branchId).execute();
    }
    // A throttle alert is kept by its event.
  }
  await appendEvents(trx, events);
}

/** Appends events to the branch's log (the log keeps the ticket and counter after each change, not the queue figures). */
export async function appendEvents(trx: Db, events: readonly DomainEvent[]): Promise<void> {
  // SQLite takes at most 32,766 parameters per statement: 8 per row.
  for (let i = 0; i < events.length; i += 500) {
    await trx
      .insertInto('events')
      .values(
        events.slice(i, i + 500).map((event) => {
          const ticket = 'ticket' in event ? event.ticket : undefined;
          const counter = 'counter' in event ? event.counter : undefined;
          const diversion = 'diversion' in event ? event.diversion : undefined;
          const alert = 'alert' in event ? event.alert : undefined;
          const calledDirectly = 'calledDirectly' in event ? event.calledDirectly : undefined;
          return {
            branch_id: event.branchId,
            seq: event.seq,
            type: event.type,
            at: event.at,
            actor_id: event.actorId,
            ticket_id: ticket?.id ?? null,
            counter_id: counter?.id ?? null,
            payload: JSON.stringify({ ticket, counter, diversion, alert, calledDirectly }),
          };
        }),
      )
      .execute();
  }
}

/** The columns a ticket's life can change after it is issued. */
const changingColumns = (t: TicketRecord) => ({
  service_id: t.serviceId,
  tier: t.tier,
  status: t.status,
  called_at: t.calledAt,
  started_at: t.startedAt,
  ended_at: t.endedAt,
  counter_id: t.counterId,
  call_count: t.callCount,
  diverted_to: t.divertedTo,
  queued_at: t.queuedAt ?? null,
  on_my_way_at: t.onMyWayAt ?? null,
});

async function insertTicket(trx: Db, t: TicketRecord): Promise<void> {
  await trx
    .insertInto('tickets')
    .values({
      id: t.id,
      branch_id: t.branchId,
      number: t.number,
      business_day: t.businessDay,
      customer_ref: t.customerRef,
      customer_id: t.customerId,
      issued_at: t.issuedAt,
      issued_by: t.issuedBy,
      issued_by_device: t.issuedByDevice,
      issue_estimate_seconds: t.issueEstimateSeconds,
      ...changingColumns(t),
    })
    .execute();
}

/** Writes every column a ticket's life can change: one statement shape, prepared once. */
async function updateTicket(trx: Db, t: TicketRecord): Promise<void> {
  await trx.updateTable('tickets').set(changingColumns(t)).where('id', '=', t.id).execute();
}

/** The last number of each prefix, on the latest business day it was used. */
const latestNumbers = (db: Db, branchId: string) =>
  db
    .selectFrom('ticket_number_sequences as s')
    .select(['s.prefix', 's.business_day', 's.last_number'])
    .where('s.branch_id', '=', branchId)
    .where(({ eb, selectFrom }) =>
      eb(
        's.business_day',
        '=',
        selectFrom('ticket_number_sequences as latest')
          .select(({ fn }) => fn.max('latest.business_day').as('day'))
          .whereRef('latest.branch_id', '=', 's.branch_id')
          .whereRef('latest.prefix', '=', 's.prefix'),
      ),
    )
    .execute();

/**
 * A field of the ticket as its event recorded it, not as it is now: a called ticket may have been
 * transferred or moved to another tier since, and the held state remembers the call as it was.
 */
const calledTicket = (field: 'number' | 'serviceId' | 'tier') => sql<string>`json_extract(events.payload, ${`$.ticket.${field}`})`;

/** When `counterIds` called priority or VIP tickets since `since` (ISO), for the fairness rule. */
const tieredCallsSince = (db: Db, counterIds: string[], since: string) =>
  db
    .selectFrom('events')
    .select(['events.counter_id', 'events.at'])
    .where('events.counter_id', 'in', counterIds.length > 0 ? counterIds : [''])
    .where('events.type', '=', 'ticket.called')
    .where('events.at', '>=', since)
    .where(calledTicket('tier'), '!=', 'regular')
    .orderBy('events.seq')
    .execute();

/**
 * The last calls and recalls of the branch, newest first: those the hall's screens still show
 * (protocol/recent-calls.ts), i.e. of tickets at a counter or served since, from their latest call on.
 */
const recentCalls = (db: Db, branchId: string, limit: number) =>
  db
    .selectFrom('events')
    .innerJoin('counters', 'counters.id', 'events.counter_id')
    .innerJoin('tickets', 'tickets.id', 'events.ticket_id')
    .where('tickets.status', 'in', [...CALL_SHOWN_STATUSES])
    .whereRef('events.at', '>=', 'tickets.called_at')
    .select([
      'events.ticket_id',
      'events.type',
      'events.at',
      calledTicket('number').as('number'),
      calledTicket('serviceId').as('service_id'),
      'counters.id as counter_id',
      'counters.number as counter_number',
    ])
    .where('events.branch_id', '=', branchId)
    .where('events.type', 'in', ['ticket.called', 'ticket.recalled'])
    .orderBy('events.seq', 'desc')
    .limit(limit)
    .execute();

/** How many of the latest throttle events are read at load: far more kiosks than a branch has. */
const THROTTLE_EVENTS_READ = 100;

/** The latest throttle alert of each kiosk, from the event log (the snapshot shows the recent ones). */
async function latestThrottleAlerts(db: Db, branchId: string): Promise<ThrottleAlert[]> {
  const rows = await db
    .selectFrom('events')
    .select('payload')
    .where('branch_id', '=', branchId)
    .where('type', '=', 'device.throttled')
    .orderBy('seq', 'desc')
    .limit(THROTTLE_EVENTS_READ)
    .execute();
  const latest = new Map<string, ThrottleAlert>();
  for (const row of rows) {
    const { alert } = JSON.parse(row.payload) as { alert: ThrottleAlert };
    if (!latest.has(alert.deviceId)) latest.set(alert.deviceId, alert);
  }
  return [...latest.values()];
}
