/**
 * 過號重排 over HTTP on a real SQLite file: a no-show's late customer is re-queued from the staff's
 * no-show list behind N others, at the end, or not at all; the ticket keeps its number and issue
 * time; the live socket hears `ticket.requeued`; each refusal names what is wrong and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent, SnapshotMessage } from '../../protocol/messages.js';
import type { Snapshot, Ticket } from '../../protocol/schemas.js';
import { tableDigest } from '../helpers/table-digest.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect } from '../helpers/ws.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const issue = async (prefix = 'A'): Promise<Ticket> => (await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service(prefix) })).json();
const requeue = (ticketId: string, headers: Record<string, string>) => post(`/api/tickets/${ticketId}/requeue`, headers);
const snapshot = async (headers: Record<string, string>): Promise<Snapshot> => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers })).json();

async function setBranch(settings: object): Promise<void> {
  const res = await t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: await t.as('manager'), payload: { settings } });
  expect(res.statusCode, res.body).toBe(200);
}

/** Sends a request that must be refused with `status` and `code`, and proves that nothing changed. */
async function expectRefused(request: () => Promise<{ statusCode: number; json: () => { code: string; message: string } }>, status: number, code: string, message?: string) {
  const before = await tableDigest(t.app.lobby.db);
  const res = await request();
  expect([res.statusCode, res.json().code]).toEqual([status, code]);
  if (message) expect(res.json().message).toContain(message);
  expect(await tableDigest(t.app.lobby.db)).toEqual(before);
}

