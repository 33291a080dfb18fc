/**
 * How fast the queue engine is on a real SQLite file (WAL, synchronous = FULL): issuing tickets,
 * calling them, and reading a snapshot with a full hall. Prints figures; asserts nothing.
 * Run: npx tsx test/bench/queue-throughput.ts
 */
import { performance } from 'node:perf_hooks';
import { BRANCH, counter, createTestApp, service } from '../helpers/test-app.js';

const ISSUES = Number(process.env.ISSUES ?? 1000);

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
  const total = samples.reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(34)} n=${String(samples.length).padStart(5)}  ${(1000 / (total / samples.length)).toFixed(0).padStart(6)} ops/s  p50 ${pct(0.5)} ms  p95 ${pct(0.95)} ms  p99 ${pct(0.99)} ms`,
  );
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const t = await createTestApp();
const prefixes = ['A', 'B', 'C', 'D'];
const issueTimes: number[] = [];
for (let i = 0; i < ISSUES; i++) {
  issueTimes.push(
    await time(async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/branches/${BRANCH}/tickets`,
        headers: t.kiosk,
        payload: { serviceId: service(prefixes[i % prefixes.length]), tier: i % 10 === 0 ? 'priority' : 'regular' },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    }),
  );
  // Keep ~200 people waiting, as in a very busy hall: cancel the oldest beyond that.
  if (i >= 200) {
    const oldest = await t.app.lobby.db.selectFrom('tickets').select('id').where('status', '=', 'waiting').orderBy('issued_at').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await t.app.lobby.db.updateTable('tickets').set({ status: 'cancelled' }).where('id', '=', oldest.id).execute();
  }
}
summary(`issue ticket (HTTP, ≤200 waiting)`, issueTimes);

const snapshotTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  snapshotTimes.push(await time(() => t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: t.display })));
}
summary('snapshot (200 waiting)', snapshotTimes);

const manager = await t.as('manager');
for (const n of [1, 2, 3, 4]) await t.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/open`, headers: manager });
const callTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const n = (i % 4) + 1;
  callTimes.push(await time(() => t.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/call-next`, headers: manager })));
  const current = await t.app.lobby.db.selectFrom('counters').select('current_ticket_id').where('id', '=', counter(n)).executeTakeFirstOrThrow();
  if (current.current_ticket_id) {
    await t.app.inject({ method: 'POST', url: `/api/tickets/${current.current_ticket_id}/no-show`, headers: manager });
  }
}
summary('call next (4 counters, ~200 waiting)', callTimes);
await t.close();
