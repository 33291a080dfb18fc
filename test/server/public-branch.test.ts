/**
 * GET /api/public/branches/:branchId: what the staff sign-in page may know of a branch before anyone
 * signs in — its name and default language, nothing else — and that it follows the admin's change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const read = (branchId: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/public/branches/${encodeURIComponent(branchId)}`, headers });

describe('a branch as the sign-in page sees it', () => {
  it('gives the demo branch’s name and default language without a sign-in, and nothing of its settings', async () => {
    const res = await read(BRANCH);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: BRANCH, name: expect.objectContaining({ zhHant: expect.any(String), zhHans: expect.any(String), en: expect.any(String) }), defaultLocale: 'zh-Hant' });
    expect(Object.keys(res.json()).sort()).toEqual(['defaultLocale', 'id', 'name']);
  });

  it('follows a change of the branch’s default language', async () => {
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: await t.as('manager'), payload: { defaultLocale: 'zh-Hans' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await read(BRANCH)).json()).toMatchObject({ defaultLocale: 'zh-Hans' });
  });

  it('answers the same with a sign-in as without', async () => {
    expect((await read(BRANCH, await t.as('teller1'))).json()).toEqual((await read(BRANCH)).json());
  });

  it('answers 404 for a branch that does not exist', async () => {
    const res = await read('no-such-branch');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: expect.any(String) });
  });

  it('answers 400 naming the branch id when it is out of shape', async () => {
    const res = await read('x'.repeat(65));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('branchId');
  });
});
