/**
 * Ratings after service (評價器): a done ticket is rated once, on the counter's display within two
 * minutes or on the customer's phone until the end of the day, and stored with its ticket,
 * counter, teller and service. No answer is no row. Managers read the figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { tableDigest } from '../../helpers/table-digest.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const send = (method: Method, url: string, headers: Record<string, string> = {}, payload?: object) => t.app.inject({ method, url, headers, payload });

/** Teller 1 at counter 1 serves a new ticket of `prefix` through to `until` ('done' by default). */
async function serveTicket(prefix = 'A', until: 'called' | 'serving' | 'done' = 'done'): Promise<string> {
  const teller = await t.as('teller1');
  await send('POST', `/api/counters/${counter(1)}/open`, teller, {});
  const ticket = (await send('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service(prefix) })).json();
  expect((await send('POST', `/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: ticket.id })).statusCode).toBe(200);
  if (until !== 'called') await send('POST', `/api/tickets/${ticket.id}/start`, teller);
  if (until === 'done') expect((await send('POST', `/api/tickets/${ticket.id}/complete`, teller)).statusCode).toBe(200);
  return ticket.id;
}

const atCounter = (ticketId: string, body: object, headers = t.display) => send('POST', `/api/tickets/${ticketId}/rating`, headers, body);
const onPhone = (ticketId: string, body: object) => send('POST', `/api/public/tickets/${ticketId}/rating`, {}, body);
const ratingRows = () => t.app.lobby.db.selectFrom('ratings').selectAll().execute();

describe('rating at the counter display', () => {
  it('stores the score with the ticket, counter, teller, service and business day', async () => {
    const ticketId = await serveTicket('B');
    const res = await atCounter(ticketId, { score: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ticketId, score: 5, reason: null, comment: null, source: 'counter' });
    const teller1 = await t.app.lobby.db.selectFrom('users').select('id').where('username', '=', 'teller1').executeTakeFirstOrThrow();
    expect(await ratingRows()).toEqual([
      expect.objectContaining({ ticket_id: ticketId, branch_id: BRANCH, business_day: '2026-11-23', service_id: service('B'), counter_id: counter(1), teller_id: teller1.id, score: 5, source: 'counter' }),
    ]);
  });

  it('takes a reason and a comment with a low mark', async () => {
    const ticketId = await serveTicket();
    const res = await atCounter(ticketId, { score: 1, reason: 'not_resolved', comment: 'My card is still blocked' });
    expect(res.json()).toMatchObject({ score: 1, reason: 'not_resolved', comment: 'My card is still blocked' });
  });

  it('rates a ticket once: the second tap is refused with ALREADY_RATED and changes nothing', async () => {
    const ticketId = await serveTicket();
    await atCounter(ticketId, { score: 4 });
    const before = await tableDigest(t.app.lobby.db);
    const again = await onPhone(ticketId, { score: 1, reason: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('closes two minutes after completion', async () => {
    const late = await serveTicket();
    t.clock.advance(121_000);
    const res = await atCounter(late, { score: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ALREADY_RATED');
    expect(await ratingRows()).toEqual([]);
  });

  it('refuses a ticket that is not done yet with INVALID_TRANSITION', async () => {
    const ticketId = await serveTicket('A', 'serving');
    const res = await atCounter(ticketId, { score: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
  });

  it('is for displays only: a teller, the kiosk and a manager are refused, and nothing changes', async () => {
    const ticketId = await serveTicket();
    const callers = [await t.as('teller1'), t.kiosk, await t.as('manager')];
    const before = await tableDigest(t.app.lobby.db);
    for (const headers of callers) {
      expect((await atCounter(ticketId, { score: 5 }, headers)).statusCode).toBe(403);
    }
    expect((await atCounter(ticketId, { score: 5 }, {})).statusCode).toBe(401);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it("refuses another branch's display as if the ticket did not exist", async () => {
    const ticketId = await serveTicket();
    const admin = await t.as('admin');
    const name = { en: 'East', zhHant: 'East', zhHans: 'East' };
    expect((await send('POST', '/api/admin/branches', admin, { id: 'east', name, timeZone: 'Asia/Shanghai', defaultLocale: 'en' })).statusCode).toBe(201);
    const east = (await send('POST', '/api/branches/east/admin/device-tokens', admin, { kind: 'display', label: 'East counter 1' })).json();
    const before = await tableDigest(t.app.lobby.db);
    const res = await atCounter(ticketId, { score: 5 }, { authorization: `Bearer ${east.token}` });
    expect(res.statusCode).toBe(404);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it.each([
    [{ score: 0 }, 'score'],
    [{ score: 6 }, 'score'],
    [{ score: 4.5 }, 'score'],
    [{}, 'score'],
    [{ score: 2, reason: 'rude' }, 'reason'],
    [{ score: 4, reason: 'waiting_time' }, 'reason'],
    [{ score: 1, comment: 'no reason' }, 'comment'],
    [{ score: 1, reason: 'other', comment: 'x'.repeat(201) }, 'comment'],
  ])('answers 400 naming the field for %j, changing nothing', async (body, field) => {
    const ticketId = await serveTicket();
    const before = await tableDigest(t.app.lobby.db);
    const res = await atCounter(ticketId, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('ignores fields the body does not define (the validation removes them)', async () => {
    const ticketId = await serveTicket();
    expect((await atCounter(ticketId, { score: 5, teller: 'someone else' })).statusCode).toBe(201);
    expect(await ratingRows()).toEqual([expect.objectContaining({ ticket_id: ticketId, score: 5 })]);
  });
});

describe('rating on the mobile page', () => {
  it('is public, by the ticket id, and stays open until the end of the business day', async () => {
    const ticketId = await serveTicket();
    expect((await send('GET', `/api/public/tickets/${ticketId}/rating`)).json()).toEqual({ canRate: true, rated: false });
    t.clock.advance(5 * 3600_000);
    const res = await onPhone(ticketId, { score: 2, reason: 'waiting_time' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'mobile', score: 2, reason: 'waiting_time' });
    expect((await send('GET', `/api/public/tickets/${ticketId}/rating`)).json()).toEqual({ canRate: false, rated: true });
  });

  it('closes at the end of the business day', async () => {
    const ticketId = await serveTicket();
    t.clock.advance(15 * 3600_000); // 01:00 the next day in Shanghai
    expect((await send('GET', `/api/public/tickets/${ticketId}/rating`)).json()).toEqual({ canRate: false, rated: false });
    expect((await onPhone(ticketId, { score: 5 })).json().code).toBe('ALREADY_RATED');
  });

  it('tells a waiting ticket to wait, and an unknown ticket is 404', async () => {
    const waiting = (await send('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).json();
    expect((await send('GET', `/api/public/tickets/${waiting.id}/rating`)).json()).toEqual({ canRate: false, rated: false });
    expect((await onPhone(waiting.id, { score: 5 })).json().code).toBe('INVALID_TRANSITION');
    expect((await onPhone('no-such-ticket', { score: 5 })).statusCode).toBe(404);
  });
});

describe('the ratings summary', () => {
  it('gives managers counts per score, mean, the rated share and figures by teller, counter and service; no answer is not "satisfied"', async () => {
    const rated = [await serveTicket('A'), await serveTicket('A'), await serveTicket('B')];
    await serveTicket('B'); // done, never rated
    await atCounter(rated[0]!, { score: 5 });
    await atCounter(rated[1]!, { score: 1, reason: 'waiting_time', comment: 'Forty minutes' });
    await onPhone(rated[2]!, { score: 4 });
    const manager = await t.as('manager');
    const res = await send('GET', `/api/branches/${BRANCH}/ratings/summary?from=2026-11-23&to=2026-11-23`, manager);
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-23',
      completed: 4,
      ratedShare: 0.75,
      overall: { rated: 3, counts: [1, 0, 0, 1, 1], mean: 3.33 },
      reasons: [{ reason: 'waiting_time', count: 1 }],
      byTeller: [{ name: 'Teller 1', rated: 3 }],
      byCounter: [{ counterId: counter(1), number: 1, rated: 3 }],
      comments: [{ score: 1, reason: 'waiting_time', comment: 'Forty minutes' }],
    });
    expect(summary.byService).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ serviceId: service('A'), rated: 2, counts: [1, 0, 0, 0, 1], mean: 3 }),
        expect.objectContaining({ serviceId: service('B'), rated: 1, mean: 4 }),
      ]),
    );
    const audit = await t.app.lobby.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'read', record_type: 'rating', record_id: null })]);
  });

  it('is refused to tellers, the account manager and devices', async () => {
    for (const headers of [await t.as('teller1'), await t.as('wealth1'), t.display, t.kiosk]) {
      expect((await send('GET', `/api/branches/${BRANCH}/ratings/summary`, headers)).statusCode).toBe(403);
    }
    expect(await t.app.lobby.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('answers 400 naming the query field for a period the wrong way round', async () => {
    const res = await send('GET', `/api/branches/${BRANCH}/ratings/summary?from=2026-11-23&to=2026-11-01`, await t.as('manager'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('from');
  });
});
