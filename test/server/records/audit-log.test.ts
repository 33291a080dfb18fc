/**
 * The audit log as admins read it: a branch's rows of personal-data reads and changes, filtered by
 * person, record and branch day, newest first, a page at a time, and as CSV. Managers may not read
 * it, and no route of the app can change or remove an audit row.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogRow } from '../../../protocol/audit-routes.js';
import { auditRepository, type NewAuditRecord } from '../../../server/src/repositories/audit-repository.js';
import { createAuditTrail } from '../../../server/src/services/records/audit-trail.js';
import { manualClock } from '../../../server/src/lib/clock.js';
import { BRANCH, createTestApp, type TestApp } from '../../helpers/test-app.js';

const LOG = `/api/branches/${BRANCH}/admin/audit-log`;
const CSV = `${LOG}.csv`;
const EAST = 'east';

let t: TestApp;
let admin: Record<string, string>;
const userIds: Record<string, string> = {};

/** The demo branch runs on Asia/Shanghai time: its 23 November starts at 16:00 UTC on the 22nd. */
const ROWS: (Omit<NewAuditRecord, 'actorId' | 'branchId'> & { actor: string })[] = [
  { actor: 'manager', at: '2026-11-20T02:00:00.000Z', actorRole: 'manager', action: 'create', recordType: 'complaint', recordId: 'complaint-1', fields: ['content', 'customerName'] },
  { actor: 'manager', at: '2026-11-22T15:59:59.999Z', actorRole: 'manager', action: 'read', recordType: 'customer', recordId: null, fields: [] },
  { actor: 'manager', at: '2026-11-22T16:00:00.000Z', actorRole: 'manager', action: 'update', recordType: 'complaint', recordId: 'complaint-1', fields: ['reply'] },
  { actor: 'wealth1', at: '2026-11-23T01:00:00.000Z', actorRole: 'account_manager', action: 'read', recordType: 'referral', recordId: 'referral-7', fields: [] },
  { actor: 'admin', at: '2026-11-23T03:00:00.000Z', actorRole: 'admin', action: 'export', recordType: 'customer', recordId: null, fields: [] },
];

const get = async (url: string, headers: Record<string, string> = admin) => t.app.inject({ method: 'GET', url, headers });
const page = async (query = '') => {
  const res = await get(`${LOG}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: AuditLogRow[]; nextBeforeId: number | null; timeZone: string };
};
const auditCount = async () => Number((await t.app.lobby.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  for (const u of await t.app.lobby.db.selectFrom('users').select(['id', 'username']).execute()) userIds[u.username] = u.id;
  const name = (en: string) => ({ en, zhHant: en, zhHans: en });
  await t.app.inject({ method: 'POST', url: '/api/admin/branches', headers: admin, payload: { id: EAST, name: name('East'), timeZone: 'Asia/Shanghai', defaultLocale: 'en' } });
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/branches/${EAST}/admin/users`,
    headers: admin,
    payload: { username: 'east-admin', displayName: 'East admin', role: 'admin', password: 'east-password' },
  });
  expect(created.statusCode, created.body).toBe(201);
  userIds['east-admin'] = created.json().id;

  // Rows as the records' services write them: straight through the repository, with set times…
  await auditRepository.append(
    t.app.lobby.db,
    ROWS.map(({ actor, ...row }) => ({ ...row, branchId: BRANCH, actorId: userIds[actor]! })),
  );
  // …and through the audit trail, at the trail's clock; one in another branch.
  const trail = createAuditTrail({ clock: manualClock('2026-11-23T05:00:00.000Z') });
  const manager = { kind: 'user' as const, id: userIds.manager!, role: 'manager' as const, branchId: BRANCH, username: 'manager' };
  await trail.write(t.app.lobby.db, manager, BRANCH, { action: 'update', recordType: 'diary', recordId: 'diary-1', fields: ['focus', 'problems'] });
  await trail.write(t.app.lobby.db, manager, EAST, { action: 'read', recordType: 'complaint', recordId: 'east-complaint' });
});
afterAll(() => t.close());

