/**
 * The complaint log (客戶投訴記錄表) through the API: managers log, list, edit, reply to, close and
 * reopen complaints, each read and change audited by field name; a teller logs one about the ticket
 * at their counter and gets nothing personal back; the rules refuse what they forbid, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../protocol/messages.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { tableDigest } from '../../helpers/table-digest.js';
import { connect, eventually, type Collector } from '../../helpers/ws.js';

type Headers = Record<string, string>;
const COMPLAINTS = `/api/branches/${BRANCH}/complaints`;
// The test clock: Monday 23 November 2026, 10:00 in Shanghai. Two working days: end of Wednesday.
const DUE_WEDNESDAY = '2026-11-25T15:59:59.999Z';

let t: TestApp;
let manager: Headers;
let admin: Headers;
let teller1: Headers;
let teller2: Headers;
let calledTicket: { id: string; number: string };
let teller1Id: string;

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function log(body: object, headers = manager): Promise<{ id: string; status: string; replyDueAt: string }> {
  const res = await inject('POST', COMPLAINTS, headers, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function read(id: string) {
  const res = await inject('GET', `${COMPLAINTS}/${id}`, manager);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const auditRows = () => t.app.lobby.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'complaint').orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.as('manager');
  admin = await t.as('admin');
  teller1 = await t.as('teller1');
  teller2 = await t.as('teller2');
  teller1Id = (await inject('GET', '/api/auth/me', teller1)).json().id;
  await inject('POST', `/api/counters/${counter(1)}/open`, teller1, {});
  await inject('POST', `/api/counters/${counter(2)}/open`, teller2, {});
  await inject('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
  calledTicket = (await inject('POST', `/api/counters/${counter(1)}/call-next`, teller1)).json();
});
afterAll(() => t.close());

describe('logging a complaint', () => {
  it('takes the ticket’s number, counter and teller, and sets the reply deadline two working days on', async () => {
    const receipt = await log({ category: 'waiting_time', content: 'Waited 40 minutes for a deposit', ticketId: calledTicket.id, customerName: 'Chan Tai Man', customerPhone: '+852 9123 4567' });
    expect(receipt).toEqual({ id: expect.any(String), status: 'open', replyDueAt: DUE_WEDNESDAY });
    expect(await read(receipt.id)).toMatchObject({
      channel: 'hall',
      category: 'waiting_time',
      content: 'Waited 40 minutes for a deposit',
      customerName: 'Chan Tai Man',
      customerPhone: '+852 9123 4567',
      ticketId: calledTicket.id,
      ticketNumber: calledTicket.number,
      counterId: counter(1),
      counterNumber: 1,
      tellerId: teller1Id,
      status: 'open',
      receivedAt: t.clock.now().toISOString(),
      replyDueAt: DUE_WEDNESDAY,
      reply: null,
      handlerName: expect.any(String),
    });
  });

  it('lets teller 1 log one about the ticket at their counter, answering no personal data', async () => {
    const res = await inject('POST', COMPLAINTS, teller1, { category: 'staff_attitude', content: 'Felt rushed', ticketId: calledTicket.id, customerName: 'Ho Mei' });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['id', 'replyDueAt', 'status']);
    expect(await read(res.json().id)).toMatchObject({ customerName: 'Ho Mei', receivedBy: teller1Id, handlerId: null, counterNumber: 1 });
  });

  it('refuses teller 2, whose counter the ticket is not at, and a teller without a ticket, changing nothing', async () => {
    const before = await tableDigest(t.app.lobby.db);
    const other = await inject('POST', COMPLAINTS, teller2, { category: 'fees', content: 'Too dear', ticketId: calledTicket.id });
    expect(other.statusCode).toBe(403);
    const none = await inject('POST', COMPLAINTS, teller1, { category: 'fees', content: 'Too dear' });
    expect(none.statusCode).toBe(403);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('answers 400 naming the field for bad input, changing nothing', async () => {
    const before = await tableDigest(t.app.lobby.db);
    for (const [body, field] of [
      [{ category: 'noise', content: 'x' }, 'category'],
      [{ category: 'fees', content: '' }, 'content'],
      [{ category: 'fees', content: 'x'.repeat(2001) }, 'content'],
      [{ category: 'fees', content: 'x', customerPhone: 'call me' }, 'customerPhone'],
      [{ category: 'fees', content: 'x', receivedAt: '2030-01-01T00:00:00.000Z' }, 'receivedAt'],
    ] as const) {
      const res = await inject('POST', COMPLAINTS, manager, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toContain(field);
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });
});

describe('the log', () => {
  let phone: string;
  let old: string;
  beforeAll(async () => {
    phone = (await log({ channel: 'phone', category: 'fees', content: 'Charged twice for a transfer' })).id;
    // A letter received in October: long overdue.
    old = (await log({ channel: 'letter', category: 'environment', content: 'The hall was cold', receivedAt: '2026-10-14T03:00:00.000Z' })).id;
  });

  const list = async (query = '') => {
    const res = await inject('GET', `${COMPLAINTS}${query}`, manager);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; category: string; status: string }[];
  };

  it('lists newest first and filters by state, category, month and overdue', async () => {
    const all = await list();
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.at(-1)!.id).toBe(old);
    expect((await list('?category=fees')).map((c) => c.id)).toEqual([phone]);
    expect((await list('?month=2026-10')).map((c) => c.id)).toEqual([old]);
    expect((await list('?month=2026-11')).map((c) => c.id)).not.toContain(old);
    expect((await list('?overdue=true')).map((c) => c.id)).toEqual([old]);
    expect((await list('?status=closed'))).toEqual([]);
    expect((await inject('GET', `${COMPLAINTS}?month=2026-13`, manager)).statusCode).toBe(400);
  });

  it('counts by category and by month, with the overdue count', async () => {
    const res = await inject('GET', `${COMPLAINTS}/summary?from=2026-09&to=2026-11`, manager);
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary.byMonth).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: summary.total - 1 },
    ]);
    expect(summary.byCategory).toContainEqual({ category: 'fees', count: 1 });
    expect(summary.byCategory).toContainEqual({ category: 'environment', count: 1 });
    expect(summary.byCategory).toHaveLength(7);
    expect(summary.overdue).toBe(1);
    expect((await inject('GET', `${COMPLAINTS}/summary?from=2026-11&to=2026-09`, manager)).statusCode).toBe(400);
  });

  it('is for managers and admins of the branch only', async () => {
    expect((await inject('GET', COMPLAINTS, admin)).statusCode).toBe(200);
    for (const headers of [teller1, await t.as('wealth1'), t.kiosk, t.display]) {
      expect((await inject('GET', COMPLAINTS, headers)).statusCode).toBe(403);
      expect((await inject('GET', `${COMPLAINTS}/${phone}`, headers)).statusCode).toBe(403);
      expect((await inject('GET', `${COMPLAINTS}/summary`, headers)).statusCode).toBe(403);
    }
  });

  it('refuses another branch’s manager', async () => {
    const name = { en: 'East', zhHant: 'East', zhHans: 'East' };
    await inject('POST', '/api/admin/branches', admin, { id: 'east', name, timeZone: 'Asia/Shanghai', defaultLocale: 'en' });
    await inject('POST', '/api/branches/east/admin/users', admin, { username: 'east-manager', displayName: 'East', role: 'manager', password: 'east-password' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'east-manager', password: 'east-password' } });
    const east = { authorization: `Bearer ${login.json().token}` };
    const before = await tableDigest(t.app.lobby.db);
    expect((await inject('GET', COMPLAINTS, east)).statusCode).toBe(403);
    expect((await inject('GET', `${COMPLAINTS}/${phone}`, east)).statusCode).toBe(403);
    expect((await inject('POST', `${COMPLAINTS}/${phone}/reply`, east, { reply: 'x' })).statusCode).toBe(403);
    expect((await inject('POST', COMPLAINTS, east, { category: 'fees', content: 'x' })).statusCode).toBe(403);
    // Its own complaints URL does not reach the demo branch's complaint.
    expect((await inject('GET', `/api/branches/east/complaints/${phone}`, east)).statusCode).toBe(404);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });
});

describe('a complaint’s life', () => {
  it('is edited, replied to, closed, and reopened with a new deadline', async () => {
    // Received on the Friday before: due at the end of Tuesday.
    const { id, replyDueAt } = await log({ category: 'equipment', content: 'The ATM kept my card', receivedAt: '2026-11-20T08:00:00.000Z' });
    expect(replyDueAt).toBe('2026-11-24T15:59:59.999Z');

    const edited = await inject('PATCH', `${COMPLAINTS}/${id}`, manager, { customerPhone: '138 0013 8000', rootCause: 'Card reader worn' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ customerPhone: '138 0013 8000', rootCause: 'Card reader worn', status: 'open' });

    const closeTooSoon = await inject('POST', `${COMPLAINTS}/${id}/close`, manager, { outcome: 'Done' });
    expect(closeTooSoon.statusCode).toBe(409);
    expect(closeTooSoon.json().code).toBe('INVALID_TRANSITION');

    t.clock.advance(60 * 60_000);
    const replied = await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Card returned the same day' });
    expect(replied.json()).toMatchObject({ status: 'replied', reply: 'Card returned the same day', repliedAt: t.clock.now().toISOString() });
    expect((await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Again' })).json().code).toBe('INVALID_TRANSITION');

    const closed = await inject('POST', `${COMPLAINTS}/${id}/close`, manager, { outcome: 'Customer satisfied', fix: 'Reader replaced' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Customer satisfied', rootCause: 'Card reader worn', fix: 'Reader replaced', closedAt: t.clock.now().toISOString() });

    // Closed is locked: neither a reply nor an edit of its content, and nothing changes.
    const before = await tableDigest(t.app.lobby.db);
    const reply = await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Another reply' });
    expect([reply.statusCode, reply.json().code]).toEqual([409, 'RECORD_LOCKED']);
    const edit = await inject('PATCH', `${COMPLAINTS}/${id}`, manager, { content: 'Something else' });
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'RECORD_LOCKED']);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);

    const reopened = await inject('POST', `${COMPLAINTS}/${id}/reopen`, manager);
    expect(reopened.statusCode, reopened.body).toBe(200);
    // Reopened on Monday: a new reply is due two working days on, at the end of Wednesday.
    expect(reopened.json()).toMatchObject({ status: 'reopened', closedAt: null, replyDueAt: DUE_WEDNESDAY });
    expect((await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Called again' })).json().status).toBe('replied');
  });

  it('refuses a reply from a teller and an edit from a teller, changing nothing', async () => {
    const { id } = await log({ category: 'other', content: 'Lost umbrella' });
    const before = await tableDigest(t.app.lobby.db);
    expect((await inject('POST', `${COMPLAINTS}/${id}/reply`, teller1, { reply: 'x' })).statusCode).toBe(403);
    expect((await inject('PATCH', `${COMPLAINTS}/${id}`, teller1, { content: 'x' })).statusCode).toBe(403);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });
});

describe('the audit trail', () => {
  it('names the fields read and changed, never their values', async () => {
    const secret = 'Mr Secretive complained about the rate board';
    const { id } = await log({ category: 'product', content: secret, customerName: 'Secretive' });
    await read(id);
    await inject('PATCH', `${COMPLAINTS}/${id}`, manager, { category: 'fees', content: secret });
    await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Secret reply' });
    const rows = (await auditRows()).filter((row) => row.record_id === id);
    expect(rows.map((row) => [row.action, JSON.parse(row.fields)])).toEqual([
      ['create', expect.arrayContaining(['content', 'customerName', 'category'])],
      ['read', expect.arrayContaining(['content', 'customerName'])],
      // The content was sent unchanged: only the category is named.
      ['update', ['category']],
      ['update', expect.arrayContaining(['status', 'reply', 'repliedAt'])],
    ]);
    expect(rows.every((row) => row.actor_role === 'manager')).toBe(true);
    expect(JSON.stringify(await t.app.lobby.db.selectFrom('audit_log').selectAll().execute())).not.toMatch(/Secret/);
  });

  it('writes a row for the read of the list', async () => {
    const before = (await auditRows()).length;
    await inject('GET', `${COMPLAINTS}?status=open`, admin);
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: 'read', record_id: null, actor_role: 'admin' });
  });
});

describe('the live hint', () => {
  const sockets: Collector[] = [];
  let base: string;
  beforeAll(async () => {
    base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  });
  afterAll(() => sockets.forEach((s) => s.close()));

  const open = async (headers: Headers) => {
    const socket = connect(`${base}/api/branches/${BRANCH}/live?token=${headers.authorization!.slice('Bearer '.length)}`);
    sockets.push(socket);
    await socket.waitFor(1);
    return socket;
  };
  const hints = (socket: Collector) => socket.messages.filter((m: ServerMessage) => m.type === 'records.changed');

  it('reaches a manager’s socket, without the content, but not a teller’s', async () => {
    const [toManager, toTeller] = await Promise.all([open(manager), open(teller1)]);
    const { id } = await log({ category: 'waiting_time', content: 'Hinted complaint text', ticketId: calledTicket.id }, teller1);
    await eventually(() => hints(toManager).length === 1, 5000, 'the manager’s hint');
    expect(hints(toManager)).toEqual([{ type: 'records.changed', record: 'complaint', id }]);
    // A pong after the hint proves the teller's socket had its chance to hear it.
    const pongs = () => toTeller.messages.filter((m) => m.type === 'pong').length;
    toTeller.socket.send(JSON.stringify({ type: 'ping' }));
    await eventually(() => pongs() === 1, 5000, 'the teller’s pong');
    expect(hints(toTeller)).toEqual([]);
    for (const socket of [toManager, toTeller]) expect(JSON.stringify(socket.messages)).not.toContain('Hinted complaint text');

    await inject('POST', `${COMPLAINTS}/${id}/reply`, manager, { reply: 'Sorry' });
    await eventually(() => hints(toManager).length === 2, 5000, 'the second hint');
  });
});
