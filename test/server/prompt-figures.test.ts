/**
 * A regular ticket is answered before the whole queue is replayed: its position and promise come
 * from the change and the last replay. They must equal what the replay then publishes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../protocol/messages.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

let t: TestApp;
let published: DomainEvent[];
beforeEach(async () => {
  t = await createTestApp();
  published = [];
  t.app.lobby.bus.subscribe(BRANCH, (events) => published.push(...events));
});
afterEach(() => t.close());

const issue = async (prefix: string, tier = 'regular') => {
  const res = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix), tier } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; position: number; estimatedWaitSeconds: number };
};
const publishedTicket = (id: string) => {
  const event = published.findLast((e) => e.type === 'ticket.issued' && e.ticket.id === id);
  return event && 'ticket' in event ? event.ticket : undefined;
};

async function busyHall() {
  const manager = await t.as('manager');
  for (const n of [1, 2, 6]) await t.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/open`, headers: manager });
  await issue('A', 'priority');
  await issue('V', 'vip');
  await issue('A', 'vip');
  for (const n of [1, 2]) await t.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/call-next`, headers: manager });
}

describe('the promise made to a new customer', () => {
  it.each([
    ['read from a replay at most two seconds old: the same place, and the wait within the seconds since', 1_000, 1],
    ['replayed first when the last replay is older: exactly the published figures', 20_000, 0],
  ])('is %s', async (_, stepMs, toleranceSeconds) => {
    await busyHall();
    const promises: Awaited<ReturnType<typeof issue>>[] = [];
    for (let i = 0; i < 12; i++) {
      t.clock.advance(stepMs);
      promises.push(await issue(['A', 'B', 'C'][i % 3]));
    }
    // The replay is published just after the reply.
    await eventually(() => promises.every((p) => publishedTicket(p.id)), 2000, 'every ticket.issued event');
    for (const ticket of promises) {
      const replayed = publishedTicket(ticket.id)!;
      expect(replayed.position).toBe(ticket.position);
      expect(Math.abs(replayed.estimatedWaitSeconds! - ticket.estimatedWaitSeconds)).toBeLessThanOrEqual(toleranceSeconds);
    }
    expect(new Set(promises.map((p) => p.estimatedWaitSeconds)).size).toBeGreaterThan(3);
    // What the customer was told is what is kept, to measure the estimate's accuracy.
    const stored = await t.app.lobby.db.selectFrom('tickets').select(['id', 'issue_estimate_seconds']).where('id', 'in', promises.map((p) => p.id)).execute();
    expect(new Map(stored.map((r) => [r.id, r.issue_estimate_seconds]))).toEqual(new Map(promises.map((p) => [p.id, p.estimatedWaitSeconds])));
  });
});
