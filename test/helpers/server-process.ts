/**
 * A real lobbyflow server process, for the tests about what happens to the process itself (crash,
 * shutdown, backup, soak): `node --import tsx server/src/server.ts` on a database file, waited for
 * until it answers, then crashed with SIGKILL or stopped with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerProcessOptions {
  databaseFile: string;
  /** Keep the same port across restarts, as clients in a branch would; a free one when omitted. */
  port?: number;
  logLevel?: string;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly child: ChildProcess;
  /** Settles when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  /** What the process wrote to stdout and stderr so far (its log). */
  output(): string;
  /** Kills the process without warning, as a power cut or the OOM killer would. */
  crash(): Promise<ProcessExit>;
  /** Sends `signal` and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<ProcessExit>;
}

/** Under a full parallel test run, compiling the sources at start-up can take a while. */
const START_TIMEOUT_MS = 60_000;

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server on `databaseFile` (seeding the demo branch when it is empty) and waits until it answers. */
export async function startServer(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOBBYFLOW_DB: options.databaseFile,
      LOBBYFLOW_UI: '0',
      // The tests count every ticket in the file: the demo's simulated past would only be in the way.
      LOBBYFLOW_DEMO_HISTORY: '0',
      // The tests issue tickets at any hour of the day: no opening hours.
      LOBBYFLOW_DEMO_CALENDAR: '0',
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const server: ServerProcess = {
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    crash: () => server.stop('SIGKILL'),
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await waitUntilAnswering(server);
  return server;
}

async function waitUntilAnswering(server: ServerProcess): Promise<void> {
  let ended = false;
  void server.exited.then(() => (ended = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !ended) {
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.crash();
  throw new Error(`the server did not start:\n${server.output()}`);
}
