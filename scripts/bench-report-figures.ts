/**
 * How long the report figures take for a month of a busy branch: 30 business days × 800 tickets
 * of the demo branch, each with its call and end events (and a transfer, ratings, kiosk
 * diversions), in a fresh database file. Prints the time of each breakdown; asserts nothing.
 *
 *   npx tsx scripts/bench-report-figures.ts [days] [ticketsPerDay]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { NewEvent, NewTicket } from '../db/schema.js';
import { FIGURES_BREAKDOWNS } from '../protocol/report-routes.js';
import { demoCounterId, demoServiceId, DEMO_BRANCH_ID, DEMO_COUNTERS, DEMO_SERVICES } from '../server/src/demo/demo-branch-layout.js';
import { addDays } from '../server/src/domain/service-time.js';
import { manualClock } from '../server/src/lib/clock.js';
import { seedDemoBranch } from '../server/src/seed/demo-branch.js';
import { createReportFiguresService } from '../server/src/services/report-figures-service.js';

const days = Number(process.argv[2] ?? 30);
const perDay = Number(process.argv[3] ?? 800);
const FIRST_DAY = '2026-10-01';

/** A small seeded generator: the same data every run. */
let state = 42;
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-bench-'));
const handle = openDatabase(join(dir, 'bench.db'));
const { db } = handle;
try {
  const clock = manualClock(`${addDays(FIRST_DAY, days + 1)}T02:00:00.000Z`);
  await migrateToLatest(db);
  await seedDemoBranch(db, clock);
  const tellers = (await db.selectFrom('users').select('id').where('role', '=', 'teller').execute()).map((u) => u.id);

  const started = Date.now();
  let seq = 1_000_000;
  for (let d = 0; d < days; d++) {
    const day = addDays(FIRST_DAY, d);
    const tickets: NewTicket[] = [];
    const events: NewEvent[] = [];
    for (let i = 0; i < perDay; i++) {
      const service = DEMO_SERVICES[Math.floor(random() * DEMO_SERVICES.length)]!;
      const counterNumber = DEMO_COUNTERS[Math.floor(random() * DEMO_COUNTERS.length)]!.number;
      const teller = tellers[counterNumber - 1]!;
      // 09:00–17:00 in Shanghai is 01:00–09:00 UTC.
      const issued = Date.parse(`${day}T01:00:00.000Z`) + Math.floor(random() * 8 * 3600) * 1000;
      const wait = Math.floor(random() * 1800);
      const serve = 60 + Math.floor(random() * 900);
      const roll = random();
      const status = roll < 0.85 ? 'done' : roll < 0.9 ? 'no_show' : roll < 0.95 ? 'cancelled' : 'diverted';
      const called = status === 'done' || status === 'no_show' ? new Date(issued + wait * 1000).toISOString() : null;
      const id = `bench-${day}-${i}`;
      tickets.push({
        id,
        branch_id: DEMO_BRANCH_ID,
        service_id: demoServiceId(service.prefix),
        number: `${service.prefix}${String(i).padStart(3, '0')}`,
        business_day: day,
        tier: random() < 0.1 ? 'priority' : random() < 0.1 ? 'vip' : 'regular',
        status,
        customer_ref: null,
        issued_at: new Date(issued).toISOString(),
        called_at: called,
        started_at: status === 'done' ? called : null,
        ended_at: new Date(issued + (wait + serve) * 1000).toISOString(),
        counter_id: called ? demoCounterId(counterNumber) : null,
        call_count: called ? 1 : 0,
        diverted_to: status === 'diverted' ? 'atm' : null,
        issued_by: null,
        issue_estimate_seconds: null,
      });
      const event = (type: NewEvent['type'], at: string, actor: string | null): NewEvent => ({
        branch_id: DEMO_BRANCH_ID,
        seq: seq++,
        type,
        at,
        actor_id: actor,
        ticket_id: id,
        counter_id: called ? demoCounterId(counterNumber) : null,
        payload: JSON.stringify({ ticket: { id, number: 'A001', serviceId: demoServiceId(service.prefix) }, counter: called ? { id: demoCounterId(counterNumber), tellerId: teller } : undefined }),
      });
      events.push(event('ticket.issued', new Date(issued).toISOString(), null));
      if (called) {
        if (random() < 0.03) events.push(event('ticket.transferred', called, teller));
        events.push(event('ticket.called', called, teller));
        events.push(event(status === 'done' ? 'ticket.completed' : 'ticket.no_show', new Date(issued + (wait + serve) * 1000).toISOString(), teller));
      }
      if (random() < 0.05) {
        events.push({ ...event('customer.diverted', new Date(issued).toISOString(), null), ticket_id: null, counter_id: null, payload: JSON.stringify({ diversion: { serviceId: demoServiceId(service.prefix), machineKind: 'atm' } }) });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < tickets.length; i += 500) await trx.insertInto('tickets').values(tickets.slice(i, i + 500)).execute();
      for (let i = 0; i < events.length; i += 500) await trx.insertInto('events').values(events.slice(i, i + 500)).execute();
      const rated = tickets.filter((t) => t.status === 'done' && random() < 0.6);
      for (let i = 0; i < rated.length; i += 500) {
        await trx
          .insertInto('ratings')
          .values(
            rated.slice(i, i + 500).map((t) => ({
              ticket_id: t.id,
              branch_id: DEMO_BRANCH_ID,
              business_day: day,
              service_id: t.service_id,
              counter_id: t.counter_id ?? null,
              teller_id: null,
              score: 1 + Math.floor(random() * 5),
              reason: null,
              comment: null,
              source: 'counter' as const,
              at: t.ended_at!,
            })),
          )
          .execute();
      }
    });
  }
  const eventCount = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(`wrote ${days} days × ${perDay} tickets and ${eventCount.n} events in ${Date.now() - started} ms`);

  const service = createReportFiguresService({ db, clock });
  const manager = { kind: 'user' as const, id: 'bench', role: 'manager' as const, branchId: DEMO_BRANCH_ID, username: 'manager' };
  const to = addDays(FIRST_DAY, days - 1);
  for (const round of [1, 2]) {
    for (const by of FIGURES_BREAKDOWNS) {
      const t0 = performance.now();
      const report = await service.figures(manager, DEMO_BRANCH_ID, { from: FIRST_DAY, to, by });
      const ms = performance.now() - t0;
      console.log(`round ${round} by=${by.padEnd(7)} ${ms.toFixed(0).padStart(5)} ms  (${report.rows.length} rows, ${report.total.issued} tickets, median wait ${report.total.wait.medianSeconds} s)`);
    }
    const t0 = performance.now();
    await service.figures({ ...manager, id: tellers[0]!, role: 'teller' }, DEMO_BRANCH_ID, { from: FIRST_DAY, to, by: 'day' });
    console.log(`round ${round} teller's own by=day ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
    const t1 = performance.now();
    await service.recordFigures(manager, DEMO_BRANCH_ID, { from: FIRST_DAY, to });
    console.log(`round ${round} records         ${(performance.now() - t1).toFixed(0).padStart(5)} ms`);
  }
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
