/**
 * `npm run bench`: lobbyflow's performance figures, each beside its ceiling measured in the same run
 * (ceiling, lobbyflow, ceiling, lobbyflow, … so noise hits both), as medians of the repetitions with
 * the ratio. Prints; asserts nothing. See docs/performance.md.
 *
 * Env: BENCH_ROOT   directory lobbyflow is started from (default: this repository)
 *      BENCH_JSON   also write the table as JSON to this file
 *      BENCH_QUICK  1: one repetition (and fewer requests) for figures 3 and 4, slow on a slow server
 *      BENCH_REPS   repetitions (default 3)
 *      BENCH_ONLY   figures to run, e.g. "1,2" (default all: 1–6)
 *      BENCH_START  tsx: start lobbyflow and the ceiling with `node --import tsx` instead of following
 *                   lobbyflow's `npm start` script (launch.ts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callLatency } from './call-latency.js';
import { describeError, log, readSettings, Scope, TimeoutError, withTimeout, type ScenarioContext } from './harness.js';
import { issueThroughput } from './issue-throughput.js';
import { activeLaunch, removeCeilingScript } from './launch.js';
import { removeTemplate } from './lobby-server.js';
import { memory } from './memory.js';
import { queueDepth } from './queue-depth.js';
import { reconnectStorm } from './reconnect-storm.js';
import { failedRow, mainTable, runsTable, type Row } from './report.js';
import { screenBytesFigure } from './screen-bytes.js';

interface Scenario {
  figure: number;
  name: string;
  run: (ctx: ScenarioContext) => Promise<Row[]>;
  /** A safety net: each step inside has its own, shorter limit. */
  timeoutMs: number;
}

const SCENARIOS: Scenario[] = [
  { figure: 1, name: 'issue throughput and latency', run: issueThroughput, timeoutMs: 6 * 60_000 },
  { figure: 2, name: 'call-next → frame latency', run: callLatency, timeoutMs: 10 * 60_000 },
  { figure: 3, name: 'latency by queue depth', run: queueDepth, timeoutMs: 12 * 60_000 },
  { figure: 4, name: '1,000 displays reconnecting', run: reconnectStorm, timeoutMs: 12 * 60_000 },
  { figure: 5, name: 'memory', run: memory, timeoutMs: 5 * 60_000 },
  { figure: 6, name: 'bytes per screen', run: screenBytesFigure, timeoutMs: 8 * 60_000 },
];

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const settings = readSettings();
if (!existsSync(join(settings.lobbyRoot, 'server/src/server.ts'))) {
  log(`BENCH_ROOT ${settings.lobbyRoot} is not a lobbyflow checkout (no server/src/server.ts)`);
  process.exit(2);
}
const started = performance.now();
const commit = git(settings.lobbyRoot, ['rev-parse', '--short', 'HEAD']);
const changed = git(settings.lobbyRoot, ['status', '--porcelain', '--untracked-files=no']);
const revision = commit ? `${commit}${changed ? ' + uncommitted changes' : ''}` : 'unknown';
const date = new Date().toISOString();
const loadAtStart = os.loadavg()[0];

const launch = activeLaunch();
log(
  `lobbyflow bench: ${settings.lobbyRoot} at ${revision}, started as: ${launch.describe}; ${settings.reps} repetition${settings.reps === 1 ? '' : 's'}` +
    `${settings.quick ? ` (BENCH_QUICK: ${settings.slowReps} for figures 3 and 4)` : ''}; figures ${[...settings.only].join(', ')}`,
);

const rows: Row[] = [];
try {
  for (const scenario of SCENARIOS) {
    if (!settings.only.has(scenario.figure)) continue;
    const scope = new Scope();
    const t0 = performance.now();
    log(`figure ${scenario.figure}: ${scenario.name}`);
    try {
      rows.push(...(await withTimeout(scenario.run({ settings, scope }), scenario.timeoutMs, `figure ${scenario.figure}`)));
    } catch (err) {
      if (!(err instanceof TimeoutError)) log(`figure ${scenario.figure} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      rows.push(failedRow(`${scenario.figure}. ${scenario.name}`, 'ms', describeError(err)));
    } finally {
      await scope.close();
    }
    log(`figure ${scenario.figure} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  removeTemplate();
  removeCeilingScript();
}

const minutes = (performance.now() - started) / 60_000;
const header = [
  `lobbyflow bench — ${revision} (${settings.lobbyRoot}), ${date}`,
  `lobbyflow started as: ${launch.describe}; ceiling server: bare Fastify 5 + @fastify/websocket, ${launch.viaTsx ? 'through tsx' : 'transpiled to JavaScript'}${launch.nodeFlags.length ? `, node ${launch.nodeFlags.join(' ')}` : ''}`,
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ` +
    `load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`,
  `medians of ${settings.reps} repetition${settings.reps === 1 ? '' : 's'}${settings.quick ? ` (figures 3 and 4: ${settings.slowReps}, BENCH_QUICK=1)` : ''}; ratio = lobbyflow ÷ ceiling; took ${minutes.toFixed(1)} min`,
].join('\n');

process.stdout.write(`\n${header}\n\n${mainTable(rows)}\n\nEvery repetition (in run order) and notes:\n\n${runsTable(rows)}\n`);

if (settings.jsonFile) {
  writeFileSync(
    settings.jsonFile,
    JSON.stringify(
      {
        revision,
        root: settings.lobbyRoot,
        lobbyflowStartedAs: launch.describe,
        date,
        node: process.version,
        cpus: os.cpus().length,
        reps: settings.reps,
        quick: settings.quick,
        minutes: Number(minutes.toFixed(2)),
        loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
        rows,
      },
      null,
      2,
    ),
  );
  log(`wrote ${settings.jsonFile}`);
}
process.exit(0);
