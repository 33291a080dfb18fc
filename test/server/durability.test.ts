/** Nothing is lost: tickets the kiosk was given survive a crash (SIGKILL) of the server process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueTicket, signIn, type IssuedTicket } from '../helpers/kiosks.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-crash-'));
const databaseFile = join(dir, 'lobbyflow.db');
let server: ServerProcess | null = null;

const issue = async (): Promise<IssuedTicket> => {
  const outcome = await issueTicket(server!.base);
  if (outcome.kind !== 'issued') throw new Error(`not issued: ${JSON.stringify(outcome)}`);
  return outcome.ticket;
};

afterAll(async () => {
  await server?.crash();
  rmSync(dir, { recursive: true, force: true });
});

describe('a crash of the server', () => {
  it('keeps every acknowledged ticket, and numbering goes on where it stopped', async () => {
    server = await startServer({ databaseFile });
    const issued = await Promise.all(Array.from({ length: 20 }, issue));
    await server.crash();

    server = await startServer({ databaseFile, port: server.port });
    const token = await signIn(server.base, 'manager');
    const snapshot = await (await fetch(`${server.base}/api/branches/demo/snapshot`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(snapshot.tickets.map((t: { id: string }) => t.id).sort()).toEqual(issued.map((t) => t.id).sort());
    expect((await issue()).number).toBe('A021');
  }, 180_000);
});
