/**
 * The customer resource sheet (客戶資源信息表) and the kiosk's VIP recognition, through the API:
 * managers keep the sheet, every access is audited, numbers are never kept in clear, and a branch
 * with vipRecognition 'registry' gives the VIP lane only to the numbers on its sheet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../../protocol/admin-schemas.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const url = (rest = '') => `/api/branches/${BRANCH}/customers${rest}`;
const call = async (who: string | Record<string, string>, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
  t.app.inject({ method, url: path, headers: typeof who === 'string' ? await t.as(who) : who, ...(payload ? { payload } : {}) });
const add = async (body: object, who = 'manager') => {
  const res = await call(who, 'POST', url(), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const issue = (payload: object, headers = t.kiosk) => t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId: service('A'), ...payload } });
const setRecognition = async (vipRecognition: 'trust' | 'registry') => {
  const res = await call('manager', 'PATCH', fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }), { settings: { vipRecognition } });
  expect(res.statusCode, res.body).toBe(200);
};
const auditRows = () => t.app.lobby.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'customer').orderBy('id').execute();
/** Every row of every table a customer change may touch, to show a refusal changed nothing. */
const dump = async () => ({
  customers: await t.app.lobby.db.selectFrom('customers').selectAll().orderBy('id').execute(),
  tickets: await t.app.lobby.db.selectFrom('tickets').selectAll().orderBy('id').execute(),
  audit: await t.app.lobby.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
});

const VIP = { name: 'Chan Tai Man', number: '6222 0202 0001 2345', tier: 'vip', phone: '+852 9123 4567', needs: 'Time deposits' };

