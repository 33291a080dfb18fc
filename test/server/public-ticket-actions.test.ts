/** The customer's own actions from the phone: "I am on my way" and "cancel my ticket", without sign-in. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot, Ticket } from '../../protocol/schemas.js';
import { TICKET_ACTIONS_PER_MINUTE } from '../../server/src/routes/public-ticket.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { tableDigest } from '../helpers/table-digest.js';
import { connect, eventually } from '../helpers/ws.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const post = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers });
const issue = async (prefix = 'A'): Promise<Ticket> =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } })).json();
const cancel = (id: string) => post(`/api/public/tickets/${encodeURIComponent(id)}/cancel`);
const onMyWay = (id: string) => post(`/api/public/tickets/${encodeURIComponent(id)}/on-my-way`);
async function callNext() {
  const teller = await t.as('teller1');
  await post(`/api/counters/${counter(1)}/open`, teller);
  return (await post(`/api/counters/${counter(1)}/call-next`, teller)).json() as Ticket;
}
const staffSnapshot = async (): Promise<Snapshot> => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') })).json();

describe('cancel my ticket', () => {
  it('cancels a waiting ticket: it leaves the queue, the hall hears it, and the answer is the ticket as the phone shows it', async () => {
    const mine = await issue();
    const base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const display = connect(`${base}/api/branches/${BRANCH}/live?token=demo-display`);
    await display.waitFor(1);
    const res = await cancel(mine.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ticket).toMatchObject({ id: mine.id, status: 'cancelled' });
    await eventually(() => display.messages.some((m) => m.type === 'ticket.cancelled'), 2000, 'the display to hear it');
    const cancelled = display.messages.find((m) => m.type === 'ticket.cancelled')!;
    expect(cancelled.type === 'ticket.cancelled' && cancelled.actorId).toBeNull();
    expect((await staffSnapshot()).queues.find((q) => q.serviceId === service('A'))?.waitingCount).toBe(0);
    display.close();
  });

  it('is idempotent: cancelling again answers the same and writes nothing', async () => {
    const mine = await issue();
    expect((await cancel(mine.id)).statusCode).toBe(200);
    const before = await tableDigest(t.app.lobby.db);
    const again = await cancel(mine.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().ticket.status).toBe('cancelled');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('refuses a called ticket with 409 and changes nothing', async () => {
    const mine = await issue();
    expect((await callNext()).id).toBe(mine.id);
    const before = await tableDigest(t.app.lobby.db);
    const res = await cancel(mine.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('answers 404 for an unknown ticket and 400 naming the field for a malformed id', async () => {
    expect((await cancel('0190f5c2-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const bad = await cancel('x'.repeat(65));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('ticketId');
    expect((await onMyWay('x'.repeat(65))).statusCode).toBe(400);
  });
});

describe('I am on my way', () => {
  it('shows on the ticket in the staff snapshot and in the event staff screens hear', async () => {
    const mine = await issue();
    const res = await onMyWay(mine.id);
    expect(res.statusCode, res.body).toBe(200);
    const at = res.json().ticket.onMyWayAt;
    expect(at).toBe(t.clock.now().toISOString());
    expect((await staffSnapshot()).tickets.find((x) => x.id === mine.id)?.onMyWayAt).toBe(at);
    const events = await t.app.lobby.db.selectFrom('events').select('type').where('ticket_id', '=', mine.id).execute();
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.on_my_way']);
  });

  it('records a press once per call: again before the call changes nothing, after the call it is news', async () => {
    const mine = await issue();
    await onMyWay(mine.id);
    t.clock.advance(30_000);
    await onMyWay(mine.id);
    await callNext();
    t.clock.advance(30_000);
    const afterCall = (await onMyWay(mine.id)).json();
    expect(afterCall.ticket.status).toBe('called');
    expect(afterCall.ticket.onMyWayAt).toBe(t.clock.now().toISOString());
    const events = await t.app.lobby.db.selectFrom('events').select('type').where('ticket_id', '=', mine.id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.on_my_way', 'ticket.called', 'ticket.on_my_way']);
  });

  it('refuses an ended ticket with 409', async () => {
    const mine = await issue();
    await cancel(mine.id);
    expect((await onMyWay(mine.id)).statusCode).toBe(409);
  });

  it(`takes at most ${TICKET_ACTIONS_PER_MINUTE} presses a minute per ticket (429), without touching other tickets`, async () => {
    const mine = await issue();
    const other = await issue();
    for (let i = 0; i < TICKET_ACTIONS_PER_MINUTE; i++) expect((await onMyWay(mine.id)).statusCode).toBe(200);
    const refused = await onMyWay(mine.id);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect((await onMyWay(other.id)).statusCode).toBe(200);
  });
});

describe("the QR link's base", () => {
  it("reaches the kiosk in its snapshot: the branch's public address, once a manager sets it", async () => {
    const manager = await t.as('manager');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: manager, payload: { settings: { publicUrl: 'https://queue.bank.example' } } });
    expect(res.statusCode, res.body).toBe(200);
    const snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: t.kiosk })).json() as Snapshot;
    expect(snapshot.audience).toBe('public');
    expect(snapshot.branch.settings.publicUrl).toBe('https://queue.bank.example');
  });
});
