/** Two tellers pressing "call next" at the same moment never get the same ticket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let base: string;
let manager: Record<string, string>;
const COUNTERS = Array.from({ length: 10 }, (_, i) => i + 1);

beforeAll(async () => {
  t = await createTestApp();
  // The demo branch has six counters; add four more serving cash, for ten in all.
  const now = t.clock.now().toISOString();
  for (const number of [7, 8, 9, 10]) {
    await t.app.lobby.db
      .insertInto('counters')
      .values({ id: counter(number), branch_id: BRANCH, number, vip: 0, low_counter: 0, status: 'closed', teller_id: null, current_ticket_id: null, status_changed_at: now })
      .execute();
    await t.app.lobby.db.insertInto('counter_services').values({ branch_id: BRANCH, counter_id: counter(number), service_id: service('A') }).execute();
  }
  // Counter 5 (the low counter) does not take cash by default; here it does.
  await t.app.lobby.db.insertInto('counter_services').values({ branch_id: BRANCH, counter_id: counter(5), service_id: service('A') }).execute();
  // Written behind the server's back: it reads the branch again.
  await t.app.lobby.engine.reload(BRANCH);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  manager = await t.as('manager');
});
afterAll(() => t.close());

const post = async (path: string, body?: object) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...manager, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};

async function resetQueue(tickets: number) {
  await t.app.lobby.db.updateTable('counters').set({ status: 'closed', teller_id: null, current_ticket_id: null }).execute();
  await t.app.lobby.db.updateTable('tickets').set({ status: 'cancelled' }).where('status', 'in', ['waiting', 'called', 'serving']).execute();
  await t.app.lobby.engine.reload(BRANCH);
  for (let i = 0; i < tickets; i++) expect((await post(`/api/branches/${BRANCH}/tickets`, { serviceId: service('A') })).status).toBe(201);
  for (const n of COUNTERS) expect((await post(`/api/counters/${counter(n)}/open`)).status).toBe(200);
}

describe('call-next under concurrency', () => {
  it('serves 50 tickets through 10 counters calling in parallel: 50 distinct tickets, none twice', async () => {
    await resetQueue(50);
    const served = await Promise.all(
      COUNTERS.map(async (n) => {
        const mine: string[] = [];
        for (let round = 0; round < 5; round++) {
          const called = await post(`/api/counters/${counter(n)}/call-next`);
          expect(called.status).toBe(200);
          mine.push(called.body.id);
          expect((await post(`/api/tickets/${called.body.id}/start`)).status).toBe(200);
          expect((await post(`/api/tickets/${called.body.id}/complete`)).status).toBe(200);
        }
        return mine;
      }),
    );
    const all = served.flat();
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    const calls = await t.app.lobby.db.selectFrom('events').select('ticket_id').where('type', '=', 'ticket.called').where('ticket_id', 'in', all).execute();
    expect(calls).toHaveLength(50);
  });

  it('answers 50 simultaneous call-next requests on 10 counters with 10 distinct tickets and 40 refusals', async () => {
    await resetQueue(50);
    const results = await Promise.all(COUNTERS.flatMap((n) => Array.from({ length: 5 }, () => post(`/api/counters/${counter(n)}/call-next`))));
    const called = results.filter((r) => r.status === 200).map((r) => r.body);
    const refused = results.filter((r) => r.status === 409);
    expect(called).toHaveLength(10);
    expect(new Set(called.map((c) => c.id)).size).toBe(10);
    expect(new Set(called.map((c) => c.counterId)).size).toBe(10);
    expect(refused).toHaveLength(40);
    expect(refused.every((r) => r.body.code === 'COUNTER_BUSY')).toBe(true);
    const rows = await t.app.lobby.db.selectFrom('tickets').select(['status']).where('status', 'in', ['waiting', 'called']).execute();
    expect(rows.filter((r) => r.status === 'called')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(40);
  });
});
