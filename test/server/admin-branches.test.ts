/** Opening branches on a real install: only an admin of every branch lists and creates them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';
import { dump, requester } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, post } = requester(() => t);
const BRANCHES = '/api/admin/branches';

const branchBody = (overrides: Record<string, unknown> = {}) => ({
  id: 'kowloon-east',
  name: { en: 'Kowloon East', zhHant: '九龍東支行', zhHans: '九龙东支行' },
  timeZone: 'Asia/Hong_Kong',
  defaultLocale: 'zh-Hant',
  ...overrides,
});

describe('the server’s branches', () => {
  it('lists every branch for an admin', async () => {
    const res = await get(BRANCHES, await t.as('admin'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([expect.objectContaining({ id: BRANCH, timeZone: 'Asia/Shanghai' })]);
  });

  it('opens a branch with the default settings and empty boards, which staff can then configure', async () => {
    const admin = await t.as('admin');
    const res = await post(BRANCHES, admin, branchBody({ name: { en: ' Kowloon East ', zhHant: '九龍東支行', zhHans: '九龙东支行' } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: 'kowloon-east',
      name: { en: 'Kowloon East', zhHant: '九龍東支行', zhHans: '九龙东支行' },
      timeZone: 'Asia/Hong_Kong',
      defaultLocale: 'zh-Hant',
      settings: DEFAULT_SETTINGS,
    });
    expect((await get(BRANCHES, admin)).json().map((b: { id: string }) => b.id)).toEqual([BRANCH, 'kowloon-east']);

    // The new branch is empty and ready: its settings, boards and first service.
    expect((await get('/api/branches/kowloon-east/admin/branch', admin)).json()).toEqual(res.json());
    expect((await get('/api/branches/kowloon-east/notices', admin)).json()).toEqual({ notices: [], rates: [] });
    const service = await post('/api/branches/kowloon-east/admin/services', admin, {
      prefix: 'A',
      name: { en: 'Cash', zhHant: '現金', zhHans: '现金' },
      selfServiceKind: null,
      targetWaitSeconds: 600,
      defaultServiceSeconds: 240,
    });
    expect(service.statusCode, service.body).toBe(201);
    const snapshot = await get('/api/branches/kowloon-east/snapshot', admin);
    expect(snapshot.statusCode, snapshot.body).toBe(200);
    expect(snapshot.json().services.map((s: { prefix: string }) => s.prefix)).toEqual(['A']);
  });

  it('answers 409 for an id that is taken, and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = await dump(t);
    const res = await post(BRANCHES, admin, branchBody({ id: BRANCH }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`id ${BRANCH} already exists`) });
    expect(await dump(t)).toEqual(before);
  });

  it.each([
    [{ id: 'Kowloon' }, 'body/id'],
    [{ id: 'k' }, 'body/id'],
    [{ id: 'a'.repeat(33) }, 'body/id'],
    [{ id: 'north_branch' }, 'body/id'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'body/timeZone'],
    [{ defaultLocale: 'fr' }, 'body/defaultLocale'],
    [{ name: { en: 'X', zhHant: '  ', zhHans: 'X' } }, 'body/name/zhHant'],
    [{ name: { en: 'X', zhHant: 'X' } }, 'body/name'],
    [{ timeZone: '' }, 'body/timeZone'],
  ])('refuses %j with a 400 naming %s, and changes nothing', async (overrides, field) => {
    const admin = await t.as('admin');
    const before = await dump(t);
    const res = await post(BRANCHES, admin, branchBody(overrides));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(field) });
    expect(await dump(t)).toEqual(before);
  });

  it('answers 401 without a sign-in', async () => {
    expect((await get(BRANCHES, {})).statusCode).toBe(401);
    expect((await post(BRANCHES, {}, branchBody())).statusCode).toBe(401);
  });

  it('refuses managers, tellers and hall devices with a 403, and creates nothing', async () => {
    const refused = [await t.as('manager'), await t.as('teller1'), t.kiosk, t.display];
    const before = await dump(t);
    for (const headers of refused) {
      const list = await get(BRANCHES, headers);
      expect(list.statusCode).toBe(403);
      expect(list.json().code).toBe('FORBIDDEN');
      const create = await post(BRANCHES, headers, branchBody());
      expect(create.statusCode).toBe(403);
    }
    expect(await dump(t)).toEqual(before);
  });
});
