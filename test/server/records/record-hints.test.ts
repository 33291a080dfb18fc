/**
 * `records.changed` hints: a record changed, and the staff screens that may read it hear so on their
 * live socket, outside the event sequence. Nobody else hears it: not the hall's kiosks and displays,
 * not tellers, not another account manager.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../protocol/messages.js';
import { BRANCH, createTestApp, type TestApp } from '../../helpers/test-app.js';
import { connect, eventually, type Collector } from '../../helpers/ws.js';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await createTestApp();
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(() => t.close());

const bearer = (headers: Record<string, string>) => headers.authorization!.replace('Bearer ', '');

/** A live socket as `token`, once its snapshot arrived. */
async function watch(token: string): Promise<Collector> {
  const live = connect(`${base}/api/branches/${BRANCH}/live?token=${token}`);
  await live.waitFor(1);
  return live;
}

/** The hints a socket received, but those of the devices' own comings and goings (device health). */
const hintsOf = (live: Collector) =>
  live.messages.filter((m): m is Extract<ServerMessage, { type: 'records.changed' }> => m.type === 'records.changed' && m.record !== 'device');

describe('records.changed hints', () => {
  it('reach the branch manager and the named account manager, and no one else', async () => {
    const screens = {
      manager: await watch(bearer(await t.as('manager'))),
      admin: await watch(bearer(await t.as('admin'))),
      wealth1: await watch(bearer(await t.as('wealth1'))),
      teller: await watch(bearer(await t.as('teller1'))),
      kiosk: await watch(bearer(t.kiosk)),
      display: await watch(bearer(t.display)),
    };
    const wealth1 = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: await t.as('wealth1') })).json().id as string;

    t.app.lobby.hints.publish(BRANCH, { record: 'complaint', id: 'c1' });
    t.app.lobby.hints.publish(BRANCH, { record: 'referral', id: 'r1', alsoFor: [wealth1] });
    t.app.lobby.hints.publish(BRANCH, { record: 'referral', id: 'r2', alsoFor: ['someone-else'] });
    await eventually(() => hintsOf(screens.manager).length === 3 && hintsOf(screens.wealth1).length === 1, 5000, 'the hints');
    // A ping answered after the hints proves the others had their chance to receive them.
    for (const live of Object.values(screens)) live.socket.send(JSON.stringify({ type: 'ping' }));
    await eventually(() => Object.values(screens).every((live) => live.messages.some((m) => m.type === 'pong')), 5000, 'the pongs');

    expect(hintsOf(screens.manager)).toEqual([
      { type: 'records.changed', record: 'complaint', id: 'c1' },
      { type: 'records.changed', record: 'referral', id: 'r1' },
      { type: 'records.changed', record: 'referral', id: 'r2' },
    ]);
    expect(hintsOf(screens.admin)).toHaveLength(3);
    expect(hintsOf(screens.wealth1)).toEqual([{ type: 'records.changed', record: 'referral', id: 'r1' }]);
    expect(hintsOf(screens.teller)).toEqual([]);
    expect(hintsOf(screens.kiosk)).toEqual([]);
    expect(hintsOf(screens.display)).toEqual([]);
    for (const live of Object.values(screens)) live.close();
  });

  it('do not reach another branch, and stop when the socket closes', async () => {
    const manager = await watch(bearer(await t.as('manager')));
    t.app.lobby.hints.publish('east', { record: 'complaint', id: 'elsewhere' });
    manager.close();
    await eventually(() => manager.socket.readyState === manager.socket.CLOSED, 5000, 'the close');
    // Publishing to a branch nobody listens to any more is harmless.
    t.app.lobby.hints.publish(BRANCH, { record: 'complaint', id: 'after' });
    expect(hintsOf(manager)).toEqual([]);
  });
});
