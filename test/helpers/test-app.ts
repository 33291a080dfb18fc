/** A real lobbyflow app on a real SQLite file (WAL) in a temporary folder, with the demo branch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { buildApp, type App, type AppOptions } from '../../server/src/app.js';
import { manualClock } from '../../server/src/lib/clock.js';
import { seedDemoBranch } from '../../server/src/seed/demo-branch.js';

export const BRANCH = 'demo';
export const service = (prefix: string) => `demo-${prefix.toLowerCase()}`;
export const counter = (n: number) => `demo-counter-${n}`;

export interface TestApp {
  app: App;
  clock: ReturnType<typeof manualClock>;
  file: string;
  /** Signs a demo user in and returns headers carrying the token. */
  as(username: string): Promise<Record<string, string>>;
  kiosk: Record<string, string>;
  display: Record<string, string>;
  close(): Promise<void>;
}

/** 10:00 in Shanghai on a Monday: inside business hours. */
export const MORNING = '2026-11-23T02:00:00.000Z';

/** The wall clock, for browser tests: the browser and the server must agree on the time. */
function realTimeClock(): ReturnType<typeof manualClock> {
  const refuse = () => {
    throw new Error('this test app runs on real time');
  };
  return { now: () => new Date(), set: refuse, advance: refuse };
}

export async function createTestApp(
  options: { dir?: string; clock?: ReturnType<typeof manualClock>; realTime?: boolean; seed?: boolean } & Partial<AppOptions> = {},
): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lobbyflow-'));
  const file = join(dir, 'lobbyflow.db');
  const clock = options.clock ?? (options.realTime ? realTimeClock() : manualClock(MORNING));
  const handle = openDatabase(file);
  const app = await buildApp({ loginsPerMinute: 10_000, ...options, db: handle.db, clock });
  if (options.seed !== false) await seedDemoBranch(handle.db, clock);
  const tokens = new Map<string, string>();
  return {
    app,
    clock,
    file,
    kiosk: { authorization: 'Bearer demo-kiosk' },
    display: { authorization: 'Bearer demo-display' },
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
        token = res.json().token as string;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await handle.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
