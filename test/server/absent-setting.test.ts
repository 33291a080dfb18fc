/**
 * The branch's threshold for a customer called but not at the counter (absentAlertSeconds): 90 s
 * unless set, 30–600 s, carried by the live snapshot for the consoles to compute their alerts.
 * A value out of range is refused with a 400 naming the field and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABSENT_ALERT_SECONDS } from '../../protocol/schemas.js';
import { tableDigest } from '../helpers/table-digest.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const BRANCH_URL = `/api/branches/${BRANCH}/admin/branch`;
const patchBranch = async (payload: object) => t.app.inject({ method: 'PATCH', url: BRANCH_URL, headers: await t.as('manager'), payload });
const snapshotSettings = async () => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') })).json().branch.settings;

describe('the threshold of a called customer not at the counter', () => {
  it('starts the demo branch at 90 seconds, in the admin page and in the live snapshot', async () => {
    expect(ABSENT_ALERT_SECONDS.default).toBe(90);
    const branch = (await t.app.inject({ url: BRANCH_URL, headers: await t.as('manager') })).json();
    expect(branch.settings.absentAlertSeconds).toBe(90);
    expect((await snapshotSettings()).absentAlertSeconds).toBe(90);
  });

  it.each([30, 45, 600])('is set by a manager to %i s, kept, and sent to the consoles', async (seconds) => {
    const res = await patchBranch({ settings: { absentAlertSeconds: seconds } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.absentAlertSeconds).toBe(seconds);
    expect((await snapshotSettings()).absentAlertSeconds).toBe(seconds);
    // The other settings keep their values.
    expect(res.json().settings).toMatchObject({ noShowAfterRecalls: 1, redWaitSeconds: 900 });
  });

  it.each([
    [{ absentAlertSeconds: 29 }, 'below the 30 s minimum'],
    [{ absentAlertSeconds: 601 }, 'above the 600 s maximum'],
    [{ absentAlertSeconds: 0 }, 'zero'],
    [{ absentAlertSeconds: 90.5 }, 'not whole'],
    [{ absentAlertSeconds: '90' }, 'a string'],
    [{ absentAlertSeconds: null }, 'null'],
  ])('refuses %j (%s) with a 400 naming body/settings/absentAlertSeconds, and changes nothing', async (settings: object, _why: string) => {
    const manager = await t.as('manager');
    const before = await tableDigest(t.app.lobby.db);
    const res = await t.app.inject({ method: 'PATCH', url: BRANCH_URL, headers: manager, payload: { settings } });
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.json().message).toContain('body/settings/absentAlertSeconds');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
    expect((await snapshotSettings()).absentAlertSeconds).toBe(90);
  });

  it('is not a teller’s to change', async () => {
    const teller = await t.as('teller1');
    const before = await tableDigest(t.app.lobby.db);
    const res = await t.app.inject({ method: 'PATCH', url: BRANCH_URL, headers: teller, payload: { settings: { absentAlertSeconds: 30 } } });
    expect(res.statusCode).toBe(403);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });
});
