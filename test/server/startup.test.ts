/** `npm start` outside demo mode: no default passwords; the first admin comes from the environment. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOBBYFLOW_UI: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, port, exited, output: () => output };
}

async function waitForHealth(port: number) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('starting without the demo', () => {
  it('refuses to start on an empty database without LOBBYFLOW_ADMIN_PASSWORD', async () => {
    const server = start({ LOBBYFLOW_DEMO: '0', LOBBYFLOW_DB: join(dir, 'none.db'), LOBBYFLOW_ADMIN_PASSWORD: '' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('LOBBYFLOW_ADMIN_PASSWORD');
  }, 60_000);

  it('creates the first admin from LOBBYFLOW_ADMIN_PASSWORD, and no demo accounts', async () => {
    const server = start({ LOBBYFLOW_DEMO: '0', LOBBYFLOW_DB: join(dir, 'real.db'), LOBBYFLOW_ADMIN_PASSWORD: 'a long secret' });
    try {
      await waitForHealth(server.port);
      const login = (username: string, password: string) =>
        fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      expect((await login('admin', 'a long secret')).status).toBe(200);
      expect((await login('admin', 'demo')).status).toBe(401);
      expect((await login('manager', 'demo')).status).toBe(401);
      const kiosk = await fetch(`http://127.0.0.1:${server.port}/api/branches/demo/services`, { headers: { authorization: 'Bearer demo-kiosk' } });
      expect(kiosk.status).toBe(401);
    } finally {
      server.child.kill();
      await server.exited;
    }
  }, 60_000);
});
