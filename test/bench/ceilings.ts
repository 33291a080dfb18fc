/** Starts the ceiling server (test/bench/ceiling-server.ts) as a child process, the way lobbyflow is started (launch.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, HOST, startServer, type ServerProcess } from './harness.js';
import { activeLaunch, ceilingCommand } from './launch.js';

export interface CeilingServer extends ServerProcess {
  /** Whether POST /insert (one durable SQLite insert per request) is available. */
  durable: boolean;
}

/** A bare Fastify ceiling; with `durable`, it also opens a WAL + synchronous=FULL SQLite file in a temp dir. */
export async function startCeiling({ durable }: { durable: boolean }): Promise<CeilingServer> {
  const dir = durable ? mkdtempSync(join(tmpdir(), 'lobbyflow-bench-ceiling-')) : undefined;
  const port = await freePort();
  const env: Record<string, string> = { PORT: String(port), HOST };
  if (dir) env.CEILING_DB = join(dir, 'ceiling.db');
  try {
    const { cwd, args } = ceilingCommand(activeLaunch());
    const server = await startServer({
      name: 'ceiling server',
      cwd,
      args,
      env,
      port,
      healthPath: '/api/health',
      startTimeoutMs: 30_000,
    });
    return {
      ...server,
      durable,
      stop: async () => {
        await server.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The ceiling's live socket URL; each socket first receives a frame of `firstFrameBytes` bytes. */
export const ceilingLiveUrl = (server: ServerProcess, firstFrameBytes: number) =>
  `${server.baseUrl.replace('http://', 'ws://')}/live?bytes=${firstFrameBytes}`;
