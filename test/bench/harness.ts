/**
 * Shared plumbing of `npm run bench`: settings from the environment, child processes (started,
 * awaited, killed), free ports on 127.0.0.1, a small keep-alive HTTP client, percentiles and medians,
 * and time limits that turn a hung step into a recorded "timed out" instead of a hung run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The repository this bench lives in (ceiling servers run from here). */
export const BENCH_REPO = resolve(import.meta.dirname, '../..');

export interface BenchSettings {
  /** Where lobbyflow is started from (`node --import tsx server/src/server.ts` in that directory). */
  lobbyRoot: string;
  /** Repetitions of every scenario (ceiling, lobbyflow, ceiling, lobbyflow, …). */
  reps: number;
  /** Repetitions of the scenarios that are slow on a slow server (figures 3 and 4). */
  slowReps: number;
  quick: boolean;
  /** Figures to run (1–6). */
  only: Set<number>;
  jsonFile: string | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env.BENCH_QUICK === '1';
  const reps = Math.max(1, Number(env.BENCH_REPS ?? 3));
  const only = new Set(
    (env.BENCH_ONLY ?? '1,2,3,4,5,6')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => n >= 1 && n <= 6),
  );
  return {
    lobbyRoot: resolve(env.BENCH_ROOT ?? BENCH_REPO),
    reps,
    slowReps: quick ? 1 : reps,
    quick,
    only,
    jsonFile: env.BENCH_JSON || undefined,
  };
}

// ── time limits ────────────────────────────────────────────────────────

export class TimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly seconds: number,
  ) {
    super(`${what}: timed out after ${seconds} s`);
  }
}

/** Resolves with `promise`, or rejects with a TimeoutError after `ms` (the work itself is not cancelled). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, Math.round(ms / 1000))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A short text for a failed step, for the table. */
export function describeError(err: unknown): string {
  if (err instanceof TimeoutError) return `timed out after ${err.seconds} s`;
  const message = err instanceof Error ? err.message : String(err);
  return `failed: ${message.split('\n')[0].slice(0, 120)}`;
}

// ── statistics ─────────────────────────────────────────────────────────

/** The p-quantile (0–1) of the samples, nearest rank; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** The median of the values that exist (a timed-out repetition has none). */
export function median(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}

// ── ports and HTTP ─────────────────────────────────────────────────────

export const HOST = '127.0.0.1';

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResponse {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One request over a kept-alive connection; the body is read as text. */
export function request(method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  return new Promise((resolveResponse, reject) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`${method} ${url}: no answer in ${(options.timeoutMs ?? 30_000) / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A request that must succeed (2xx); returns the parsed JSON body (or null for 204). */
export async function requestJson<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(method, url, options);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${res.body.slice(0, 200)}`);
  return (res.body ? JSON.parse(res.body) : null) as T;
}

/** Milliseconds taken by `fn`. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// ── child processes ────────────────────────────────────────────────────

const running = new Set<ChildProcess>();

function killAllNow() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  running.clear();
}
process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

export interface ServerProcess {
  pid: number;
  port: number;
  baseUrl: string;
  /** Resident set size of the process now, in bytes (VmRSS from /proc). */
  rssBytes(): number | null;
  /** The last lines it printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Shown in errors. */
  name: string;
  cwd: string;
  /** Node arguments: flags and the entry point (relative to cwd). */
  args: string[];
  env: Record<string, string>;
  port: number;
  /** Path answered with 200 once the server is ready. */
  healthPath: string;
  startTimeoutMs: number;
}

/** Reads VmRSS of a process from /proc, in bytes. */
export function rssOf(pid: number): number | null {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return null;
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(path, 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

/** The most telling line of a crashed process's output: its last error message, else its last line. */
function lastError(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !l.startsWith('Node.js v'));
  return [...lines].reverse().find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '(no output)';
}

/** Starts a server as a child process and waits until it answers its health path. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((r) => {
    const gone = () => {
      exited = true;
      running.delete(child);
      r();
    };
    child.once('exit', gone);
    child.once('error', (err) => {
      keep(Buffer.from(String(err)));
      gone();
    });
  });
  const baseUrl = `http://${HOST}:${options.port}`;

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
    if (!gone) {
      child.kill('SIGKILL');
      await exit;
    }
  };

  const deadline = performance.now() + options.startTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`${options.name} exited at start: ${lastError(output)}`);
    try {
      const res = await request('GET', baseUrl + options.healthPath, { timeoutMs: 2000 });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) {
      await stop();
      throw new TimeoutError(`${options.name} start`, Math.round(options.startTimeoutMs / 1000));
    }
    await sleep(100);
  }

  return {
    pid: child.pid!,
    port: options.port,
    baseUrl,
    rssBytes: () => rssOf(child.pid!),
    output: () => output,
    stop,
  };
}

/** Runs a command to completion (used for the UI build), with a time limit. */
export function runCommand(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    running.add(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-2000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      running.delete(child);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolveRun();
      else reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? code}: ${lastError(output)}`));
    });
  });
}

/** Process-wide log line on stderr, so the table on stdout stays clean. */
export function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ── scenarios ──────────────────────────────────────────────────────────

/**
 * What a scenario started (servers, sockets), so that the runner can stop all of it when the
 * scenario runs out of time; `aborted` tells the scenario's loops to stop.
 */
export class Scope {
  aborted = false;
  private readonly closers = new Set<() => unknown>();

  /** Registers something to close; returns a function that closes it now and forgets it. */
  defer(close: () => unknown): () => Promise<void> {
    this.closers.add(close);
    return async () => {
      if (!this.closers.delete(close)) return;
      await close();
    };
  }

  /** Registers a started server; its `stop` also unregisters it. */
  track<T extends { stop(): Promise<void> }>(server: T): T {
    const stop = this.defer(() => server.stop());
    return { ...server, stop };
  }

  async close() {
    this.aborted = true;
    const closers = [...this.closers];
    this.closers.clear();
    for (const close of closers) {
      try {
        await close();
      } catch {
        /* best effort */
      }
    }
  }
}

export interface ScenarioContext {
  settings: BenchSettings;
  scope: Scope;
}
