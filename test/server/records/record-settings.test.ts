/**
 * The records' branch settings through PATCH …/admin/branch: how the kiosk recognises VIPs, the
 * working days to reply to a complaint, the branch's holidays and its opening/closing check items.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ADMIN, dump, requester } from '../admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, patch } = requester(() => t);
const BRANCH_URL = `${ADMIN}/branch`;

describe('the records’ settings', () => {
  it('start with today’s behaviour: trust the VIP step, 2 working days, no holidays, the standard checklist', async () => {
    const res = await get(BRANCH_URL, await t.as('manager'));
    expect(res.json().settings).toMatchObject({
      vipRecognition: 'trust',
      complaintReplyWorkingDays: 2,
      holidays: [],
      checklistItems: ['ticket_machine', 'wall_displays', 'rating_pads', 'forms_and_pens', 'notices_and_rates', 'hall_tidy'],
    });
  });

  it('are saved by a manager, holidays in calendar order and items trimmed, leaving the other settings as they were', async () => {
    const headers = await t.as('manager');
    const before = (await get(BRANCH_URL, headers)).json().settings;
    const res = await patch(BRANCH_URL, headers, {
      settings: {
        vipRecognition: 'registry',
        complaintReplyWorkingDays: 5,
        holidays: ['2026-12-25', '2026-10-01'],
        checklistItems: ['ticket_machine', 'hall_tidy', '  Queue barrier 一米線  '],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const settings = (await get(BRANCH_URL, headers)).json().settings;
    expect(settings).toEqual({
      ...before,
      vipRecognition: 'registry',
      complaintReplyWorkingDays: 5,
      holidays: ['2026-10-01', '2026-12-25'],
      checklistItems: ['ticket_machine', 'hall_tidy', 'Queue barrier 一米線'],
    });
  });

  it('may be emptied: no holidays, and no items besides the self-service machines', async () => {
    const headers = await t.as('admin');
    expect((await patch(BRANCH_URL, headers, { settings: { holidays: ['2026-10-01'] } })).statusCode).toBe(200);
    const res = await patch(BRANCH_URL, headers, { settings: { holidays: [], checklistItems: [] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({ holidays: [], checklistItems: [] });
  });

  it.each([
    ['body/settings/vipRecognition', { vipRecognition: 'maybe' }],
    ['body/settings/complaintReplyWorkingDays', { complaintReplyWorkingDays: 0 }],
    ['body/settings/complaintReplyWorkingDays', { complaintReplyWorkingDays: 31 }],
    ['body/settings/complaintReplyWorkingDays', { complaintReplyWorkingDays: 1.5 }],
    ['body/settings/complaintReplyWorkingDays', { complaintReplyWorkingDays: '2' }],
    ['body/settings/holidays', { holidays: '2026-10-01' }],
    ['body/settings/holidays/0', { holidays: ['2026/10/01'] }],
    ['body/settings/holidays/1', { holidays: ['2026-10-01', '2026-02-30'] }],
    ['body/settings/holidays/1', { holidays: ['2026-10-01', '2026-10-01'] }],
    ['body/settings/holidays', { holidays: Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)) }],
    ['body/settings/checklistItems/0', { checklistItems: [''] }],
    ['body/settings/checklistItems/1', { checklistItems: ['hall_tidy', '   '] }],
    ['body/settings/checklistItems/1', { checklistItems: ['Queue barrier', 'queue barrier'] }],
    ['body/settings/checklistItems/0', { checklistItems: ['x'.repeat(81)] }],
    ['body/settings/checklistItems', { checklistItems: Array.from({ length: 41 }, (_, i) => `Item ${i}`) }],
  ])('answers a 400 naming %s to %j, and changes nothing', async (field, settings) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await patch(BRANCH_URL, headers, { settings });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('are refused to tellers and account managers', async () => {
    for (const username of ['teller1', 'wealth1']) {
      const res = await patch(BRANCH_URL, await t.as(username), { settings: { vipRecognition: 'registry' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await get(BRANCH_URL, await t.as('manager'))).json().settings.vipRecognition).toBe('trust');
  });
});
