/**
 * Referrals to account managers (轉介理財經理) through the API: the lobby manager refers a customer
 * from their ticket, the account manager it is made to sees it (and only theirs) and moves it along,
 * every read and change is audited without values, and the live hint reaches only those who may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../protocol/referral-routes.js';
import type { ServerMessage } from '../../../protocol/messages.js';
import { tableDigest } from '../../helpers/table-digest.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { connect, eventually, type Collector } from '../../helpers/ws.js';

type Headers = Record<string, string>;
const REFERRALS = `/api/branches/${BRANCH}/referrals`;

let t: TestApp;
let manager: Headers;
let wealth1: Headers;
let wealth2: Headers;
let wealth1Id: string;
let wealth2Id: string;

const inject = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, payload });
const issue = async (): Promise<{ id: string; number: string }> =>
  (await inject('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).json();

async function refer(body: Record<string, unknown> = {}): Promise<Referral> {
  const res = await inject('POST', REFERRALS, manager, { referredTo: wealth1Id, need: 'Maturing deposit to invest', urgency: 'today', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const move = (id: string, headers: Headers, body: object) => inject('POST', `${REFERRALS}/${id}/status`, headers, body);

async function auditRows() {
  return t.app.lobby.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'referral').orderBy('id').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.as('manager');
  wealth1 = await t.as('wealth1');
  // A second account manager, made through the admin API as an admin would.
  const created = await inject('POST', `/api/branches/${BRANCH}/admin/users`, await t.as('admin'), {
    username: 'wealth2',
    displayName: 'Wealth Two',
    role: 'account_manager',
    password: 'wealth2-password',
  });
  expect(created.statusCode, created.body).toBe(201);
  wealth2Id = created.json().id;
  const login = await inject('POST', '/api/auth/login', {}, { username: 'wealth2', password: 'wealth2-password' });
  wealth2 = { authorization: `Bearer ${login.json().token}` };
  const managers = (await inject('GET', `/api/branches/${BRANCH}/account-managers`, manager)).json() as { id: string; displayName: string }[];
  wealth1Id = managers.find((m) => m.id !== wealth2Id)!.id;
});
afterAll(() => t.close());

describe('making a referral', () => {
  it('lists the branch’s active account managers for the form', async () => {
    const res = await inject('GET', `/api/branches/${BRANCH}/account-managers`, manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(2);
    expect(res.json()).toContainEqual({ id: wealth2Id, displayName: 'Wealth Two' });
  });

  it('refers a waiting customer from their ticket, keeping the ticket’s number', async () => {
    const ticket = await issue();
    const referral = await refer({ ticketId: ticket.id, customerName: ' Chan Tai Man ', customerPhone: '+852 9123 4567', productInterest: 'Funds' });
    expect(referral).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      customerName: 'Chan Tai Man',
      customerPhone: '+852 9123 4567',
      need: 'Maturing deposit to invest',
      productInterest: 'Funds',
      urgency: 'today',
      referredTo: wealth1Id,
      status: 'referred',
      note: null,
    });
    expect(referral.referredToName).not.toBe(wealth1Id);
    expect((await inject('GET', `${REFERRALS}/${referral.id}`, manager)).json()).toEqual(referral);
  });

  it.each([
    ['need', { need: '' }],
    ['need', { need: '   ' }],
    ['urgency', { urgency: 'yesterday' }],
    ['referredTo', { referredTo: 'nobody' }],
    ['customerPhone', { customerPhone: 'call me' }],
    ['ticketId', { ticketId: 'no-such-ticket' }],
    ['customerId', { customerId: 'no-such-customer' }],
  ])('answers 400 naming %s, and stores nothing', async (field, change) => {
    const before = await tableDigest(t.app.lobby.db);
    const res = await inject('POST', REFERRALS, manager, { referredTo: wealth1Id, need: 'A need', urgency: 'now', ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('refuses a referral to someone who is not an account manager (a teller)', async () => {
    const tellers = (await inject('GET', `/api/branches/${BRANCH}/admin/users`, manager)).json() as { id: string; role: string }[];
    const teller = tellers.find((u) => u.role === 'teller')!;
    const res = await inject('POST', REFERRALS, manager, { referredTo: teller.id, need: 'A need', urgency: 'now' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('referredTo');
  });

  it('lets only managers and admins refer: account managers, tellers, devices and other branches are refused and change nothing', async () => {
    const teller1 = await t.as('teller1');
    const before = await tableDigest(t.app.lobby.db);
    const callers: [string, Headers][] = [
      ['wealth1', wealth1],
      ['teller1', teller1],
      ['kiosk', t.kiosk],
      ['display', t.display],
      ['nobody', {}],
    ];
    for (const [who, headers] of callers) {
      const res = await inject('POST', REFERRALS, headers, { referredTo: wealth1Id, need: 'A need', urgency: 'now' });
      expect([401, 403], who).toContain(res.statusCode);
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });
});

describe('who sees which referrals', () => {
  let mine: Referral;
  let theirs: Referral;
  beforeAll(async () => {
    mine = await refer({ need: 'For wealth1' });
    theirs = await refer({ need: 'For wealth2', referredTo: wealth2Id });
  });

  it('shows a manager every referral, newest first, and filters by account manager and status', async () => {
    const all = (await inject('GET', REFERRALS, manager)).json() as Referral[];
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(all[0].id).toBe(theirs.id);
    const toWealth2 = (await inject('GET', `${REFERRALS}?to=${wealth2Id}`, manager)).json() as Referral[];
    expect(toWealth2.map((r) => r.id)).toEqual([theirs.id]);
    const contacted = (await inject('GET', `${REFERRALS}?status=contacted&to=${wealth2Id}`, manager)).json();
    expect(contacted).toEqual([]);
  });

  it('shows an account manager only the referrals made to them', async () => {
    const list = (await inject('GET', REFERRALS, wealth1)).json() as Referral[];
    expect(list.map((r) => r.id)).toContain(mine.id);
    expect(list.every((r) => r.referredTo === wealth1Id)).toBe(true);
    expect((await inject('GET', `${REFERRALS}?to=${wealth2Id}`, wealth1)).json()).toEqual([]);
    expect((await inject('GET', REFERRALS, wealth2)).json().map((r: Referral) => r.id)).toEqual([theirs.id]);
  });

  it('refuses an account manager another’s referral, and refuses tellers and devices every list', async () => {
    expect((await inject('GET', `${REFERRALS}/${theirs.id}`, wealth1)).statusCode).toBe(403);
    expect((await inject('GET', `${REFERRALS}/${mine.id}`, wealth1)).statusCode).toBe(200);
    for (const headers of [await t.as('teller1'), t.kiosk, t.display]) {
      expect((await inject('GET', REFERRALS, headers)).statusCode).toBe(403);
      expect((await inject('GET', `${REFERRALS}/${mine.id}`, headers)).statusCode).toBe(403);
    }
  });

  it('filters by month in branch time, and answers 400 naming a malformed month', async () => {
    expect((await inject('GET', `${REFERRALS}?month=2026-11`, manager)).json().length).toBeGreaterThan(0);
    expect((await inject('GET', `${REFERRALS}?month=2026-10`, manager)).json()).toEqual([]);
    const bad = await inject('GET', `${REFERRALS}?month=2026-13`, manager);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('month');
  });
});

describe('moving a referral', () => {
  it('lets its account manager move it referred → contacted → converted, keeping each note', async () => {
    const referral = await refer();
    const contacted = await move(referral.id, wealth1, { status: 'contacted', note: 'Meeting on Friday' });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({ status: 'contacted', note: 'Meeting on Friday' });
    const converted = await move(referral.id, wealth1, { status: 'converted' });
    expect(converted.json()).toMatchObject({ status: 'converted', note: 'Meeting on Friday' });
  });

  it('lets a manager decline one with a note, and refuses to decline without one (400 naming the note)', async () => {
    const referral = await refer();
    const before = await tableDigest(t.app.lobby.db);
    const bare = await move(referral.id, manager, { status: 'declined' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('note');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
    const declined = await move(referral.id, manager, { status: 'declined', note: 'Banks elsewhere' });
    expect(declined.json()).toMatchObject({ status: 'declined', note: 'Banks elsewhere' });
  });

  it('refuses moves the rules forbid (409) and changes nothing', async () => {
    const referral = await refer();
    const before = await tableDigest(t.app.lobby.db);
    const skip = await move(referral.id, wealth1, { status: 'converted' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('INVALID_TRANSITION');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
    await move(referral.id, wealth1, { status: 'declined', note: 'Not now' });
    expect((await move(referral.id, wealth1, { status: 'contacted' })).statusCode).toBe(409);
  });

  it('refuses another account manager, a teller and a device, and changes nothing', async () => {
    const referral = await refer();
    const teller1 = await t.as('teller1');
    const before = await tableDigest(t.app.lobby.db);
    for (const headers of [wealth2, teller1, t.kiosk]) {
      expect((await move(referral.id, headers, { status: 'contacted' })).statusCode).toBe(403);
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('answers 400 naming a status that does not exist', async () => {
    const referral = await refer();
    const res = await move(referral.id, wealth1, { status: 'won' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('status');
  });
});

describe('the audit log', () => {
  it('records every read and change, the account manager’s too, naming fields and never their values', async () => {
    const from = (await auditRows()).length;
    const referral = await refer({ customerName: 'Lee Siu Ming', customerPhone: '61234567' });
    await inject('GET', REFERRALS, wealth1);
    await inject('GET', `${REFERRALS}/${referral.id}`, wealth1);
    await move(referral.id, wealth1, { status: 'contacted', note: 'Secret plans' });
    const rows = (await auditRows()).slice(from);
    expect(rows.map((r) => [r.action, r.record_id, r.actor_role])).toEqual([
      ['create', referral.id, 'manager'],
      ['read', null, 'account_manager'],
      ['read', referral.id, 'account_manager'],
      ['update', referral.id, 'account_manager'],
    ]);
    expect(JSON.parse(rows[0].fields)).toEqual(expect.arrayContaining(['customerName', 'customerPhone', 'need', 'urgency', 'referredTo']));
    expect(JSON.parse(rows[3].fields)).toEqual(['status', 'note']);
    const text = JSON.stringify(rows);
    for (const value of ['Lee Siu Ming', '61234567', 'Secret plans', 'Maturing deposit']) expect(text).not.toContain(value);
  });

  it('writes no row for a refused read', async () => {
    const from = (await auditRows()).length;
    await inject('GET', REFERRALS, await t.as('teller1'));
    expect(await auditRows()).toHaveLength(from);
  });
});

describe('the monthly counts', () => {
  it('counts the month’s referrals by account manager and outcome, for managers only', async () => {
    const res = await inject('GET', `${REFERRALS}/summary?month=2026-11`, manager);
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    const all = (await inject('GET', `${REFERRALS}?month=2026-11`, manager)).json() as Referral[];
    expect(summary.totals.total).toBe(all.length);
    expect(summary.totals.converted).toBe(all.filter((r) => r.status === 'converted').length);
    const two = summary.byAccountManager.find((row: { accountManagerId: string }) => row.accountManagerId === wealth2Id);
    expect(two).toMatchObject({ displayName: 'Wealth Two', total: all.filter((r) => r.referredTo === wealth2Id).length });
    expect((await inject('GET', `${REFERRALS}/summary`, wealth1)).statusCode).toBe(403);
  });
});

describe('the live hint', () => {
  let base: string;
  const sockets: Collector[] = [];
  beforeAll(async () => {
    base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  });
  afterAll(() => sockets.forEach((s) => s.close()));

  const open = async (headers: Headers) => {
    const socket = connect(`${base}/api/branches/${BRANCH}/live?token=${headers.authorization.slice('Bearer '.length)}`);
    sockets.push(socket);
    await socket.waitFor(1);
    return socket;
  };
  const hints = (socket: Collector) => socket.messages.filter((m) => m.type === 'records.changed');
  /** Every message sent before now has arrived once the pong to this ping has. */
  const drain = async (socket: Collector) => {
    const pongs = () => socket.messages.filter((m: ServerMessage) => m.type === 'pong').length;
    const before = pongs();
    socket.socket.send(JSON.stringify({ type: 'ping' }));
    await eventually(() => pongs() > before, 5000, 'a pong');
  };

  it('reaches wealth1 and the manager, without personal data, but not a teller or another account manager', async () => {
    const [toWealth1, toManager, toTeller, toWealth2] = await Promise.all([open(wealth1), open(manager), open(await t.as('teller1')), open(wealth2)]);
    const referral = await refer({ customerName: 'Wong Ka Yan' });
    await eventually(() => hints(toWealth1).length === 1 && hints(toManager).length === 1, 5000, 'the hint');
    expect(hints(toWealth1)).toEqual([{ type: 'records.changed', record: 'referral', id: referral.id }]);
    await Promise.all([drain(toTeller), drain(toWealth2)]);
    expect(hints(toTeller)).toEqual([]);
    expect(hints(toWealth2)).toEqual([]);
    for (const socket of [toTeller, toWealth2, toWealth1]) expect(JSON.stringify(socket.messages)).not.toContain('Wong Ka Yan');

    await move(referral.id, wealth1, { status: 'contacted', note: 'Called back' });
    await eventually(() => hints(toManager).length === 2, 5000, 'the manager’s second hint');
  });
});
