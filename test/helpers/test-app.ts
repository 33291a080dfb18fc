/** A real lobbyflow app on a real SQLite file (WAL) in a temporary folder, with the demo branch. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { buildApp, type App, type AppOptions } from '../../server/src/app.js';
import { manualClock, type Clock } from '../../server/src/lib/clock.js';
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

/**
 * Migrating and seeding the demo branch costs more than most tests, so each Vitest worker (one
 * process per test file) does it once into a template SQLite file and every test gets its own copy
 * of that file. The seed writes `clock.now()` into its rows (created_at, counters'
 * status_changed_at, the notices), so there is one template per seeding time: a test with another
 * clock gets the rows it got before. Real-time apps seed directly, as their seeding time never repeats.
 */
const templates = new Map<string, Promise<Buffer>>();

function templateFor(clock: Clock): Promise<Buffer> {
  const at = clock.now().toISOString();
  let template = templates.get(at);
  if (!template) {
    template = createTemplate(at);
    templates.set(at, template);
    // A failed template is not remembered: the next test tries again and reports its own error.
    template.catch(() => templates.delete(at));
  }
  return template;
}

/**
 * Migrates and seeds a WAL database file the way `createTestApp` always did, checkpoints it so the
 * main file holds everything, closes it and keeps its bytes. The file is deleted at once: Vitest
 * ends its workers without an `exit` event, so a file kept for the worker's life would be left behind.
 */
async function createTemplate(at: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-template-'));
  try {
    const file = join(dir, 'template.db');
    const handle = openDatabase(file);
    try {
      await migrateToLatest(handle.db);
      await seedDemoBranch(handle.db, manualClock(at));
      const [result] = (await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(handle.db)).rows;
      if (result?.busy !== 0) throw new Error(`template database: the checkpoint could not finish (${JSON.stringify(result)})`);
    } finally {
      await handle.close();
    }
    // Closing the last connection removes the WAL; an emptied one would do as well.
    const wal = `${file}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) throw new Error('template database: the WAL still holds pages after the checkpoint');
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function createTestApp(
  options: { dir?: string; clock?: ReturnType<typeof manualClock>; realTime?: boolean; seed?: boolean } & Partial<AppOptions> = {},
): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lobbyflow-'));
  const file = join(dir, 'lobbyflow.db');
  const clock = options.clock ?? (options.realTime ? realTimeClock() : manualClock(MORNING));
  // A copy of the template only into a new file: an existing database is never overwritten.
  const fromTemplate = options.seed !== false && !options.realTime && !existsSync(file);
  if (fromTemplate) writeFileSync(file, await templateFor(clock), { flag: 'wx' });
  const handle = openDatabase(file);
  // On a copy of the template the migrations have already run, and this is a no-op.
  const app = await buildApp({ loginsPerMinute: 10_000, ...options, db: handle.db, clock });
  if (options.seed !== false && !fromTemplate) await seedDemoBranch(handle.db, clock);
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
