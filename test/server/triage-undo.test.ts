/**
 * Undoing the lobby manager's divert, transfer, tier change and cancel over HTTP on a real SQLite
 * file: POST /api/tickets/:ticketId/undo puts the ticket back exactly where it waited, for two
 * minutes, for managers and admins, also after a restart. Each refusal changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot, Ticket } from '../../protocol/schemas.js';
import { TRIAGE_UNDO_SECONDS } from '../../protocol/triage-undo.js';
import { tableDigest } from '../helpers/table-digest.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

async function issue(prefix: string, tier: Ticket['tier'] = 'regular'): Promise<Ticket> {
  const res = await post(`/api/branches/${BRANCH}/tickets`, await t.as('manager'), { serviceId: service(prefix), tier });
  expect(res.statusCode, res.body).toBe(201);
  t.clock.advance(60_000);
  return res.json();
}

/** Each waiting ticket's number, service, tier and place, as the staff snapshot tells them. */
async function waitingPlaces() {
  const snapshot: Snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') })).json();
  return snapshot.tickets
    .filter((ticket) => ticket.status === 'waiting')
    .map(({ number, serviceId, tier, issuedAt, position }) => ({ number, serviceId, tier, issuedAt, position }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** A morning's queue: five cash tickets (one priority) and two transfers. */
async function morning(): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (const [prefix, tier] of [['A'], ['A'], ['B'], ['A', 'priority'], ['A'], ['B'], ['A']] as const) tickets.push(await issue(prefix, tier));
  return tickets;
}

async function expectRefused(request: () => Promise<{ statusCode: number; json: () => { code: string } }>, status: number, code: string) {
  const before = await tableDigest(t.app.lobby.db);
  const res = await request();
  expect([res.statusCode, res.json().code]).toEqual([status, code]);
  expect(await tableDigest(t.app.lobby.db)).toEqual(before);
}

const undo = async (ticketId: string, username = 'manager') => post(`/api/tickets/${ticketId}/undo`, await t.as(username));

// Refusals are sent with a session opened beforehand: signing in writes a row of its own.
beforeEach(async () => void (await t.as('manager')));

describe('undoing a triage action', () => {
  it.each<[string, (ticket: Ticket) => [string, object | undefined]]>([
    ['a divert to the ATM', () => [`divert`, { machineKind: 'atm' }]],
    ['a transfer to another service', (ticket) => [`transfer`, { serviceId: ticket.serviceId === service('A') ? service('B') : service('A') }]],
    ['a move into the VIP lane', () => [`tier`, { tier: 'vip' }]],
    ['a cancel', () => [`cancel`, undefined]],
  ])('puts the ticket back exactly in its place after %s', async (_, action) => {
    const tickets = await morning();
    const before = await waitingPlaces();
    const target = tickets[1];
    const [path, body] = action(target);
    const done = await post(`/api/tickets/${target.id}/${path}`, await t.as('manager'), body);
    expect(done.statusCode, done.body).toBe(200);
    expect(await waitingPlaces()).not.toEqual(before);
    t.clock.advance(30_000);

    const res = await undo(target.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, number: target.number, serviceId: target.serviceId, tier: target.tier, status: 'waiting', issuedAt: target.issuedAt, endedAt: null, divertedTo: null });
    expect(await waitingPlaces()).toEqual(before);
    const row = await t.app.lobby.db.selectFrom('tickets').select(['status', 'service_id', 'tier', 'ended_at', 'diverted_to']).where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'waiting', service_id: target.serviceId, tier: target.tier, ended_at: null, diverted_to: null });
  });

  it('records ticket.restored in the branch’s log with the manager who undid it', async () => {
    const [ticket] = await morning();
    const manager = await t.as('manager');
    await post(`/api/tickets/${ticket.id}/divert`, manager, { machineKind: 'atm' });
    expect((await undo(ticket.id)).statusCode).toBe(200);
    const last = await t.app.lobby.db.selectFrom('events').select(['type', 'actor_id', 'ticket_id']).where('branch_id', '=', BRANCH).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const managerId = await t.app.lobby.db.selectFrom('users').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow();
    expect(last).toEqual({ type: 'ticket.restored', actor_id: managerId.id, ticket_id: ticket.id });
  });

  it('lets an admin undo as well', async () => {
    const [ticket] = await morning();
    await post(`/api/tickets/${ticket.id}/cancel`, await t.as('manager'));
    expect((await undo(ticket.id, 'admin')).statusCode).toBe(200);
  });

  it('refuses tellers (403), devices (403) and the signed-out (401), changing nothing', async () => {
    const [ticket] = await morning();
    await post(`/api/tickets/${ticket.id}/divert`, await t.as('manager'), { machineKind: 'atm' });
    const teller = await t.as('teller1');
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo`, teller), 403, 'FORBIDDEN');
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo`, t.kiosk), 403, 'FORBIDDEN');
    await expectRefused(() => post(`/api/tickets/${ticket.id}/undo`, {}), 401, 'UNAUTHENTICATED');
  });

  it('refuses once the two minutes have passed (409 UNDO_EXPIRED), and not a second before', async () => {
    const [first, second] = await morning();
    const manager = await t.as('manager');
    await post(`/api/tickets/${first.id}/divert`, manager, { machineKind: 'atm' });
    await post(`/api/tickets/${second.id}/divert`, manager, { machineKind: 'atm' });
    t.clock.advance(TRIAGE_UNDO_SECONDS * 1000 - 1000);
    expect((await undo(second.id)).statusCode).toBe(200);
    t.clock.advance(1000);
    await expectRefused(() => undo(first.id), 409, 'UNDO_EXPIRED');
  });

  it('refuses once the ticket has moved on (409 INVALID_TRANSITION): called after its tier change, or undone already', async () => {
    const [first, second] = await morning();
    const manager = await t.as('manager');
    await post(`/api/tickets/${first.id}/tier`, manager, { tier: 'vip' });
    const teller = await t.as('teller1');
    await post(`/api/counters/${counter(1)}/open`, teller);
    expect((await post(`/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: first.id })).statusCode).toBe(200);
    await expectRefused(() => undo(first.id), 409, 'INVALID_TRANSITION');

    await post(`/api/tickets/${second.id}/transfer`, manager, { serviceId: service('C') });
    expect((await undo(second.id)).statusCode).toBe(200);
    await expectRefused(() => undo(second.id), 409, 'INVALID_TRANSITION');
  });

  it('refuses a ticket whose last change was not a triage action, and an unknown ticket (404)', async () => {
    const [ticket] = await morning();
    await expectRefused(() => undo(ticket.id), 409, 'INVALID_TRANSITION');
    await expectRefused(() => undo('no-such-ticket'), 404, 'NOT_FOUND');
  });

  it('still undoes after the server restarted: what the ticket was is kept in the event log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-undo-'));
    try {
      await t.close();
      t = await createTestApp({ dir });
      const [ticket] = await morning();
      const before = await waitingPlaces();
      await post(`/api/tickets/${ticket.id}/divert`, await t.as('manager'), { machineKind: 'atm' });
      const { clock } = t;
      await t.close();
      t = await createTestApp({ dir, clock, seed: false });
      const res = await undo(ticket.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(await waitingPlaces()).toEqual(before);
    } finally {
      await t.close();
      t = undefined as unknown as TestApp;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
