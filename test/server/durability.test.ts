/** Nothing is lost: tickets the kiosk was given survive a crash (SIGKILL) of the server process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-crash-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOBBYFLOW_DB: join(dir, 'lobbyflow.db'), LOBBYFLOW_UI: '0', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  // Under a full parallel test run, compiling the sources at start-up can take a while.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

function crash(): Promise<void> {
  return new Promise((resolve) => {
    server!.once('exit', () => resolve());
    server!.kill('SIGKILL');
  });
}

const issue = async () => {
  const res = await fetch(`${base}/api/branches/demo/tickets`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'demo-a' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; number: string };
};

afterAll(async () => {
  if (server && server.exitCode === null) await crash();
  rmSync(dir, { recursive: true, force: true });
});

describe('a crash of the server', () => {
  it('keeps every acknowledged ticket, and numbering goes on where it stopped', async () => {
    await startServer();
    const issued = await Promise.all(Array.from({ length: 20 }, issue));
    await crash();

    await startServer();
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manager', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const snapshot = await (await fetch(`${base}/api/branches/demo/snapshot`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(snapshot.tickets.map((t: { id: string }) => t.id).sort()).toEqual(issued.map((t) => t.id).sort());
    expect((await issue()).number).toBe('A021');
  }, 180_000);
});
