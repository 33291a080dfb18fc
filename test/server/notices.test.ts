import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../../protocol/live-client.js';
import type { DomainEvent } from '../../protocol/messages.js';
import { DEMO_NOTICES } from '../../server/src/seed/demo-notices.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

const url = `/api/branches/${BRANCH}/notices`;
const text = (en: string, zhHant = `${en} 繁`, zhHans = `${en} 简`) => ({ en, zhHant, zhHans });

describe('notice and interest-rate boards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives the hall display the seeded demo notices and rates', async () => {
    const res = await t.app.inject({ method: 'GET', url, headers: t.display });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEMO_NOTICES);
  });

  it('lets every actor of the branch read the board, and nobody without a token', async () => {
    for (const headers of [t.kiosk, await t.as('teller1'), await t.as('manager'), await t.as('admin')]) {
      expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);
    }
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 404 for a branch that does not exist (an admin may look anywhere)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/branches/nowhere/notices', headers: await t.as('admin') });
    expect(res.statusCode).toBe(404);
  });

  it('lets a manager replace the board, keeping the order given', async () => {
    const board = {
      notices: [text('Closed on Sunday'), text('New ATM in the hall')],
      rates: [{ label: text('1-year fixed'), value: '1.10%' }],
    };
    const put = await t.app.inject({ method: 'PUT', url, headers: await t.as('manager'), payload: board });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(board);
    const read = await t.app.inject({ method: 'GET', url, headers: t.display });
    expect(read.json()).toEqual(board);
  });

  it('lets an admin empty the board', async () => {
    const put = await t.app.inject({ method: 'PUT', url, headers: await t.as('admin'), payload: { notices: [], rates: [] } });
    expect(put.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: t.display })).json()).toEqual({ notices: [], rates: [] });
  });

  it('refuses edits from tellers and hall devices', async () => {
    const board = { notices: [text('Hacked')], rates: [] };
    for (const headers of [await t.as('teller1'), t.display, t.kiosk]) {
      const res = await t.app.inject({ method: 'PUT', url, headers, payload: board });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['a notice missing a language', { notices: [{ en: 'Hi', zhHant: '你好' }], rates: [] }],
    ['an empty notice', { notices: [text('')], rates: [] }],
    ['a rate without a value', { notices: [], rates: [{ label: text('Demand') }] }],
    ['a rate value that is a number', { notices: [], rates: [{ label: text('Demand'), value: 0.05 }] }],
    ['a missing rates list', { notices: [] }],
    ['too many notices', { notices: Array.from({ length: 21 }, (_, i) => text(`Notice ${i}`)), rates: [] }],
  ])('answers 400 for %s, and leaves the board as it was', async (_case, payload) => {
    const manager = await t.as('manager');
    const before = (await t.app.inject({ method: 'GET', url, headers: manager })).json();
    const res = await t.app.inject({ method: 'PUT', url, headers: manager, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'GET', url, headers: manager })).json()).toEqual(before);
  });

  it('tells the hall at once: a new board is a branch.configured event in the log, a refused one is none', async () => {
    const events: DomainEvent[] = [];
    const unsubscribe = t.app.lobby.bus.subscribe(BRANCH, (batch) => events.push(...batch));
    try {
      const manager = await t.as('manager');
      const lastSeq = async () =>
        (await t.app.lobby.db.selectFrom('events').select('seq').where('branch_id', '=', BRANCH).orderBy('seq', 'desc').executeTakeFirst())?.seq ?? 0;
      const before = await lastSeq();
      await t.app.inject({ method: 'PUT', url, headers: await t.as('teller1'), payload: { notices: [], rates: [] } });
      await t.app.inject({ method: 'PUT', url, headers: manager, payload: { notices: [text('')], rates: [] } });
      expect(events).toEqual([]);

      const put = await t.app.inject({ method: 'PUT', url, headers: manager, payload: { notices: [text('Open on Saturday')], rates: [] } });
      expect(put.statusCode).toBe(200);
      expect(events.map((e) => [e.type, e.seq])).toEqual([['branch.configured', before + 1]]);
      expect(await lastSeq()).toBe(before + 1);
    } finally {
      unsubscribe();
    }
  });
});

describe('a wall display after the board changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('takes a fresh snapshot, its cue to fetch the boards again', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const live = new LiveClient({
      url: `${address.replace('http', 'ws')}/api/branches/${BRANCH}/live?token=demo-display`,
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    try {
      await eventually(() => live.connection === 'live', 5000, 'live');
      const first = live.snapshots;
      const board = { notices: [text('Closed on 1 October')], rates: [{ label: text('1-year fixed'), value: '0.90%' }] };
      await t.app.inject({ method: 'PUT', url, headers: await t.as('manager'), payload: board });
      await eventually(() => live.snapshots > first, 5000, 'resync after the new board');
      expect((await t.app.inject({ method: 'GET', url, headers: t.display })).json()).toEqual(board);
    } finally {
      live.close();
    }
  });
});
