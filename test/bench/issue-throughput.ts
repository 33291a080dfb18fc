/**
 * Figure 1: issuing tickets under load. autocannon POSTs /api/branches/demo/tickets, rotating over
 * services A–D, at 10 and 50 connections; only 2xx count as issued. Ceilings: the same
 * request to a bare Fastify route returning a small JSON object, and to one doing one durable
 * SQLite insert (WAL, synchronous = FULL, prepared statement).
 *
 * Each measured run lasts DURATION_S after a short warm-up. lobbyflow runs on a fresh database per
 * run, and a run stops after LOBBY_CAP requests, so that the 999 numbers per prefix never run out
 * (409 NUMBERS_EXHAUSTED would count as failures); throughput is 2xx ÷ time to the last 2xx.
 *
 * The requests carry the lobby manager's session, not the kiosk's token: a kiosk may issue only
 * `issuesPerDevicePerMinute` tickets a minute (a limit, not a cost), and staff take the same path
 * through the branch engine. The ceilings get the same header.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { startCeiling } from './ceilings.js';
import { describeError, log, percentile, withTimeout, type ScenarioContext } from './harness.js';
import { BRANCH, ISSUE_SERVICES, login, startLobby } from './lobby-server.js';
import { measure, row, type Row } from './report.js';

const CONNECTIONS = [10, 50] as const;
const DURATION_S = 3;
/** Warm-up before each measured run: this many requests or this long, whichever ends first. */
const WARMUP_REQUESTS = 200;
const WARMUP_S = 1;
/** 4 prefixes × 999 numbers, less the warm-up and some slack. */
const LOBBY_CAP = 4 * 999 - WARMUP_REQUESTS - 150;

interface LoadResult {
  /** 2xx per second, from the start to the last 2xx. */
  rps: number | null;
  p50: number | null;
  p99: number | null;
  ok: number;
  non2xx: Record<string, number>;
  errors: number;
  /** The run ended at its request cap before DURATION_S. */
  cappedAfterS: number | null;
}

/** The ceilings ignore the token; they get one of the same length. */
const CEILING_TOKEN = 'x'.repeat(43);

async function load(baseUrl: string, path: string, token: string, connections: number, durationS: number, maxRequests?: number): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const requests = ISSUE_SERVICES.map((serviceId) => ({ method: 'POST', path, headers, body: JSON.stringify({ serviceId }) }));
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let ok = 0;
  const start = performance.now();
  let last = start;
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: durationS,
    maxOverallRequests: maxRequests,
    requests,
    timeout: 10,
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) {
      ok++;
      latencies.push(ms);
      last = performance.now();
    } else {
      non2xx[status] = (non2xx[status] ?? 0) + 1;
    }
  });
  const result = await withTimeout(Promise.resolve(instance), (durationS + 30) * 1000, 'autocannon').catch((err) => {
    instance.stop();
    throw err;
  });
  const elapsedS = (last - start) / 1000;
  const total = ok + Object.values(non2xx).reduce((a, b) => a + b, 0);
  return {
    rps: ok > 0 && elapsedS > 0 ? ok / elapsedS : null,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ok,
    non2xx,
    errors: result.errors + result.timeouts,
    cappedAfterS: maxRequests !== undefined && total >= maxRequests && elapsedS < durationS - 0.5 ? elapsedS : null,
  };
}

type Variant = 'bare' | 'durable' | 'lobbyflow';
const PATHS: Record<Variant, string> = { bare: '/json', durable: '/insert', lobbyflow: `/api/branches/${BRANCH}/tickets` };