describe('the customer resource sheet', () => {
  it('adds a customer, keeping the number only as a keyed hash and its last four digits', async () => {
    const customer = await add(VIP);
    expect(customer).toMatchObject({ name: 'Chan Tai Man', numberHint: '2345', tier: 'vip', phone: '+852 9123 4567', source: 'manual', lastVisitAt: null });
    expect(JSON.stringify(customer)).not.toContain('6222');
    const row = await t.app.lobby.db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    expect(row.number_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('62220202');
  });

  it('finds customers by part of a name, by a whole number typed any way, and by tier', async () => {
    const chan = await add(VIP);
    const lee = await add({ name: 'Lee Ka Yan', number: '88887777', tier: 'potential' });
    const names = async (query: string) => (await call('manager', 'GET', url(query))).json().customers.map((c: { name: string }) => c.name);
    expect(await names('')).toEqual(['Chan Tai Man', 'Lee Ka Yan']);
    expect(await names('?q=tai')).toEqual(['Chan Tai Man']);
    expect(await names('?q=6222-0202-0001-2345')).toEqual(['Chan Tai Man']);
    expect(await names('?q=2345')).toEqual([]); // four digits are a number, not a part of one
    expect(await names('?tier=potential')).toEqual(['Lee Ka Yan']);
    expect(await names('?q=%25')).toEqual([]);
    expect([chan.id, lee.id]).toHaveLength(2);
  });

  it('edits what may change, audits the names of the fields changed (never their values), and never the number', async () => {
    const customer = await add(VIP);
    const res = await call('manager', 'PATCH', url(`/${customer.id}`), { tier: 'valued', notes: 'Prefers mornings', name: 'Chan Tai Man' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ tier: 'valued', notes: 'Prefers mornings' });
    const update = (await auditRows()).find((r) => r.action === 'update')!;
    expect(JSON.parse(update.fields)).toEqual(['tier', 'notes']);
    expect(update.fields).not.toContain('mornings');
    // The number is not a field an edit takes (the server drops unknown fields): it stays as it was.
    const before = await dump();
    await call('manager', 'PATCH', url(`/${customer.id}`), { number: '11112222' });
    expect((await dump()).customers).toEqual(before.customers);
  });

  it('deletes a customer, and then it is gone', async () => {
    const customer = await add(VIP);
    expect((await call('manager', 'DELETE', url(`/${customer.id}`))).statusCode).toBe(204);
    expect((await call('manager', 'GET', url(`/${customer.id}`))).statusCode).toBe(404);
    expect((await auditRows()).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('audits every read: a list as one read with no record id, a customer as a read of that id', async () => {
    const customer = await add(VIP);
    await call('manager', 'GET', url('?q=Chan'));
    await call('admin', 'GET', url(`/${customer.id}`));
    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.record_id, r.actor_role])).toEqual([
      ['create', customer.id, 'manager'],
      ['read', null, 'manager'],
      ['read', customer.id, 'admin'],
    ]);
    expect(rows.map((r) => r.fields).join()).not.toMatch(/Chan|6222/);
  });

  it.each([
    ['a teller', 'teller1'],
    ['the account manager', 'wealth1'],
  ])('refuses %s the sheet, and the refusal changes nothing', async (_who, username) => {
    await add(VIP);
    const before = await dump();
    for (const [method, path, body] of [
      ['GET', url(), undefined],
      ['POST', url(), { name: 'X', number: '12345678' }],
    ] as const) {
      expect((await call(username, method, path, body)).statusCode).toBe(403);
    }
    expect((await call(t.kiosk, 'GET', url())).statusCode).toBe(403);
    expect(await dump()).toEqual(before);
  });

  it.each([
    ['no number, by hand', { name: 'Ann' }, 'number'],
    ['a number with letters', { name: 'Ann', number: '6222-ABCD' }, 'number'],
    ['a number too short', { name: 'Ann', number: '123' }, 'number'],
    ['a blank name', { name: '   ', number: '12345678' }, 'name'],
    ['an unknown tier', { name: 'Ann', number: '12345678', tier: 'gold' }, 'tier'],
    ['a phone with letters', { name: 'Ann', number: '12345678', phone: 'call me' }, 'phone'],
    ['a teller as the customer manager', { name: 'Ann', number: '12345678', managerId: 'nobody' }, 'managerId'],
  ])('answers 400 naming the field for %s, and changes nothing', async (_case, body, field) => {
    const before = await dump();
    const res = await call('manager', 'POST', url(), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump()).toEqual(before);
  });

  it('refuses a number already on the sheet with 409 DUPLICATE_CUSTOMER', async () => {
    await add(VIP);
    const before = await dump();
    const res = await call('manager', 'POST', url(), { name: 'Someone else', number: '6222020200012345' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_CUSTOMER');
    expect(await dump()).toEqual(before);
  });

  it('lists the account managers and managers who may look after a customer', async () => {
    const managers = (await call('manager', 'GET', `/api/branches/${BRANCH}/customer-managers`)).json();
    expect(managers.map((m: { role: string }) => m.role).sort()).toEqual(['account_manager', 'manager']);
    const wealth = managers.find((m: { role: string }) => m.role === 'account_manager');
    expect((await add({ ...VIP, managerId: wealth.id })).managerName).toBe(wealth.displayName);
  });
});

describe('noting a customer from a ticket in the hall', () => {
  it('notes a potential customer without a number and links the ticket', async () => {
    const ticket = (await issue({}, await t.as('manager'))).json();
    const customer = await add({ name: 'Ms Ho', needs: 'Asked about wealth products', ticketId: ticket.id });
    expect(customer).toMatchObject({ tier: 'potential', source: 'ticket', numberHint: '', lastVisitAt: ticket.issuedAt });
    const row = await t.app.lobby.db.selectFrom('tickets').select('customer_id').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.customer_id).toBe(customer.id);
    const again = await call('manager', 'POST', url(), { name: 'Ms Ho', ticketId: ticket.id });
    expect(again.json().code).toBe('DUPLICATE_CUSTOMER');
  });

  it("keeps the number the customer gave at the kiosk, so they are recognised next time", async () => {
    const first = (await issue({ tier: 'priority', customerRef: '77776666' })).json();
    await add({ name: 'Mr Lam', ticketId: first.id, tier: 'valued' });
    const next = (await issue({ tier: 'regular', customerRef: '7777 6666' })).json();
    const row = await t.app.lobby.db.selectFrom('tickets').select('customer_id').where('id', '=', next.id).executeTakeFirstOrThrow();
    expect(row.customer_id).not.toBeNull();
  });
});

describe('importing a CSV from the core banking system', () => {
  const csv = ['name,number,tier,phone,needs,manager', 'Chan Tai Man,6222020200012345,vip,,Funds,wealth1', 'Lee Ka Yan,88887777,valued,,,', 'Again,8888 7777,vip,,,', 'Bad,12AB,gold,,,teller1'].join('\n');

  it('previews every row with its problems and writes nothing, then imports the good rows', async () => {
    const preview = await call('manager', 'POST', url('/import'), { csv, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ imported: 0, skipped: 2, fileProblem: null });
    expect(preview.json().rows.map((r: { line: number; problems: string[] }) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, []],
      [4, ['duplicate_in_file']],
      [5, ['number_invalid', 'tier_invalid', 'manager_unknown']],
    ]);
    expect(await t.app.lobby.db.selectFrom('customers').selectAll().execute()).toEqual([]);

    const done = (await call('manager', 'POST', url('/import'), { csv, dryRun: false })).json();
    expect(done).toMatchObject({ imported: 2, skipped: 2 });
    const sheet = (await call('manager', 'GET', url())).json().customers;
    expect(sheet.map((c: { name: string; source: string; managerName: string | null }) => [c.name, c.source, c.managerName])).toEqual([
      ['Chan Tai Man', 'import', 'Wealth manager 理財經理'],
      ['Lee Ka Yan', 'import', null],
    ]);
    // One audit row for the preview, one for the import: nothing per customer.
    expect((await auditRows()).map((r) => [r.action, r.record_id])).toEqual([
      ['read', null],
      ['import', null],
      ['read', null],
    ]);

    const again = (await call('manager', 'POST', url('/import'), { csv, dryRun: false })).json();
    expect(again.imported).toBe(0);
    expect(again.rows[0].problems).toEqual(['duplicate_on_sheet']);
  });

  it('says what is wrong with a file without the columns', async () => {
    const res = (await call('manager', 'POST', url('/import'), { csv: 'customer,card\nA,1', dryRun: true })).json();
    expect(res.fileProblem).toContain('name, number');
  });

  it('takes a file of more than the usual 64 KB', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Customer number ${i} with a long name,${6222020200000000 + i},valued,+852 9000 0000,Wants to hear about funds and deposits`);
    const big = ['name,number,tier,phone,needs', ...rows].join('\n');
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await call('manager', 'POST', url('/import'), { csv: big, dryRun: false });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.json().imported).toBe(3000);
  });
});

describe('the kiosk recognising a VIP (vipRecognition)', () => {
  it("registry: a VIP on the sheet gets the VIP lane, the ticket linked and the visit noted; the reply says nothing of them", async () => {
    const customer = await add(VIP);
    await setRecognition('registry');
    const res = await issue({ tier: 'vip', customerRef: ';6222020200012345=2512101?' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().tier).toBe('vip');
    expect(res.body).not.toMatch(/Chan|customerId|6222|2345|customerRef/);
    expect(res.body).not.toContain(customer.id);
    const row = await t.app.lobby.db.selectFrom('tickets').select(['customer_id', 'customer_ref']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.customer_id).toBe(customer.id);
    expect(row.customer_ref).toMatch(/^[0-9a-f]{64}$/);
    expect((await call('manager', 'GET', url(`/${customer.id}`))).json().lastVisitAt).toBe(res.json().issuedAt);
  });

  it.each([
    ['a number not on the sheet', '99998888'],
    ['a potential customer', '55554444'],
  ])('registry: refuses %s with 409 VIP_NOT_RECOGNISED, without a name, and issues nothing', async (_case, number) => {
    await add({ name: 'Maybe Someday', number: '55554444', tier: 'potential' });
    await setRecognition('registry');
    const before = await dump();
    const res = await issue({ tier: 'vip', customerRef: number });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VIP_NOT_RECOGNISED');
    expect(res.body).not.toContain('Maybe');
    expect(await dump()).toEqual(before);
  });

  it('trust: any number gets the lane, yet only its hash is kept and a registered customer is linked', async () => {
    const customer = await add({ ...VIP, tier: 'potential' });
    const stranger = (await issue({ tier: 'vip', customerRef: '12341234' })).json();
    const known = (await issue({ tier: 'vip', customerRef: '6222020200012345' })).json();
    expect([stranger.tier, known.tier]).toEqual(['vip', 'vip']);
    const rows = await t.app.lobby.db.selectFrom('tickets').select(['id', 'customer_id', 'customer_ref']).execute();
    expect(rows.find((r) => r.id === stranger.id)).toMatchObject({ customer_id: null, customer_ref: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rows.find((r) => r.id === known.id)?.customer_id).toBe(customer.id);
  });

  it('links a registered customer’s regular ticket too, so the triage can greet them', async () => {
    const customer = await add({ ...VIP, tier: 'valued' });
    await setRecognition('registry');
    const res = await issue({ tier: 'regular', customerRef: '6222020200012345' });
    const row = await t.app.lobby.db.selectFrom('tickets').select('customer_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.customer_id).toBe(customer.id);
  });

  it('answers 400 naming customerRef for a number that is not one, and issues nothing', async () => {
    const before = await dump();
    const res = await issue({ tier: 'vip', customerRef: 'Chan Tai Man' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('customerRef');
    expect(await dump()).toEqual(before);
  });
});
