/**
 * A Hong Kong branch chooses zh-HK as the language its screens start in: the admin routes accept
 * it, the snapshot and the sign-in page's public branch carry it, and anything else is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';
import { ADMIN, dump, requester } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, patch, post } = requester(() => t);
const publicBranch = (id: string) => t.app.inject({ method: 'GET', url: `/api/public/branches/${id}` });

describe('zh-HK as a branch’s default language', () => {
  it('is accepted by the branch settings and reaches the snapshot and the sign-in page', async () => {
    const headers = await t.as('manager');
    const res = await patch(`${ADMIN}/branch`, headers, { defaultLocale: 'zh-HK' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: BRANCH, defaultLocale: 'zh-HK' });
    expect((await get(`/api/branches/${BRANCH}/snapshot`, headers)).json().branch.defaultLocale).toBe('zh-HK');
    expect((await publicBranch(BRANCH)).json()).toMatchObject({ id: BRANCH, defaultLocale: 'zh-HK' });
  });

  it('survives a restart of the branch engine (it is stored, not only broadcast)', async () => {
    await patch(`${ADMIN}/branch`, await t.as('manager'), { defaultLocale: 'zh-HK' });
    await t.app.lobby.engine.reload(BRANCH);
    expect((await get(`${ADMIN}/branch`, await t.as('manager'))).json().defaultLocale).toBe('zh-HK');
  });

  it('opens a new Hong Kong branch in zh-HK', async () => {
    const body = { id: 'kowloon-east', name: { en: 'Kowloon East', zhHant: '九龍東分行', zhHans: '九龙东分行' }, timeZone: 'Asia/Hong_Kong', defaultLocale: 'zh-HK' };
    const res = await post('/api/admin/branches', await t.as('admin'), body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: 'kowloon-east', defaultLocale: 'zh-HK' });
    expect((await publicBranch('kowloon-east')).json()).toMatchObject({ defaultLocale: 'zh-HK' });
  });

  it.each(['zh-hk', 'zh_HK', 'zh-TW', 'yue', '', 42])('refuses %j with a 400 naming body/defaultLocale, and changes nothing', async (defaultLocale) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await patch(`${ADMIN}/branch`, headers, { defaultLocale });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain('body/defaultLocale');
    expect(await dump(t)).toEqual(before);
  });

  it('refuses a new branch with an unknown language, naming the field', async () => {
    const body = { id: 'kowloon-east', name: { en: 'K', zhHant: 'K', zhHans: 'K' }, timeZone: 'Asia/Hong_Kong', defaultLocale: 'zh-MO' };
    const res = await post('/api/admin/branches', await t.as('admin'), body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain('body/defaultLocale');
    expect((await publicBranch('kowloon-east')).statusCode).toBe(404);
  });

  it('may be set only by the branch’s manager or an admin', async () => {
    const teller = await t.as('teller1');
    const before = await dump(t);
    const res = await patch(`${ADMIN}/branch`, teller, { defaultLocale: 'zh-HK' });
    expect(res.statusCode, res.body).toBe(403);
    expect(await dump(t)).toEqual(before);
    expect((await patch(`${ADMIN}/branch`, await t.as('admin'), { defaultLocale: 'zh-HK' })).statusCode).toBe(200);
  });
});
