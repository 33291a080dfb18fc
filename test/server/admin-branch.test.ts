import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveClient } from '../../protocol/live-client.js';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';
import { ADMIN, dump, recordEvents, requester, serviceBody } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, patch, post } = requester(() => t);

describe('branch settings', () => {
  it('shows the branch', async () => {
    const res = await get(`${ADMIN}/branch`, await t.as('manager'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: BRANCH, timeZone: 'Asia/Shanghai', defaultLocale: 'zh-Hant', settings: { amberWaitSeconds: 600, redWaitSeconds: 900 } });
  });

  it('changes names, time zone, language and thresholds; settings merge; screens are told', async () => {
    const events = recordEvents(t);
    const headers = await t.as('manager');
    const res = await patch(`${ADMIN}/branch`, headers, {
      name: { en: 'Central Branch', zhHant: '中環支行', zhHans: '中环支行' },
      timeZone: 'Asia/Hong_Kong',
      defaultLocale: 'en',
      settings: { redWaitSeconds: 1200, regularCountersTakeVip: 'never' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: BRANCH,
      name: { en: 'Central Branch', zhHant: '中環支行', zhHans: '中环支行' },
      timeZone: 'Asia/Hong_Kong',
      defaultLocale: 'en',
      settings: {
        regularCountersTakeVip: 'never',
        maxCallsAheadOfOverdue: 2,
        amberWaitSeconds: 600,
        redWaitSeconds: 1200,
        issuesPerDevicePerMinute: 20,
        noShowAfterRecalls: 1,
        noShowAfterSeconds: 0,
        absentAlertSeconds: 90,
        startOnCall: false,
        lateArrival: 'after_n',
        lateArrivalAfterN: 3,
        lateArrivalWithinMinutes: 60,
        vipRecognition: 'trust',
        complaintReplyWorkingDays: 2,
        holidays: [],
        checklistItems: ['ticket_machine', 'wall_displays', 'rating_pads', 'forms_and_pens', 'notices_and_rates', 'hall_tidy'],
        selfServiceMinSavingSeconds: 600,
        pushAheadCount: 3,
        publicUrl: '',
        announcementVoice: 'builtin',
        announcementLanguages: ['cmn', 'en'],
      },
    });
    expect((await get(`/api/branches/${BRANCH}/snapshot`, headers)).json().branch).toEqual(res.json());
    expect(events.map((e) => e.type)).toEqual(['branch.configured']);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'body/timeZone'],
    [{ defaultLocale: 'fr' }, 'body/defaultLocale'],
    [{ settings: { amberWaitSeconds: 1000 } }, 'body/settings/amberWaitSeconds'],
    [{ settings: { redWaitSeconds: 300 } }, 'body/settings/redWaitSeconds'],
    [{ settings: { maxCallsAheadOfOverdue: 21 } }, 'body/settings/maxCallsAheadOfOverdue'],
    [{ settings: { issuesPerDevicePerMinute: 0 } }, 'body/settings/issuesPerDevicePerMinute'],
    [{ settings: { amberWaitSeconds: -1 } }, 'body/settings/amberWaitSeconds'],
    [{ name: { en: 'X', zhHant: '', zhHans: 'X' } }, 'body/name/zhHant'],
    [{}, 'body'],
  ])('refuses %j with a 400 naming %s, and changes nothing', async (payload, field) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await patch(`${ADMIN}/branch`, headers, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });
});

describe('live screens after a configuration change', () => {
  it('take a fresh snapshot, so a new service and new names appear without a reload', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address.replace('http', 'ws')}/api/branches/${BRANCH}/live?token=demo-display`;
    const live = new LiveClient({ url, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
    try {
      await eventually(() => live.connection === 'live', 5000, 'live');
      const headers = await t.as('manager');
      await post(`${ADMIN}/services`, headers, serviceBody());
      await patch(`${ADMIN}/services/${service('A')}`, headers, { name: { en: 'Cash', zhHant: '現金', zhHans: '现金' } });
      await eventually(() => live.state?.services.find((s) => s.id === service('A'))?.name.en === 'Cash', 5000, 'renamed service');
      // The snapshot on connect, then at least one resync (two quick changes may share one).
      expect(live.snapshots).toBeGreaterThanOrEqual(2);
      expect(live.state?.services.map((s) => s.prefix)).toContain('F');
    } finally {
      live.close();
    }
  });
});
