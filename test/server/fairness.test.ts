/** The fairness rule end to end: priority first, but an overdue ordinary customer is not starved. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const issue = async (tier: string) =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A'), tier } })).json();

describe('fairness at a regular counter', () => {
  it('calls an ordinary customer past the target wait after at most 2 priority customers went ahead', async () => {
    const regular = await issue('regular');
    t.clock.advance(11 * 60_000); // past cash's 10-minute target
    const priority = [await issue('priority'), await issue('priority'), await issue('priority')];
    const teller = await t.as('teller1');
    await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/open`, headers: teller });

    const called: string[] = [];
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000);
      const ticket = (await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/call-next`, headers: teller })).json();
      called.push(ticket.number);
      await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/recall`, headers: teller });
      await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/no-show`, headers: teller });
    }
    expect(called).toEqual([priority[0].number, priority[1].number, regular.number, priority[2].number]);
  });
});
