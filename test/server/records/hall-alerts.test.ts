/**
 * The triage screen's hall alerts: the opening check, overdue complaints, faulty machines, print
 * failures and valued customers waiting — with counts, labels, ticket numbers and tiers, never a name.
 * Complaints and registry customers are written straight into their tables here: this test is about
 * what the alerts read, not how those records are made (their own tests cover that).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallAlerts, TodaysChecks } from '../../../protocol/check-routes.js';
import type { Ticket } from '../../../protocol/schemas.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { manualClock } from '../../../server/src/lib/clock.js';

const base = `/api/branches/${BRANCH}`;
let t: TestApp;

afterEach(() => t.close());

async function alerts(headers?: Record<string, string>): Promise<HallAlerts> {
  const res = await t.app.inject({ method: 'GET', url: `${base}/hall-alerts`, headers: headers ?? (await t.as('manager')) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function issue(prefix = 'A'): Promise<Ticket> {
  const res = await t.app.inject({ method: 'POST', url: `${base}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function openingCheck(faults: Record<string, string> = {}) {
  const headers = await t.as('manager');
  const today = (await t.app.inject({ method: 'GET', url: `${base}/checks/today`, headers })).json<TodaysChecks>();
  const items = today.checklist.map(({ item, machineId }) => (faults[item] ? { item, machineId, ok: false, note: faults[item] } : { item, machineId, ok: true }));
  const res = await t.app.inject({ method: 'PUT', url: `${base}/checks/today/opening`, headers, payload: { items } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('hall alerts on a Monday morning', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('ask for the opening check until it is done', async () => {
    expect((await alerts()).openingCheckDone).toBe(false);
    await openingCheck();
    expect((await alerts()).openingCheckDone).toBe(true);
  });

  it('count the complaints open or reopened past their reply deadline', async () => {
    const complaint = (id: string, status: 'open' | 'reopened' | 'replied' | 'closed', replyDueAt: string) => ({
      id,
      branch_id: BRANCH,
      received_at: '2026-11-18T02:00:00.000Z',
      channel: 'hall' as const,
      category: 'waiting_time' as const,
      content: 'Waited an hour 等了一小時',
      customer_name: 'Chan Tai Man',
      customer_phone: '91234567',
      received_by: 'someone',
      status,
      reply_due_at: replyDueAt,
      updated_at: '2026-11-18T02:00:00.000Z',
    });
    await t.app.lobby.db
      .insertInto('complaints')
      .values([
        complaint('c1', 'open', '2026-11-20T10:00:00.000Z'),
        complaint('c2', 'reopened', '2026-11-23T01:59:00.000Z'),
        complaint('c3', 'replied', '2026-11-20T10:00:00.000Z'),
        complaint('c4', 'closed', '2026-11-20T10:00:00.000Z'),
        complaint('c5', 'open', '2026-11-25T10:00:00.000Z'),
      ])
      .execute();
    const reply = await alerts();
    expect(reply.overdueComplaints).toBe(2);
    expect(JSON.stringify(reply)).not.toMatch(/Chan Tai Man|91234567|等了/);
  });

  it('list the machines out of service with their note', async () => {
    await openingCheck({ 'ATM 2': 'No cash' });
    expect((await alerts()).faultyMachines).toEqual([{ id: expect.any(String), label: 'ATM 2', kind: 'atm', faultNote: 'No cash' }]);
  });

  it('name the valued customers waiting by ticket number and tier only', async () => {
    await t.app.lobby.db
      .insertInto('customers')
      .values({
        id: 'cust-1',
        branch_id: BRANCH,
        name: 'Wong Siu Ming 黃小明',
        number_hash: 'hash-1',
        number_hint: '4321',
        tier: 'vip',
        phone: '98765432',
        source: 'manual',
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();
    const regular = await issue('A');
    const vip = await issue('B');
    const served = await issue('B');
    await t.app.lobby.db.updateTable('tickets').set({ customer_id: 'cust-1' }).where('id', 'in', [vip.id, served.id]).execute();
    await t.app.lobby.db.updateTable('tickets').set({ status: 'done' }).where('id', '=', served.id).execute();

    const reply = await alerts();
    expect(reply.valuedCustomersWaiting).toEqual([{ ticketId: vip.id, number: vip.number, tier: 'vip' }]);
    expect(reply.valuedCustomersWaiting.map((v) => v.ticketId)).not.toContain(regular.id);
    expect(JSON.stringify(reply)).not.toMatch(/Wong|黃小明|98765432|4321|hash-1/);
  });

  it('are for the branch’s managers and admins only', async () => {
    await alerts(await t.as('admin'));
    for (const headers of [await t.as('teller1'), await t.as('wealth1'), t.kiosk, t.display]) {
      expect((await t.app.inject({ method: 'GET', url: `${base}/hall-alerts`, headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `${base}/hall-alerts` })).statusCode).toBe(401);
  });
});

describe('hall alerts on a Saturday', () => {
  beforeEach(async () => {
    // 10:00 in Shanghai on Saturday 28 November 2026.
    t = await createTestApp({ clock: manualClock('2026-11-28T02:00:00.000Z') });
  });

  it('do not ask for the opening check while nobody comes, and do once customers take tickets', async () => {
    expect((await alerts()).openingCheckDone).toBe(true);
    await issue();
    expect((await alerts()).openingCheckDone).toBe(false);
  });
});
