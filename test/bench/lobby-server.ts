/**
 * lobbyflow as the bench runs it: a child process started from BENCH_ROOT the way its `npm start`
 * does (see launch.ts), on a fresh SQLite file in a temp dir, optionally with waiting tickets written
 * into the file before the server starts (the server reads its state at start).
 *
 * The demo branch is created once per bench run by lobbyflow itself (LOBBYFLOW_DEMO=1 on an empty
 * file); every scenario then starts from a copy of that file.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { freePort, HOST, log, requestJson, startServer, type Scope, type ServerProcess } from './harness.js';
import { activeLaunch, prepareLaunch } from './launch.js';
import { SocketSet } from './sockets.js';

export const BRANCH = 'demo';
export const DISPLAY_TOKEN = 'demo-display';
/** Services the issue figures rotate over. */
export const ISSUE_SERVICES = ['demo-a', 'demo-b', 'demo-c', 'demo-d'];
/** Active numbers per prefix are A001…A999. */
const NUMBERS_PER_PREFIX = 999;

export interface LobbyServer extends ServerProcess {
  dbFile: string;
}

let templateDir: string | undefined;
let templateFile: string | undefined;

/** Removes the template database (end of the run). */
export function removeTemplate() {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
  templateDir = templateFile = undefined;
}

