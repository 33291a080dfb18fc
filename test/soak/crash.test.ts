/**
 * Crash soak (`npm run test:soak`): the server is killed with SIGKILL at a random moment while twenty
 * kiosks issue tickets and four tellers call and serve them, then started again, LOBBYFLOW_SOAK_CYCLES
 * times (20 by default). Afterwards every acknowledged ticket and call is in the database, no number
 * was held by two tickets at once, and no ticket was called to two counters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCounterId } from '../../server/src/demo/demo-branch-layout.js';
import { inspectDatabase, integrityOf } from '../helpers/database-file.js';
import { registerKiosks, signIn, startKiosks, type IssuedTicket } from '../helpers/kiosks.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { startTellers, type AcknowledgedCall } from '../helpers/tellers.js';

const CYCLES = Number(process.env.LOBBYFLOW_SOAK_CYCLES ?? 20);
const KIOSKS = 20;
/** teller1…teller4 at counters 1…4, which between them serve A, B, C and D. */
const TELLERS = [1, 2, 3, 4];
const SERVICES = ['demo-a', 'demo-b', 'demo-c', 'demo-d'];
/** The server runs this long (at random) between coming up and being killed. */
const RUN_MS = { min: 200, max: 2500 };

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-soak-'));
const databaseFile = join(dir, 'lobbyflow.db');
let server: ServerProcess | null = null;
let passed = false;

afterAll(async () => {
  await server?.crash();
  // A failed soak keeps its database, to find out what went wrong.
  if (passed) rmSync(dir, { recursive: true, force: true });
  else console.log(`crash soak: database kept at ${databaseFile}`);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ({ min, max }: { min: number; max: number }) => min + Math.random() * (max - min);

interface TicketRow {
  id: string;
  service_id: string;
  business_day: string;
  number: string;
  issued_at: string;
  ended_at: string | null;
}

interface Findings {
  integrity: string;
  /** Acknowledged tickets missing from the file, or kept with another number. */
  lostTickets: IssuedTicket[];
  /** Numbers that two tickets of a service held at the same time on one day. */
  duplicateNumbers: string[];
  /** Acknowledged calls the file does not record. */
  lostCalls: AcknowledgedCall[];
  /** Tickets called to more than one counter, by the file or by the tellers' answers: `<ticket> at <counters> (<who says so>)`. */
  doubleCalled: string[];
}

function lostTickets(tickets: Map<string, TicketRow>, acknowledged: readonly IssuedTicket[]): IssuedTicket[] {
  return acknowledged.filter((t) => tickets.get(t.id)?.number !== t.number || tickets.get(t.id)?.service_id !== t.serviceId);
}

/** A number may come round again on one day (after 999), but only once its previous ticket has ended. */
function duplicateNumbers(tickets: Iterable<TicketRow>): string[] {
  const holders = new Map<string, TicketRow[]>();
  for (const t of tickets) {
    const key = `${t.service_id} ${t.business_day} ${t.number}`;
    holders.set(key, [...(holders.get(key) ?? []), t]);
  }
  return [...holders].flatMap(([key, rows]) => {
    rows.sort((a, b) => a.issued_at.localeCompare(b.issued_at));
    return rows.slice(1).some((row, i) => rows[i].ended_at === null || rows[i].ended_at! > row.issued_at) ? [key] : [];
  });
}

function doubleCalled(sqlite: SQLite.Database, acknowledged: readonly AcknowledgedCall[]): string[] {
  const inFile = sqlite
    .prepare(
      `select ticket_id, group_concat(counter_id) as counters from events where type = 'ticket.called'
       group by ticket_id having count(distinct counter_id) > 1`,
    )
    .all() as { ticket_id: string; counters: string }[];
  const countersOf = new Map<string, Set<string>>();
  for (const call of acknowledged) countersOf.set(call.ticketId, (countersOf.get(call.ticketId) ?? new Set()).add(call.counterId));
  const answered = [...countersOf].filter(([, counters]) => counters.size > 1);
  return [
    ...inFile.map((row) => `${row.ticket_id} at ${row.counters} (the file)`),
    ...answered.map(([ticketId, counters]) => `${ticketId} at ${[...counters].join(',')} (the tellers' answers)`),
  ];
}

function check(sqlite: SQLite.Database, issued: readonly IssuedTicket[], calls: readonly AcknowledgedCall[]): Findings {
  const rows = sqlite.prepare('select id, service_id, business_day, number, issued_at, ended_at from tickets').all() as TicketRow[];
  const tickets = new Map(rows.map((row) => [row.id, row]));
  const recordedCalls = new Set(
    (sqlite.prepare(`select ticket_id || ' ' || counter_id from events where type = 'ticket.called'`).pluck().all() as string[]),
  );
  return {
    integrity: integrityOf(sqlite),
    lostTickets: lostTickets(tickets, issued),
    duplicateNumbers: duplicateNumbers(rows),
    lostCalls: calls.filter((call) => !recordedCalls.has(`${call.ticketId} ${call.counterId}`)),
    doubleCalled: doubleCalled(sqlite, calls),
  };
}

describe('crash soak', () => {
  it(`keeps every acknowledged ticket and call through ${CYCLES} crashes, with no duplicate number and no ticket at two counters`, async () => {
    const startedAt = Date.now();
    server = await startServer({ databaseFile });
    const { port, base } = server;
    const kioskTokens = await registerKiosks(base, KIOSKS);
    const tellerTokens = await Promise.all(TELLERS.map((n) => signIn(base, `teller${n}`)));

    const kiosks = startKiosks({ base: () => base, tokens: kioskTokens, serviceIds: SERVICES, pauseMs: () => between({ min: 100, max: 400 }), retryPauseMs: 200 });
    const tellers = startTellers({
      base: () => base,
      tellers: TELLERS.map((n, i) => ({ token: tellerTokens[i], counterId: demoCounterId(n) })),
      idlePauseMs: 100,
    });
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle > 0) server = await startServer({ databaseFile, port });
      await pause(between(RUN_MS));
      await server.crash();
    }
    // Once more, to show it comes up after the last crash; then a clean stop.
    server = await startServer({ databaseFile, port });
    await kiosks.stop();
    await tellers.stop();
    expect((await server.stop('SIGTERM')).code).toBe(0);

    const findings = inspectDatabase(databaseFile, (sqlite) => check(sqlite, kiosks.issued, tellers.calls));
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    console.log(
      `crash soak: ${CYCLES} cycles in ${seconds} s; tickets acknowledged ${kiosks.issued.length}, lost ${findings.lostTickets.length}, ` +
        `duplicate numbers ${findings.duplicateNumbers.length}; calls acknowledged ${tellers.calls.length}, lost ${findings.lostCalls.length}, ` +
        `double-called ${new Set(findings.doubleCalled.map((entry) => entry.split(' ')[0])).size}; integrity ${findings.integrity}`,
    );
    expect(kiosks.issued.length).toBeGreaterThan(CYCLES);
    expect(tellers.calls.length).toBeGreaterThan(0);
    expect(findings).toEqual({ integrity: 'ok', lostTickets: [], duplicateNumbers: [], lostCalls: [], doubleCalled: [] });
    passed = true;
  });
});