/** Issues A001–A00n a few seconds apart, as customers come in; teller 1 calls A001, recalls it and marks it no-show. */
async function morningWithNoShow(waitingAfter = 5): Promise<{ late: Ticket; teller: Record<string, string> }> {
  const late = await issue();
  for (let i = 0; i < waitingAfter; i++) {
    t.clock.advance(5_000);
    await issue();
  }
  const teller = await t.as('teller1');
  expect((await post(`/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
  await post(`/api/counters/${counter(1)}/call-next`, teller);
  await post(`/api/tickets/${late.id}/recall`, teller);
  expect((await post(`/api/tickets/${late.id}/no-show`, teller)).json().status).toBe('no_show');
  return { late, teller };
}

const waitingNumbers = (s: Snapshot) => s.tickets.filter((x) => x.status === 'waiting').map((x) => x.number);

describe('re-queueing a late no-show', () => {
  it('starts branches at "after 3 others" within 60 minutes', async () => {
    const branch = (await t.app.inject({ url: `/api/branches/${BRANCH}/admin/branch`, headers: await t.as('manager') })).json();
    expect(branch.settings).toMatchObject({ lateArrival: 'after_n', lateArrivalAfterN: 3, lateArrivalWithinMinutes: 60 });
  });

  it("lists today's no-shows in the staff snapshot, not in the hall's", async () => {
    const { late } = await morningWithNoShow();
    expect((await snapshot(await t.as('manager'))).noShows?.map((x) => x.number)).toEqual([late.number]);
    expect((await snapshot(t.display)).noShows).toBeUndefined();
  });

  it('puts the ticket behind three waiting customers, keeping its number and issue time, and takes it off the list', async () => {
    const { late, teller } = await morningWithNoShow();
    const res = await requeue(late.id, teller);
    expect(res.statusCode, res.body).toBe(200);
    const ticket: Ticket = res.json();
    expect(ticket).toMatchObject({ id: late.id, number: 'A001', status: 'waiting', issuedAt: late.issuedAt, counterId: null, position: 3 });
    expect(ticket.queuedAt! > late.issuedAt).toBe(true);

    const after = await snapshot(await t.as('manager'));
    expect(waitingNumbers(after)).toEqual(['A002', 'A003', 'A004', 'A001', 'A005', 'A006']);
    expect(after.noShows).toEqual([]);
  });

  it('keeps the new place across a reload from the database, and the counter calls it in that order', async () => {
    const { late, teller } = await morningWithNoShow(4);
    await requeue(late.id, teller);
    await t.app.lobby.engine.reload(BRANCH);
    expect(waitingNumbers(await snapshot(teller))).toEqual(['A002', 'A003', 'A004', 'A001', 'A005']);
    const calls: string[] = [];
    for (let i = 0; i < 5; i++) {
      const called: Ticket = (await post(`/api/counters/${counter(1)}/call-next`, teller)).json();
      calls.push(called.number);
      await post(`/api/tickets/${called.id}/start`, teller);
      await post(`/api/tickets/${called.id}/complete`, teller);
    }
    expect(calls).toEqual(['A002', 'A003', 'A004', 'A001', 'A005']);
  });

  it('puts it at the end when the branch says so', async () => {
    await setBranch({ lateArrival: 'at_end' });
    const { late, teller } = await morningWithNoShow(4);
    expect((await requeue(late.id, teller)).json().position).toBe(4);
    expect(waitingNumbers(await snapshot(teller))).toEqual(['A002', 'A003', 'A004', 'A005', 'A001']);
  });

  it('tells every staff screen at once: ticket.requeued with the ticket at its new place', async () => {
    const { late, teller } = await morningWithNoShow();
    const base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const token = (await t.as('manager')).authorization.replace('Bearer ', '');
    const live = connect(`${base}/api/branches/${BRANCH}/live?token=${token}`);
    const [first] = (await live.waitFor(1)) as SnapshotMessage[];
    expect(first.noShows?.map((x) => x.id)).toEqual([late.id]);
    await requeue(late.id, teller);
    const [, event] = (await live.waitFor(2)) as [SnapshotMessage, DomainEvent];
    live.close();
    expect(event).toMatchObject({ type: 'ticket.requeued', seq: first.seq + 1, ticket: { id: late.id, status: 'waiting', position: 3 } });
  });
});

describe('refusing a re-queue', () => {
  it('refuses a ticket that is not a no-show with 409 INVALID_TRANSITION', async () => {
    const { late, teller } = await morningWithNoShow();
    await requeue(late.id, teller);
    await expectRefused(() => requeue(late.id, teller), 409, 'INVALID_TRANSITION', 'it is waiting');
  });

  it('refuses with 409 REQUEUE_NOT_ALLOWED when the branch does not re-queue late customers', async () => {
    const { late, teller } = await morningWithNoShow();
    await setBranch({ lateArrival: 'not_allowed' });
    await expectRefused(() => requeue(late.id, teller), 409, 'REQUEUE_NOT_ALLOWED', 'new ticket');
  });

  it('refuses with 409 REQUEUE_EXPIRED past the window, and accepts just inside it', async () => {
    await setBranch({ lateArrivalWithinMinutes: 15 });
    const { late, teller } = await morningWithNoShow();
    t.clock.advance(15 * 60_000 + 1);
    await expectRefused(() => requeue(late.id, teller), 409, 'REQUEUE_EXPIRED', '15 minutes');

    const second = await morningWithNoShowAt(2);
    t.clock.advance(15 * 60_000);
    expect((await requeue(second.id, teller)).statusCode).toBe(200);
  });

  it('lets tellers of a counter serving the service, managers and admins re-queue; no one else', async () => {
    const { late } = await morningWithNoShow();
    const lowCounterTeller = await t.as('teller5');
    expect((await post(`/api/counters/${counter(5)}/open`, lowCounterTeller)).statusCode).toBe(200);
    await expectRefused(() => requeue(late.id, lowCounterTeller), 403, 'FORBIDDEN', 'serves A');
    await expectRefused(() => requeue(late.id, t.kiosk), 403, 'FORBIDDEN');
    await expectRefused(() => requeue(late.id, t.display), 403, 'FORBIDDEN');
    await expectRefused(() => requeue(late.id, {}), 401, 'UNAUTHENTICATED');
    expect((await requeue(late.id, await t.as('manager'))).statusCode).toBe(200);
  });

  it.each([
    [{ lateArrival: 'later' }, 'body/settings/lateArrival'],
    [{ lateArrivalAfterN: 21 }, 'body/settings/lateArrivalAfterN'],
    [{ lateArrivalAfterN: -1 }, 'body/settings/lateArrivalAfterN'],
    [{ lateArrivalWithinMinutes: 0 }, 'body/settings/lateArrivalWithinMinutes'],
    [{ lateArrivalWithinMinutes: 481 }, 'body/settings/lateArrivalWithinMinutes'],
  ])('refuses the setting %j with a 400 naming %s, and changes nothing', async (settings, field) => {
    const manager = await t.as('manager');
    await expectRefused(() => t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: manager, payload: { settings } }), 400, 'VALIDATION_FAILED', field);
  });
});

/** Another no-show at counter 1 (already open): the next waiting ticket, called, recalled, marked. */
async function morningWithNoShowAt(n: number): Promise<Ticket> {
  const teller = await t.as('teller1');
  const called: Ticket = (await post(`/api/counters/${counter(1)}/call-next`, teller)).json();
  expect(called.number).toBe(`A00${n}`);
  await post(`/api/tickets/${called.id}/recall`, teller);
  return (await post(`/api/tickets/${called.id}/no-show`, teller)).json();
}
