/**
 * A full disk, for real (`npm run test:soak`): the server's database lives on a tiny tmpfs, and the
 * test fills it. Refused tickets get 503 STORAGE_UNAVAILABLE, nothing acknowledged is lost, readiness
 * fails while liveness holds, the log carries SQLite's own SQLITE_FULL, and once space is freed the
 * server takes tickets again without a restart.
 *
 * Mounting needs root and a container that allows it. Where it is refused, the same run caps the
 * database with SQLite's `max_page_count` on an in-process server instead: SQLite then fails with
 * SQLITE_FULL just as on a full disk, but the disk itself has room, so readiness cannot see it. The
 * test prints which path ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectDatabase, integrityOf, ticketIdsOf } from '../helpers/database-file.js';
import { issueTicket, registerKiosks, signIn, type IssuedTicket, type IssueOutcome } from '../helpers/kiosks.js';
import { startServer } from '../helpers/server-process.js';
import { createTestApp } from '../helpers/test-app.js';

/** The tiny filesystem: room for the seeded database, its WAL and a little more. */
const FILESYSTEM_SIZE = '8m';
/** What the ballast file leaves free: a few tickets' worth of WAL pages. */
const ROOM_LEFT = 256 * 1024;
/** A full disk must refuse a ticket long before this many presses. */
const MAX_PRESSES = 200;

/** A server whose database can be made to run out of room, and given it back. */
interface FullDisk {
  /** Which way the disk is filled, printed with the result. */
  path: string;
  base: string;
  databaseFile: string;
  log(): string;
  /** Leaves the database almost no room. */
  fill(): Promise<void>;
  /** Gives the room back, as an operator deleting old files would. */
  free(): Promise<void>;
  /** A real filesystem shows readiness the disk filling; a page cap leaves the disk with room. */
  readinessSeesIt: boolean;
  /** Stops the server cleanly, closing the database. */
  stop(): Promise<void>;
  /** Removes everything, unmounting what was mounted. */
  dispose(): Promise<void>;
}

const freeBytes = (dir: string) => {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
};

/** The real path: a tmpfs of FILESYSTEM_SIZE, filled up by a ballast file; what mount said when it refuses. */
async function onTinyFilesystem(): Promise<FullDisk | { refused: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${FILESYSTEM_SIZE}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { refused: String((err as { stderr?: Buffer }).stderr ?? err).trim() };
  }
  const databaseFile = join(dir, 'lobbyflow.db');
  const ballast = join(dir, 'ballast');
  const server = await startServer({ databaseFile });
  return {
    path: `a ${FILESYSTEM_SIZE} tmpfs mounted at ${dir}, filled by a ballast file`,
    base: server.base,
    databaseFile,
    log: server.output,
    readinessSeesIt: true,
    fill: async () => writeFileSync(ballast, Buffer.alloc(freeBytes(dir) - ROOM_LEFT)),
    free: async () => rmSync(ballast),
    stop: async () => expect((await server.stop('SIGTERM')).code).toBe(0),
    dispose: async () => {
      await server.crash();
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The fallback: SQLite's `max_page_count` on the database of a server in this process. */
async function withPageCap(): Promise<FullDisk> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-page-cap-'));
  let log = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log += chunk;
      done();
    },
  });
  const t = await createTestApp({ dir, realTime: true, logger: { level: 'warn', stream } });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const capPages = (pages: number) => sql.raw(`pragma max_page_count = ${pages}`).execute(t.app.lobby.db);
  return {
    path: 'FALLBACK: SQLite max_page_count on an in-process server (no filesystem could be mounted)',
    base: address,
    databaseFile: t.file,
    log: () => log,
    readinessSeesIt: false,
    fill: async () => {
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.app.lobby.db);
      await capPages(rows[0].page_count);
    },
    free: async () => void (await capPages(1_073_741_823)),
    stop: () => t.close(),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

let disk: FullDisk | null = null;
afterAll(async () => {
  await disk?.dispose();
});

const statusOf = async (path: string) => {
  const res = await fetch(`${disk!.base}${path}`);
  return { status: res.status, code: ((await res.json()) as { code?: string }).code };
};

describe('a full disk', () => {
  it('refuses tickets with 503 while full, loses nothing, fails readiness, logs SQLITE_FULL, and issues again once there is room', async () => {
    const tiny = await onTinyFilesystem();
    disk = 'refused' in tiny ? await withPageCap() : tiny;
    console.log(`full disk: ${disk.path}${'refused' in tiny ? ` (mount said: ${tiny.refused})` : ''}`);

    const kiosks = await registerKiosks(disk.base, 10);
    const acknowledged: IssuedTicket[] = [];
    let presses = 0;
    const issue = async (): Promise<IssueOutcome> => {
      const outcome = await issueTicket(disk!.base, 'demo-a', kiosks[presses++ % kiosks.length]);
      if (outcome.kind === 'issued') acknowledged.push(outcome.ticket);
      return outcome;
    };
    expect(await statusOf('/api/health/ready')).toEqual({ status: 200, code: undefined });

    await disk.fill();
    let refusal: IssueOutcome | undefined;
    while (!refusal && presses < MAX_PRESSES) {
      const outcome = await issue();
      if (outcome.kind !== 'issued') refusal = outcome;
    }
    const beforeFull = acknowledged.length;
    expect(refusal).toEqual({ kind: 'unavailable', status: 503, code: 'STORAGE_UNAVAILABLE' });
    expect(await issue()).toEqual(refusal);
    expect(disk.log()).toContain('SQLITE_FULL');
    expect(await statusOf('/api/health')).toEqual({ status: 200, code: undefined });
    if (disk.readinessSeesIt) expect(await statusOf('/api/health/ready')).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE' });

    await disk.free();
    expect(await statusOf('/api/health/ready')).toEqual({ status: 200, code: undefined });
    const after = await issue();
    // Numbering goes on from the last ticket kept: the refused ones used no number.
    expect(after.kind === 'issued' && after.ticket.number).toBe(`A${String(beforeFull + 1).padStart(3, '0')}`);

    // The hall sees exactly the acknowledged tickets: a refused issue left nothing behind.
    const manager = await signIn(disk.base, 'manager');
    const snapshot = (await (await fetch(`${disk.base}/api/branches/demo/snapshot`, { headers: { authorization: `Bearer ${manager}` } })).json()) as {
      tickets: { id: string }[];
    };
    const ids = acknowledged.map((t) => t.id).sort();
    expect(snapshot.tickets.map((t) => t.id).sort()).toEqual(ids);

    await disk.stop();
    inspectDatabase(disk.databaseFile, (sqlite) => {
      expect(integrityOf(sqlite)).toBe('ok');
      expect([...ticketIdsOf(sqlite)].sort()).toEqual(ids);
    });
    console.log(
      `full disk: ${beforeFull} tickets issued before the disk was full, then refused with 503 STORAGE_UNAVAILABLE; ` +
        `${acknowledged.length} acknowledged in all, all kept; readiness ${disk.readinessSeesIt ? 'failed while full' : 'not checked (the disk had room)'}`,
    );
  }, 180_000);
});