describe('reading the audit log', () => {
  it('lists the branch’s rows newest first, each with who (name, username, role), what and which fields', async () => {
    const { rows, nextBeforeId, timeZone } = await page();
    expect(timeZone).toBe('Asia/Shanghai');
    expect(nextBeforeId).toBeNull();
    expect(rows.map((r) => [r.at, r.actorUsername, r.action, r.recordType, r.recordId])).toEqual([
      ['2026-11-23T05:00:00.000Z', 'manager', 'update', 'diary', 'diary-1'],
      ['2026-11-23T03:00:00.000Z', 'admin', 'export', 'customer', null],
      ['2026-11-23T01:00:00.000Z', 'wealth1', 'read', 'referral', 'referral-7'],
      ['2026-11-22T16:00:00.000Z', 'manager', 'update', 'complaint', 'complaint-1'],
      ['2026-11-22T15:59:59.999Z', 'manager', 'read', 'customer', null],
      ['2026-11-20T02:00:00.000Z', 'manager', 'create', 'complaint', 'complaint-1'],
    ]);
    expect(rows[0]).toEqual({
      id: expect.any(Number),
      at: '2026-11-23T05:00:00.000Z',
      actorId: userIds.manager,
      actorName: 'Lobby manager 大堂經理',
      actorUsername: 'manager',
      actorRole: 'manager',
      action: 'update',
      recordType: 'diary',
      recordId: 'diary-1',
      fields: ['focus', 'problems'],
    });
  });

  it.each([
    ['person', () => `?actorId=${userIds.wealth1}`, ['referral-7']],
    ['record type', () => '?recordType=complaint', ['complaint-1', 'complaint-1']],
    ['record', () => '?recordId=complaint-1', ['complaint-1', 'complaint-1']],
    ['person and record type', () => `?actorId=${userIds.manager}&recordType=customer`, [null]],
  ])('filters by %s', async (_filter, query, recordIds) => {
    expect((await page(query())).rows.map((r) => r.recordId)).toEqual(recordIds);
  });

  it('filters by branch days, from the branch’s midnight to the end of the last day', async () => {
    const times = async (query: string) => (await page(query)).rows.map((r) => r.at);
    expect(await times('?from=2026-11-23&to=2026-11-23')).toEqual(['2026-11-23T05:00:00.000Z', '2026-11-23T03:00:00.000Z', '2026-11-23T01:00:00.000Z', '2026-11-22T16:00:00.000Z']);
    expect(await times('?to=2026-11-22')).toEqual(['2026-11-22T15:59:59.999Z', '2026-11-20T02:00:00.000Z']);
    expect(await times('?from=2026-11-21&to=2026-11-22')).toEqual(['2026-11-22T15:59:59.999Z']);
    expect(await times('?from=2026-11-24')).toEqual([]);
  });

  it('pages with beforeId: no row twice, none left out, and the last page says there is no more', async () => {
    const all = (await page()).rows.map((r) => r.id);
    const seen: number[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const { rows, nextBeforeId } = await page(`?limit=4${cursor}`);
      pages += 1;
      seen.push(...rows.map((r) => r.id));
      if (nextBeforeId === null) break;
      expect(nextBeforeId).toBe(rows.at(-1)!.id);
      cursor = `&beforeId=${nextBeforeId}`;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(all);
  });

  it('keeps other branches’ rows out', async () => {
    const { rows } = await page();
    expect(rows.map((r) => r.recordId)).not.toContain('east-complaint');
    const east = await get(`/api/branches/${EAST}/admin/audit-log`);
    expect(east.json().rows.map((r: AuditLogRow) => r.recordId)).toEqual(['east-complaint']);
  });

  it('is not itself audited: reading the log and exporting it add no rows', async () => {
    const before = await auditCount();
    await page();
    await get(CSV);
    expect(await auditCount()).toBe(before);
  });
});

describe('who may read it', () => {
  it('is for admins: of every branch, or of this branch', async () => {
    expect((await get(LOG, admin)).statusCode).toBe(200);
    const eastAdmin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'east-admin', password: 'east-password' } });
    const headers = { authorization: `Bearer ${eastAdmin.json().token}` };
    expect((await get(`/api/branches/${EAST}/admin/audit-log`, headers)).statusCode).toBe(200);
    // An admin of another branch is refused here.
    for (const url of [LOG, CSV]) {
      const res = await get(url, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it.each(['manager', 'wealth1', 'teller1'])('refuses %s with 403: managers do not read what they did', async (username) => {
    for (const url of [LOG, CSV]) {
      const res = await get(url, await t.as(username));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('refuses the hall’s devices with 403 and nobody signed in with 401', async () => {
    for (const url of [LOG, CSV]) {
      expect((await get(url, t.kiosk)).statusCode).toBe(403);
      expect((await get(url, t.display)).statusCode).toBe(403);
      expect((await get(url, {})).statusCode).toBe(401);
    }
  });

  it('answers 404 for a branch that does not exist', async () => {
    expect((await get('/api/branches/nowhere/admin/audit-log')).statusCode).toBe(404);
  });
});

describe('bad filters', () => {
  it.each([
    ['?limit=0', 'querystring/limit'],
    ['?limit=201', 'querystring/limit'],
    ['?limit=many', 'querystring/limit'],
    ['?beforeId=0', 'querystring/beforeId'],
    ['?recordType=ticket', 'querystring/recordType'],
    ['?from=23-11-2026', 'querystring/from'],
    ['?from=2026-02-30', 'querystring/from'],
    ['?to=2026-04-31', 'querystring/to'],
    ['?from=2026-11-24&to=2026-11-23', 'querystring/from'],
    [`?actorId=${'x'.repeat(65)}`, 'querystring/actorId'],
  ])('answers %s with a 400 naming %s', async (query, field) => {
    for (const url of [LOG, CSV]) {
      if (url === CSV && /limit|beforeId/.test(query)) continue;
      const res = await get(`${url}${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().message).toContain(field);
    }
  });
});

describe('the CSV export', () => {
  it('holds the filtered rows, newest first, with branch time, as UTF-8 with a BOM', async () => {
    const res = await get(`${CSV}?recordType=complaint`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-demo-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\ufeff')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\r\n').map((line) => line.replace(/^\d+,/, '<id>,'));
    expect(lines).toEqual([
      'id,at_utc,branch_time,actor_username,actor_name,actor_role,action,record_type,record_id,fields',
      '<id>,2026-11-22T16:00:00.000Z,2026-11-23 00:00:00,manager,Lobby manager 大堂經理,manager,update,complaint,complaint-1,reply',
      '<id>,2026-11-20T02:00:00.000Z,2026-11-20 10:00:00,manager,Lobby manager 大堂經理,manager,create,complaint,complaint-1,content customerName',
    ]);
  });

  it('exports every row of a filter, past one page', async () => {
    const res = await get(`${CSV}?from=2026-11-01`);
    expect(res.body.trimEnd().split('\r\n')).toHaveLength(1 + 6);
  });
});

describe('append-only', () => {
  it('no route of the app can change or remove an audit row: every audit-log route is a read', async () => {
    const routes: { method: string; url: string }[] = [];
    const listed = await createTestApp({
      onRoute: (route: RouteOptions) => {
        for (const method of Array.isArray(route.method) ? route.method : [route.method]) routes.push({ method, url: route.url });
      },
    });
    await listed.close();
    const audit = routes.filter((r) => /audit/i.test(r.url));
    expect(audit.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/branches/:branchId/admin/audit-log',
      'GET /api/branches/:branchId/admin/audit-log.csv',
      'HEAD /api/branches/:branchId/admin/audit-log',
      'HEAD /api/branches/:branchId/admin/audit-log.csv',
    ]);
    expect(routes.filter((r) => /audit/i.test(r.url) && !['GET', 'HEAD'].includes(r.method))).toEqual([]);
  });
});
