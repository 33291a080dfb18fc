/**
 * `npm run backup -- <file>`: a consistent copy of the live database while kiosks keep issuing, and a
 * script that refuses to overwrite a backup or to copy what is not there, saying why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectDatabase, integrityOf, ticketIdsOf } from '../helpers/database-file.js';
import { ADMIN_ROUTES, fillPath } from '../../protocol/admin-schemas.js';
import { DEMO_BRANCH_ID } from '../../server/src/seed/demo-branch.js';
import { registerKiosks, signIn, startKiosks, type IssueOutcome, type KioskRun } from '../helpers/kiosks.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { eventually } from '../helpers/ws.js';

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-backup-'));
const databaseFile = join(dir, 'lobbyflow.db');
let server: ServerProcess;
let kiosks: KioskRun;

beforeAll(async () => {
  server = await startServer({ databaseFile });
}, 120_000);

afterAll(async () => {
  await kiosks?.stop();
  await server?.crash();
  rmSync(dir, { recursive: true, force: true });
});

interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run backup -- ...args` as an operator types it, against `database`. */
function runBackup(args: string[], database = databaseFile): Promise<ScriptRun> {
  const child = spawn('npm', ['run', '--silent', 'backup', '--', ...args], { env: { ...process.env, LOBBYFLOW_DB: database } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Answers a kiosk should not get from a server that is merely being backed up. */
const isFailure = (outcome: IssueOutcome) => outcome.kind !== 'issued' && outcome.kind !== 'declined';

describe('npm run backup', () => {
  it('copies the live database under load: whole, with every ticket acknowledged before it began, while the server keeps answering', async () => {
    // Twenty kiosks, each pressing ten times a second, so that presses land while the backup runs,
    // however fast it is: the branch lets each kiosk issue up to 600 a minute for this.
    const admin = await signIn(server.base, 'admin');
    const raised = await fetch(`${server.base}${fillPath(ADMIN_ROUTES.branch, { branchId: DEMO_BRANCH_ID })}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { issuesPerDevicePerMinute: 600 } }),
    });
    expect(raised.status).toBe(200);
    const tokens = await registerKiosks(server.base, 20);
    kiosks = startKiosks({ base: () => server.base, tokens, serviceIds: ['demo-a', 'demo-b', 'demo-c'], pauseMs: () => 100 });
    await eventually(() => kiosks.issued.length >= 40, 30_000, 'the kiosks to get going');

    const acknowledgedBefore = kiosks.issued.map((t) => t.id);
    const outcomesBefore = kiosks.outcomes.length;
    const backupFile = join(dir, 'copy.db');
    const run = await runBackup([backupFile]);
    const duringBackup = kiosks.outcomes.slice(outcomesBefore);
    await kiosks.stop();

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Backed up .* to .*copy\.db: \d+ pages, \d+ KiB\./);
    expect(duringBackup.filter((o) => o.kind === 'issued').length).toBeGreaterThan(0);
    expect(duringBackup.filter(isFailure)).toEqual([]);

    const copied = inspectDatabase(backupFile, (sqlite) => {
      expect(integrityOf(sqlite)).toBe('ok');
      return ticketIdsOf(sqlite);
    });
    expect(acknowledgedBefore.filter((id) => !copied.has(id))).toEqual([]);
    // A consistent moment: nothing in the copy that the live database does not hold.
    const live = inspectDatabase(databaseFile, ticketIdsOf);
    expect([...copied].filter((id) => !live.has(id))).toEqual([]);
  }, 120_000);

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const existing = join(dir, 'existing.db');
    writeFileSync(existing, 'yesterday’s backup');

    const refused = await runBackup([existing]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; add --force to replace it');
    expect(readFileSync(existing, 'utf8')).toBe('yesterday’s backup');

    const forced = await runBackup([existing, '--force']);
    expect(forced.code).toBe(0);
    inspectDatabase(existing, (sqlite) => expect(integrityOf(sqlite)).toBe('ok'));
  }, 60_000);

  it('fails with a clear message and leaves no file when there is no database to copy', async () => {
    const target = join(dir, 'nothing.db');
    const run = await runBackup([target], join(dir, 'missing.db'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`there is no database at ${join(dir, 'missing.db')}`);
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it('explains its usage when no file is named', async () => {
    const run = await runBackup([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run backup -- <backup-file> [--force]');
  }, 60_000);
});
