/**
 * A busy morning for browser tests of the triage board: 60 customers waiting for cash (A) with VIP and
 * priority tickets among them and one transferred in from cards (C), four counters serving for two
 * hours, and a wealth-management customer (E, a 20-minute target) who has waited 15 minutes. It runs
 * on a manual server clock, so the waits are long and exactly known; the UIs age them by the server's clock.
 */
import { manualClock } from '../../server/src/lib/clock.js';
import { startUiServer, type BrowserTestApp } from './browser.js';
import { BRANCH, counter, MORNING, service } from './test-app.js';

/** How many wait in A: 59 issued there and one transferred in. */
export const WAITING_IN_A = 60;

export interface BusyHall {
  server: BrowserTestApp;
  /** The ticket numbers by role in the hall. */
  vip: string;
  priority: string;
  transferred: string;
}

async function post(server: BrowserTestApp, url: string, headers: Record<string, string>, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

/** Starts a UI server on the busy hall. */
export async function startBusyHall(): Promise<BusyHall> {
  const server = await startUiServer({ clock: manualClock(MORNING) });
  const manager = await server.as('manager');
  const issue = async (prefix: string, tier = 'regular') => {
    server.clock.advance(30_000);
    return (await post(server, `/api/branches/${BRANCH}/tickets`, manager, { serviceId: service(prefix), tier })).number as string;
  };
  for (let n = 1; n <= 4; n++) {
    await issue('A');
    const teller = await server.as(`teller${n}`);
    await post(server, `/api/counters/${counter(n)}/open`, teller);
    const called = await post(server, `/api/counters/${counter(n)}/call-next`, teller);
    if (n === 4) {
      // Counter 4's first customer never came: recalled, marked no-show (the triage offers to re-queue
      // them), and the next one called.
      await post(server, `/api/tickets/${called.id}/recall`, teller);
      await post(server, `/api/tickets/${called.id}/no-show`, teller);
      await issue('A');
      await post(server, `/api/counters/${counter(n)}/call-next`, teller);
    }
  }
  let vip = '';
  let priority = '';
  for (let i = 0; i < WAITING_IN_A - 1; i++) {
    const tier = i === 30 ? 'vip' : i === 20 || i === 40 ? 'priority' : 'regular';
    const number = await issue('A', tier);
    if (tier === 'vip') vip = number;
    if (tier === 'priority') priority ||= number;
  }
  await issue('B');
  const cards = await post(server, `/api/branches/${BRANCH}/tickets`, manager, { serviceId: service('C') });
  await post(server, `/api/tickets/${cards.id}/transfer`, manager, { serviceId: service('A') });
  // Later in the morning: the wealth-management customer arrives and waits 15 minutes.
  server.clock.advance(90 * 60_000);
  await issue('E');
  server.clock.advance(15 * 60_000);
  // A customer for foreign exchange comes in now: the snapshot's moment, from which the screens age every wait.
  await post(server, `/api/branches/${BRANCH}/tickets`, manager, { serviceId: service('D') });
  return { server, vip, priority, transferred: cards.number as string };
}