export async function issueThroughput({ settings, scope }: ScenarioContext): Promise<Row[]> {
  const results: Record<Variant, Record<number, (LoadResult | string)[]>> = {
    bare: { 10: [], 50: [] },
    durable: { 10: [], 50: [] },
    lobbyflow: { 10: [], 50: [] },
  };

  for (let rep = 0; rep < settings.reps && !scope.aborted; rep++) {
    log(`figure 1, repetition ${rep + 1}/${settings.reps}: ceilings`);
    try {
      const ceiling = scope.track(await startCeiling({ durable: true }));
      try {
        for (const connections of CONNECTIONS) {
          for (const variant of ['bare', 'durable'] as const) {
            try {
              await load(ceiling.baseUrl, PATHS[variant], CEILING_TOKEN, 10, WARMUP_S, WARMUP_REQUESTS);
              results[variant][connections].push(await load(ceiling.baseUrl, PATHS[variant], CEILING_TOKEN, connections, DURATION_S));
            } catch (err) {
              results[variant][connections].push(describeError(err));
            }
          }
        }
      } finally {
        await ceiling.stop();
      }
    } catch (err) {
      for (const c of CONNECTIONS) for (const v of ['bare', 'durable'] as const) if (results[v][c].length <= rep) results[v][c].push(describeError(err));
    }

    log(`figure 1, repetition ${rep + 1}/${settings.reps}: lobbyflow`);
    for (const connections of CONNECTIONS) {
      if (scope.aborted) break;
      try {
        const lobby = scope.track(await startLobby(settings.lobbyRoot));
        const token = await login(lobby);
        try {
          await load(lobby.baseUrl, PATHS.lobbyflow, token, 10, WARMUP_S, WARMUP_REQUESTS);
          results.lobbyflow[connections].push(await load(lobby.baseUrl, PATHS.lobbyflow, token, connections, DURATION_S, LOBBY_CAP));
        } finally {
          await lobby.stop();
        }
      } catch (err) {
        results.lobbyflow[connections].push(describeError(err));
      }
    }
  }

  const pick = (variant: Variant, connections: number, field: 'rps' | 'p50' | 'p99') => {
    const runs = results[variant][connections];
    const failure = runs.find((r): r is string => typeof r === 'string');
    return measure(
      runs.map((r) => (typeof r === 'string' ? null : r[field])),
      failure,
    );
  };
  const notes = (variant: Variant, connections: number) =>
    results[variant][connections].map((r, i) => {
      if (typeof r === 'string') return `run ${i + 1}: ${r}`;
      const non2xx = Object.entries(r.non2xx).map(([status, count]) => `${count}×${status}`);
      const parts = [`${r.ok} 2xx`, ...(non2xx.length ? [`non-2xx ${non2xx.join(', ')}`] : []), ...(r.errors ? [`${r.errors} errors/timeouts`] : [])];
      if (r.cappedAfterS !== null) parts.push(`capped at ${LOBBY_CAP} requests after ${r.cappedAfterS.toFixed(1)} s`);
      return `run ${i + 1}: ${parts.join(', ')}`;
    });

  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    const at = `${connections} conns`;
    const lobbyNotes = notes('lobbyflow', connections);
    rows.push(
      row({
        figure: `1. issue throughput, ${at}`,
        unit: 'req/s',
        lobbyflow: pick('lobbyflow', connections, 'rps'),
        ceiling: pick('durable', connections, 'rps'),
        ceilingLabel: 'bare route + 1 durable insert',
        target: connections === 10 ? { text: '≥ 0.5× ceiling', check: ({ ratio }) => (ratio === null ? null : ratio >= 0.5) } : undefined,
        notes: [`lobbyflow ${lobbyNotes.join(' · ')}`, `ceiling ${notes('durable', connections).join(' · ')}`],
      }),
      row({
        figure: `1. issue throughput, ${at}`,
        unit: 'req/s',
        lobbyflow: pick('lobbyflow', connections, 'rps'),
        ceiling: pick('bare', connections, 'rps'),
        ceilingLabel: 'bare Fastify JSON route',
        notes: [`ceiling ${notes('bare', connections).join(' · ')}`],
      }),
      row({
        figure: `1. issue p50 latency, ${at}`,
        unit: 'ms',
        lobbyflow: pick('lobbyflow', connections, 'p50'),
        ceiling: pick('durable', connections, 'p50'),
        ceilingLabel: 'bare route + 1 durable insert',
      }),
      row({
        figure: `1. issue p99 latency, ${at}`,
        unit: 'ms',
        lobbyflow: pick('lobbyflow', connections, 'p99'),
        ceiling: pick('durable', connections, 'p99'),
        ceilingLabel: 'bare route + 1 durable insert',
        target: connections === 10 ? { text: '≤ 20 ms', check: ({ lobbyflow }) => (lobbyflow === null ? null : lobbyflow <= 20) } : undefined,
      }),
    );
  }
  return rows;
}
