/**
 * The teller's caller over HTTP on a real SQLite file: no-show only after a recall and its undo,
 * calling a specific number, complete-and-call-next, start on call, and pausing with a reason.
 * Each refusal names what is wrong and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Counter, Ticket } from '../../protocol/schemas.js';
import { tableDigest } from '../helpers/table-digest.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

const issue = async (prefix = 'A'): Promise<Ticket> => (await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service(prefix) })).json();

async function openCounter(n: number): Promise<Record<string, string>> {
  const headers = await t.as(`teller${n}`);
  expect((await post(`/api/counters/${counter(n)}/open`, headers)).statusCode).toBe(200);
  return headers;
}

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

describe('no-show only after the customer was recalled', () => {
  it('starts new and demo branches at one recall, without a time rule, and without start on call', async () => {
    const branch = (await t.app.inject({ url: `/api/branches/${BRANCH}/admin/branch`, headers: await t.as('manager') })).json();
    expect(branch.settings).toMatchObject({ noShowAfterRecalls: 1, noShowAfterSeconds: 0, startOnCall: false });
  });

  it('refuses a no-show right after the call with 409 NO_SHOW_TOO_SOON, and accepts it after a recall', async () => {
    const ticket = await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await expectRefused(() => post(`/api/tickets/${ticket.id}/no-show`, teller), 409, 'NO_SHOW_TOO_SOON', 'after 1 more recall');
    await post(`/api/tickets/${ticket.id}/recall`, teller);
    const res = await post(`/api/tickets/${ticket.id}/no-show`, teller);
    expect([res.statusCode, res.json().status]).toEqual([200, 'no_show']);
  });

  it('allows it without a recall once the branch’s seconds since the call have passed', async () => {
    await setBranch({ noShowAfterRecalls: 3, noShowAfterSeconds: 60 });
    const ticket = await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    t.clock.advance(59_000);
    await expectRefused(() => post(`/api/tickets/${ticket.id}/no-show`, teller), 409, 'NO_SHOW_TOO_SOON', 'or in 1 s');
    t.clock.advance(1_000);
    expect((await post(`/api/tickets/${ticket.id}/no-show`, teller)).statusCode).toBe(200);
  });

  it.each([
    [{ noShowAfterRecalls: 6 }, 'body/settings/noShowAfterRecalls'],
    [{ noShowAfterRecalls: -1 }, 'body/settings/noShowAfterRecalls'],
    [{ noShowAfterSeconds: 601 }, 'body/settings/noShowAfterSeconds'],
    [{ startOnCall: 'yes' }, 'body/settings/startOnCall'],
  ])('refuses the setting %j with a 400 naming %s, and changes nothing', async (settings, field) => {
    const manager = await t.as('manager');
    await expectRefused(
      () => t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: manager, payload: { settings } }),
      400,
      'VALIDATION_FAILED',
      field,
    );
  });
});

describe('undoing a no-show', () => {
  async function markedNoShow() {
    const ticket = await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${ticket.id}/recall`, teller);
    await post(`/api/tickets/${ticket.id}/no-show`, teller);
    return { ticket, teller };
  }

  it('calls the ticket to the same counter again, as the snapshot and the database show', async () => {
    const { ticket, teller } = await markedNoShow();
    t.clock.advance(90_000);
    const res = await post(`/api/tickets/${ticket.id}/undo-no-show`, teller);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: ticket.id, status: 'called', counterId: counter(1), endedAt: null, callCount: 2 });
    const snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: teller })).json();
    expect(snapshot.counters.find((c: Counter) => c.id === counter(1)).currentTicketId).toBe(ticket.id);
    const row = await t.app.lobby.db.selectFrom('tickets').select(['status', 'ended_at']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'called', ended_at: null });
    // And it can be served as usual.
    expect((await post(`/api/tickets/${ticket.id}/start`, teller)).json().status).toBe('serving');
  });

  it('refuses after two minutes (409 UNDO_EXPIRED) and once the counter called someone else (409 COUNTER_BUSY)', async () => {
    const { ticket, teller } = await markedNoShow();
    await issue();
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo-no-show`, teller), 409, 'COUNTER_BUSY');
    t.clock.advance(120_000);
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo-no-show`, teller), 409, 'UNDO_EXPIRED');
  });

  it('lets the branch’s manager undo it, but not the teller of another counter', async () => {
    const { ticket } = await markedNoShow();
    const other = await openCounter(2);
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo-no-show`, other), 403, 'FORBIDDEN');
    expect((await post(`/api/tickets/${ticket.id}/undo-no-show`, await t.as('manager'))).statusCode).toBe(200);
  });
});

describe('calling a specific number (指定叫號)', () => {
  it('calls the chosen ticket ahead of older ones and records the call as direct', async () => {
    await issue('A');
    const chosen = await issue('B');
    const teller = await openCounter(1);
    const res = await post(`/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: chosen.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: chosen.id, status: 'called', counterId: counter(1) });
    const event = await t.app.lobby.db.selectFrom('events').select(['type', 'payload']).where('ticket_id', '=', chosen.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event.type).toBe('ticket.called');
    expect(JSON.parse(event.payload).calledDirectly).toBe(true);
  });

  it('refuses while the counter is busy, a ticket of another service, and another counter’s teller; each changes nothing', async () => {
    const cards = await issue('C'); // counter 1 serves A, B and D
    const waiting = await issue('A');
    const teller = await openCounter(1);
    await expectRefused(() => post(`/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: cards.id }), 409, 'SERVICE_NOT_AT_COUNTER');
    const other = await openCounter(2);
    await expectRefused(() => post(`/api/counters/${counter(1)}/call-ticket`, other, { ticketId: waiting.id }), 403, 'FORBIDDEN');
    await post(`/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: waiting.id });
    const another = await issue('A');
    await expectRefused(() => post(`/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: another.id }), 409, 'COUNTER_BUSY');
  });

  it.each([
    [{}, "required property 'ticketId'"],
    [{ ticketId: '' }, 'body/ticketId'],
  ])('refuses the body %j with a 400 naming %s', async (body, field) => {
    const teller = await openCounter(1);
    await expectRefused(() => post(`/api/counters/${counter(1)}/call-ticket`, teller, body), 400, 'VALIDATION_FAILED', field);
  });
});

describe('complete and call next', () => {
  it('completes the served customer and calls the next, written together as two events', async () => {
    const first = await issue();
    const second = await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${first.id}/start`, teller);
    const lastSeq = (await t.app.lobby.db.selectFrom('branches').select('last_seq').where('id', '=', BRANCH).executeTakeFirstOrThrow()).last_seq;
    const res = await post(`/api/counters/${counter(1)}/complete-and-call-next`, teller);
    expect([res.statusCode, res.json().id, res.json().status]).toEqual([200, second.id, 'called']);
    const events = await t.app.lobby.db.selectFrom('events').select(['type', 'ticket_id']).where('seq', '>', lastSeq).orderBy('seq').execute();
    expect(events).toEqual([
      { type: 'ticket.completed', ticket_id: first.id },
      { type: 'ticket.called', ticket_id: second.id },
    ]);
  });

  it('answers 204 when nobody else waits, the completion done', async () => {
    const only = await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${only.id}/start`, teller);
    expect((await post(`/api/counters/${counter(1)}/complete-and-call-next`, teller)).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/tickets/${only.id}`, headers: teller })).json().status).toBe('done');
  });

  it('still refuses a plain call-next while a customer is being served', async () => {
    const first = await issue();
    await issue();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${first.id}/start`, teller);
    await expectRefused(() => post(`/api/counters/${counter(1)}/call-next`, teller), 409, 'COUNTER_BUSY');
  });

  it('with start on call, a call puts the customer straight into serving', async () => {
    await setBranch({ startOnCall: true });
    await issue();
    const teller = await openCounter(1);
    const called = (await post(`/api/counters/${counter(1)}/call-next`, teller)).json();
    expect(called).toMatchObject({ status: 'serving', startedAt: called.calledAt });
  });
});

describe('pausing with a reason', () => {
  it('keeps the reason on the counter, in the snapshot and the database, until resumed', async () => {
    const teller = await openCounter(1);
    const res = await post(`/api/counters/${counter(1)}/pause`, teller, { reason: 'lunch' });
    expect(res.json()).toMatchObject({ status: 'paused', pauseReason: 'lunch' });
    const snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: teller })).json();
    expect(snapshot.counters.find((c: Counter) => c.id === counter(1)).pauseReason).toBe('lunch');
    const event = await t.app.lobby.db.selectFrom('events').select('payload').where('type', '=', 'counter.paused').executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).counter.pauseReason).toBe('lunch');
    expect((await post(`/api/counters/${counter(1)}/open`, teller)).json().pauseReason).toBeNull();
  });

  it('records "other" for an empty pause, as before', async () => {
    const teller = await openCounter(1);
    expect((await post(`/api/counters/${counter(1)}/pause`, teller)).json().pauseReason).toBe('other');
  });

  it('refuses an unknown reason with a 400 naming body/reason, and changes nothing', async () => {
    const teller = await openCounter(1);
    await expectRefused(() => post(`/api/counters/${counter(1)}/pause`, teller, { reason: 'nap' }), 400, 'VALIDATION_FAILED', 'body/reason');
  });
});
