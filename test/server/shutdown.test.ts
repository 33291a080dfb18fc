/**
 * Stopping the server (SIGTERM from systemd, Docker or Ctrl-C): what is in flight is answered, new
 * connections are refused, screens are told to reconnect, and the database file is left whole and
 * checkpointed. A second signal ends it at once, still without losing or damaging anything.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_CLOSE } from '../../protocol/messages.js';
import { DEMO_DEVICE_TOKENS } from '../../server/src/seed/demo-branch.js';
import { inspectDatabase, integrityOf, ticketIdsOf } from '../helpers/database-file.js';
import { issueTicket, registerKiosks, startKiosks, type KioskRun } from '../helpers/kiosks.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { eventually } from '../helpers/ws.js';

let dir: string;
let databaseFile: string;
let server: ServerProcess;
let kiosks: KioskRun;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lobbyflow-shutdown-'));
  databaseFile = join(dir, 'lobbyflow.db');
  server = await startServer({ databaseFile, logLevel: 'info' });
  // Eight kiosks keep issuing until the server is gone: some of their requests are in flight at the signal.
  const tokens = await registerKiosks(server.base, 8);
  kiosks = startKiosks({ base: () => server.base, tokens, stopWhen: (outcome) => outcome.kind === 'refused' });
  await eventually(() => kiosks.issued.length >= 20, 30_000, 'the kiosks to get going');
}, 120_000);

afterEach(async () => {
  await server.crash();
  await kiosks.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A display's live socket, remembering the code it was closed with. */
async function openScreen(): Promise<{ closeCode: () => number | undefined }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/branches/demo/live?token=${DEMO_DEVICE_TOKENS.display}`);
  let code: number | undefined;
  socket.on('close', (closeCode) => (code = closeCode));
  await new Promise((resolve) => socket.once('message', resolve));
  return { closeCode: () => code };
}

/**
 * A ticket request whose body is held back: it is in flight on the server (routed, waiting for its body)
 * until `finish` sends the body. `Expect: 100-continue` tells when the server has taken the request.
 */
async function issueSlowly(): Promise<{ finish: () => Promise<{ status: number; body: { id?: string } }> }> {
  const body = JSON.stringify({ serviceId: 'demo-a' });
  const req: ClientRequest = request({
    port: server.port,
    host: '127.0.0.1',
    method: 'POST',
    path: '/api/branches/demo/tickets',
    headers: {
      authorization: `Bearer ${DEMO_DEVICE_TOKENS.kiosk}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const answered = new Promise<{ status: number; body: { id?: string } }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  answered.catch(() => undefined); // a test that fails early never asks for the answer
  req.flushHeaders();
  await new Promise((resolve) => req.once('continue', resolve));
  return {
    finish: () => {
      req.end(body);
      return answered;
    },
  };
}

const isListening = async () => (await issueTicket(server.base)).kind !== 'refused';

/** Half-answers: what no kiosk should ever get. */
const brokenOutcomes = () => kiosks.outcomes.filter((o) => o.kind === 'broken');

/**
 * The file is whole and holds exactly the tickets whose answers reached a kiosk: none lost, and
 * none issued without its answer (a request dropped at shutdown was never carried out).
 */
function expectFileHoldsExactly(acknowledged: readonly string[]): void {
  inspectDatabase(databaseFile, (sqlite) => {
    expect(integrityOf(sqlite)).toBe('ok');
    expect([...ticketIdsOf(sqlite)].sort()).toEqual([...acknowledged].sort());
  });
}

describe('SIGTERM', () => {
  it('answers what is in flight, refuses new connections, tells screens to reconnect, checkpoints and exits 0', async () => {
    const screen = await openScreen();
    const slow = await issueSlowly();

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await eventually(() => screen.closeCode() !== undefined, 5000, 'the screen to be closed');
    expect(screen.closeCode()).toBe(LIVE_CLOSE.SERVICE_RESTART);
    // Still running (the slow request holds it open), yet it no longer accepts connections.
    await eventually(() => kiosks.outcomes.some((o) => o.kind === 'refused'), 5000, 'a kiosk to be refused');
    expect(await isListening()).toBe(false);
    expect(server.child.exitCode).toBeNull();

    const answer = await slow.finish();
    const answeredAt = Date.now();
    expect(answer.status).toBe(201);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // Kept-alive connections do not hold it open once the last request is answered.
    expect(Date.now() - answeredAt).toBeLessThan(3000);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    await kiosks.stop();

    expect(brokenOutcomes()).toEqual([]);
    // Checkpointed on close: everything is in the main file.
    expect(!existsSync(`${databaseFile}-wal`) || statSync(`${databaseFile}-wal`).size === 0).toBe(true);
    expectFileHoldsExactly([...kiosks.issued.map((t) => t.id), answer.body.id!]);
    expect(server.output()).toContain('SIGTERM: closing');
  }, 60_000);

  it('ends at once on a second signal during shutdown, and the file stays whole with every acknowledged ticket', async () => {
    const slow = await issueSlowly();
    server.child.kill('SIGTERM');
    await eventually(() => server.output().includes('SIGTERM: closing'), 5000, 'the shutdown to begin');
    expect(server.child.exitCode).toBeNull();

    // The kiosks have all been answered or refused by now.
    await kiosks.stop();
    expect(brokenOutcomes()).toEqual([]);
    server.child.kill('SIGINT');
    const exit = await server.exited;
    expect(exit.code).toBe(1);
    expect(server.output()).toContain('second SIGINT');
    // The held request never reached the handler: it was cut, not half-answered with a ticket.
    await expect(slow.finish()).rejects.toThrow();
    expectFileHoldsExactly(kiosks.issued.map((t) => t.id));

    // It starts again on the same file, numbering on from the last ticket kept.
    const highest = Math.max(...kiosks.issued.map((t) => Number(t.number.slice(1))));
    server = await startServer({ databaseFile, port: server.port });
    const next = await issueTicket(server.base);
    expect(next.kind === 'issued' && Number(next.ticket.number.slice(1))).toBeGreaterThan(highest);
  }, 60_000);
});