function copyDatabase(from: string, to: string) {
  copyFileSync(from, to);
  for (const suffix of ['-wal', '-shm']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
}

async function launch(root: string, dbFile: string, ui: boolean): Promise<ServerProcess> {
  const how = activeLaunch();
  await prepareLaunch(root, how);
  const port = await freePort();
  return startServer({
    name: 'lobbyflow',
    cwd: root,
    args: how.lobbyArgs,
    env: {
      PORT: String(port),
      HOST,
      LOBBYFLOW_DB: dbFile,
      LOBBYFLOW_DEMO: '1',
      // The figures are of a hall today; the demo's simulated past would only change the start-up and the file.
      LOBBYFLOW_DEMO_HISTORY: '0',
      // Open at any hour: the demo's calendar would refuse the figures' tickets outside its hours.
      LOBBYFLOW_DEMO_CALENDAR: '0',
      LOBBYFLOW_UI: ui ? '1' : '0',
      LOG_LEVEL: 'warn',
    },
    port,
    healthPath: '/api/health',
    // With the UI, the server builds the front-ends first when dist/ui is missing or stale (~20–60 s here).
    startTimeoutMs: ui ? 300_000 : 90_000,
  });
}

/** The seeded demo database, created by lobbyflow itself on the first call. */
async function template(root: string): Promise<string> {
  if (templateFile) return templateFile;
  templateDir = mkdtempSync(join(tmpdir(), 'lobbyflow-bench-template-'));
  const file = join(templateDir, 'template.db');
  log(`creating the demo database with lobbyflow from ${root}`);
  try {
    const server = await launch(root, file, false);
    await server.stop(); // SIGTERM: lobbyflow closes the database, which checkpoints the WAL
  } catch (err) {
    removeTemplate();
    throw err;
  }
  templateFile = file;
  return file;
}

/** The branch's calendar day in its time zone, as lobbyflow numbers tickets (server/src/domain/business-day.ts). */
function businessDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Writes `count` waiting tickets of today into the file, spread over the branch's services so no
 * prefix exceeds its 999 numbers (adding services F, G, … when the branch has too few), issued over
 * the last half hour, every tenth one `priority`; and sets each prefix's last number to match.
 */
export function addWaitingTickets(file: string, count: number, headroomPerPrefix = 150) {
  if (count <= 0) return;
  const db = new SQLite(file);
  try {
    const branch = db.prepare('SELECT time_zone FROM branches WHERE id = ?').get(BRANCH) as { time_zone: string } | undefined;
    if (!branch) throw new Error('no demo branch in the bench database');
    const services = db
      .prepare('SELECT * FROM services WHERE branch_id = ? AND active = 1 ORDER BY sort_order')
      .all(BRANCH) as Record<string, unknown>[];
    const perPrefix = NUMBERS_PER_PREFIX - headroomPerPrefix;
    const letters = 'FGHIJKLMNOPQRSTUWXYZ'.split('').filter((l) => !services.some((s) => s.prefix === l));
    while (services.length * perPrefix < count) {
      const letter = letters.shift();
      if (!letter) throw new Error(`cannot spread ${count} waiting tickets over the services`);
      const extra = { ...services[0], id: `${BRANCH}-bench-${letter.toLowerCase()}`, prefix: letter, name_en: `Bench ${letter}`, sort_order: services.length };
      const columns = Object.keys(extra);
      db.prepare(`INSERT INTO services (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => extra[c as keyof typeof extra]));
      services.push(extra);
    }

    const now = Date.now();
    const day = businessDay(new Date(now), branch.time_zone);
    // Half an hour of arrivals, unless the branch's day began less than that ago.
    const window = businessDay(new Date(now - 30 * 60_000), branch.time_zone) === day ? 30 * 60_000 : 5_000;
    const insert = db.prepare(
      `INSERT INTO tickets (id, branch_id, service_id, number, business_day, tier, status, customer_ref, issued_at,
         called_at, started_at, ended_at, counter_id, call_count, diverted_to, issued_by, issue_estimate_seconds)
       VALUES (?, ?, ?, ?, ?, ?, 'waiting', NULL, ?, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL)`,
    );
    const saveLast = db.prepare(
      `INSERT INTO ticket_number_sequences (branch_id, prefix, business_day, last_number) VALUES (?, ?, ?, ?)
       ON CONFLICT (branch_id, prefix, business_day) DO UPDATE SET last_number = excluded.last_number`,
    );
    const lastNumber = new Map<string, number>();
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const service = services[i % services.length];
        const prefix = String(service.prefix);
        const value = (lastNumber.get(prefix) ?? 0) + 1;
        lastNumber.set(prefix, value);
        const at = now - window + Math.floor((i * window) / count);
        insert.run(
          uuidv7({ msecs: at }),
          BRANCH,
          service.id,
          `${prefix}${String(value).padStart(3, '0')}`,
          day,
          i % 10 === 0 ? 'priority' : 'regular',
          new Date(at).toISOString(),
        );
      }
      for (const [prefix, value] of lastNumber) saveLast.run(BRANCH, prefix, day, value);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** A database file with the demo branch and `waiting` waiting tickets, in a fresh temp dir. */
export async function prepareDatabase(root: string, waiting: number): Promise<{ dir: string; file: string }> {
  const source = await template(root);
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-bench-'));
  const file = join(dir, 'lobbyflow.db');
  copyDatabase(source, file);
  addWaitingTickets(file, waiting);
  return { dir, file };
}

/** Starts lobbyflow on a copy of the demo database with `waiting` tickets waiting (or on `dbFile`). */
export async function startLobby(root: string, options: { waiting?: number; ui?: boolean } = {}): Promise<LobbyServer> {
  const { dir, file } = await prepareDatabase(root, options.waiting ?? 0);
  try {
    const server = await launch(root, file, options.ui ?? false);
    return {
      ...server,
      dbFile: file,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Signs in a demo user and returns the bearer token. */
export async function login(server: ServerProcess, username = 'manager'): Promise<string> {
  const { token } = await requestJson<{ token: string }>('POST', `${server.baseUrl}/api/auth/login`, { json: { username, password: 'demo' } });
  return token;
}

/** Opens demo counters 1…n as the given (manager) token. */
export async function openCounters(server: ServerProcess, token: string, numbers: number[]) {
  for (const n of numbers) await requestJson('POST', `${server.baseUrl}/api/counters/${BRANCH}-counter-${n}/open`, { token, json: {} });
}

export const counterId = (n: number) => `${BRANCH}-counter-${n}`;

/** The ticket id in a call-next answer (the ticket itself, or an object holding it). */
export function ticketIdOf(body: unknown): string {
  const b = body as { id?: unknown; ticket?: { id?: unknown } } | null;
  const id = b?.id ?? b?.ticket?.id;
  if (typeof id !== 'string') throw new Error(`no ticket id in the answer: ${JSON.stringify(body)?.slice(0, 120)}`);
  return id;
}

/** The display's live socket URL. */
export const displayLiveUrl = (server: ServerProcess) => `${server.baseUrl.replace('http://', 'ws://')}/api/branches/${BRANCH}/live?token=${DISPLAY_TOKEN}`;

/** The byte size of the snapshot frame a display receives on connect, with `waiting` tickets waiting. */
export async function probeDisplaySnapshotBytes(root: string, waiting: number, scope: Scope): Promise<number> {
  const lobby = scope.track(await startLobby(root, { waiting }));
  const sockets = new SocketSet(displayLiveUrl(lobby));
  try {
    await sockets.add(1, 1, 60_000);
    return sockets.firstFrameSizes[0];
  } finally {
    sockets.closeAll();
    await lobby.stop();
  }
}
