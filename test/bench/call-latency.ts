/**
 * Figure 2: from "call next" to the frame on every screen. With 10, 100 and 1,000 display sockets
 * subscribed (each first receives its snapshot), a manager calls the next ticket at counters 1–4 in
 * turn; the latency of one call is measured from just before the HTTP request is sent to the moment
 * each socket receives the `ticket.called` frame for the called ticket, and every socket's time
 * counts in the distribution. Between calls the ticket is started and completed (not timed) and the
 * bench waits until every socket has the `ticket.completed` frame, so each call starts from quiet.
 *
 * Ceiling: the bare server broadcasts, on POST /broadcast, a frame of the same byte size as
 * lobbyflow's ticket.called frame (measured first) to the same number of sockets; timed identically.
 */
import { performance } from 'node:perf_hooks';
import { ceilingLiveUrl, startCeiling } from './ceilings.js';
import { describeError, log, percentile, requestJson, request, withTimeout, type ScenarioContext, median } from './harness.js';
import { counterId, displayLiveUrl, login, openCounters, startLobby, ticketIdOf, type LobbyServer } from './lobby-server.js';
import { measure, row, type Row } from './report.js';
import { SocketSet } from './sockets.js';

const LEVELS = [10, 100, 1000] as const;
/** Measured calls per repetition at each level (every socket's receive time is one sample). */
const CALLS: Record<(typeof LEVELS)[number], number> = { 10: 25, 100: 20, 1000: 12 };
const WARMUP_CALLS = 2;
const WAITING = 200;
const COUNTERS = [1, 2, 3, 4];
const FRAME_TIMEOUT_MS = 30_000;
/** Time allowed for one level (connecting its sockets and all its calls). */
const LEVEL_BUDGET_MS = 120_000;

interface LevelResult {
  p50: number | null;
  p99: number | null;
  calls: number;
  samples: number;
  missing: number;
}

type Outcome = LevelResult | string;

/** One timed call against lobbyflow: call next at the counter, then start and complete the ticket. */
async function lobbyCall(lobby: LobbyServer, token: string, sockets: SocketSet, counter: number) {
  const wait = sockets.expect('ticket.called');
  const start = performance.now();
  const res = await request('POST', `${lobby.baseUrl}/api/counters/${counterId(counter)}/call-next`, { token, json: {} });
  if (res.status !== 200) throw new Error(`call-next → ${res.status} ${res.body.slice(0, 120)}`);
  const ticket = { id: ticketIdOf(JSON.parse(res.body)) };
  wait.setId(ticket.id);
  await withTimeout(wait.done, FRAME_TIMEOUT_MS, 'ticket.called frames');
  const latencies = wait.receiveTimes().map((t) => t - start);
  const { missing, sizes } = wait;

  const completed = sockets.expect('ticket.completed');
  completed.setId(ticket.id);
  await requestJson('POST', `${lobby.baseUrl}/api/tickets/${ticket.id}/start`, { token, json: {} });
  await requestJson('POST', `${lobby.baseUrl}/api/tickets/${ticket.id}/complete`, { token, json: {} });
  await withTimeout(completed.done, FRAME_TIMEOUT_MS, 'ticket.completed frames');
  sockets.clearWait();
  return { latencies, missing, sizes };
}

/** One timed broadcast against the ceiling. */
async function ceilingCall(baseUrl: string, sockets: SocketSet, frameBytes: number) {
  const wait = sockets.expect('ticket.called');
  const start = performance.now();
  const { id } = await requestJson<{ id: string }>('POST', `${baseUrl}/broadcast?bytes=${frameBytes}`, { json: {} });
  wait.setId(id);
  await withTimeout(wait.done, FRAME_TIMEOUT_MS, 'broadcast frames');
  sockets.clearWait();
  return { latencies: wait.receiveTimes().map((t) => t - start), missing: wait.missing, sizes: wait.sizes };
}

/** Runs the levels on one server: adds sockets up to each level, warms up, then times the calls. */
async function runLevels(
  sockets: SocketSet,
  call: (i: number) => Promise<{ latencies: number[]; missing: number; sizes: number[] }>,
  scopeAborted: () => boolean,
  frameSizes?: number[],
): Promise<Record<number, Outcome>> {
  const outcome: Record<number, Outcome> = {};
  let callNo = 0;
  for (const level of LEVELS) {
    if (scopeAborted()) break;
    try {
      await withTimeout(
        (async () => {
          await sockets.add(level - sockets.size, 50, LEVEL_BUDGET_MS);
          for (let i = 0; i < WARMUP_CALLS; i++) await call(callNo++);
          const samples: number[] = [];
          let missing = 0;
          let calls = 0;
          for (let i = 0; i < CALLS[level] && !scopeAborted(); i++) {
            const result = await call(callNo++);
            samples.push(...result.latencies);
            missing += result.missing;
            frameSizes?.push(...result.sizes);
            calls++;
          }
          outcome[level] = { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), calls, samples: samples.length, missing };
        })(),
        LEVEL_BUDGET_MS,
        `${level} sockets`,
      );
    } catch (err) {
      outcome[level] = describeError(err);
      break; // the socket count of the next level cannot be trusted
    }
  }
  for (const level of LEVELS) outcome[level] ??= 'not run (an earlier level failed)';
  return outcome;
}

/** The size of lobbyflow's ticket.called frame with WAITING tickets waiting, from one call on a probe server. */
async function probeFrameBytes(ctx: ScenarioContext): Promise<number> {
  const lobby = ctx.scope.track(await startLobby(ctx.settings.lobbyRoot, { waiting: WAITING }));
  const sockets = new SocketSet(displayLiveUrl(lobby));
  try {
    const token = await login(lobby);
    await openCounters(lobby, token, COUNTERS);
    await sockets.add(1, 1, 30_000);
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) sizes.push(...(await lobbyCall(lobby, token, sockets, COUNTERS[i % COUNTERS.length])).sizes);
    return Math.round(median(sizes) ?? 0);
  } finally {
    sockets.closeAll();
    await lobby.stop();
  }
}

export async function callLatency(ctx: ScenarioContext): Promise<Row[]> {
  const { settings, scope } = ctx;
  const ceilingRuns: Outcome[][] = LEVELS.map(() => []);
  const lobbyRuns: Outcome[][] = LEVELS.map(() => []);
  const lobbyFrameSizes: number[] = [];

  log('figure 2: measuring the size of lobbyflow’s ticket.called frame');
  let frameBytes: number;
  try {
    frameBytes = await probeFrameBytes(ctx);
  } catch (err) {
    const why = describeError(err);
    return LEVELS.flatMap((level) => [
      row({ figure: `2. call-next → frame p50, ${level} sockets`, unit: 'ms', lobbyflow: measure([null], why) }),
      row({ figure: `2. call-next → frame p99, ${level} sockets`, unit: 'ms', lobbyflow: measure([null], why) }),
    ]);
  }

  for (let rep = 0; rep < settings.reps && !scope.aborted; rep++) {
    log(`figure 2, repetition ${rep + 1}/${settings.reps}: ceiling (frames of ${frameBytes} bytes)`);
    try {
      const ceiling = scope.track(await startCeiling({ durable: false }));
      const sockets = new SocketSet(ceilingLiveUrl(ceiling, 200));
      const close = scope.defer(() => sockets.closeAll());
      try {
        const outcome = await runLevels(sockets, () => ceilingCall(ceiling.baseUrl, sockets, frameBytes), () => scope.aborted);
        LEVELS.forEach((level, i) => ceilingRuns[i].push(outcome[level]));
      } finally {
        await close();
        await ceiling.stop();
      }
    } catch (err) {
      LEVELS.forEach((_, i) => ceilingRuns[i].length <= rep && ceilingRuns[i].push(describeError(err)));
    }

    log(`figure 2, repetition ${rep + 1}/${settings.reps}: lobbyflow (${WAITING} waiting)`);
    try {
      const lobby = scope.track(await startLobby(settings.lobbyRoot, { waiting: WAITING }));
      const sockets = new SocketSet(displayLiveUrl(lobby));
      const close = scope.defer(() => sockets.closeAll());
      try {
        const token = await login(lobby);
        await openCounters(lobby, token, COUNTERS);
        const outcome = await runLevels(
          sockets,
          (i) => lobbyCall(lobby, token, sockets, COUNTERS[i % COUNTERS.length]),
          () => scope.aborted,
          lobbyFrameSizes,
        );
        LEVELS.forEach((level, i) => lobbyRuns[i].push(outcome[level]));
        if (sockets.closedAfterConnect) log(`figure 2: ${sockets.closedAfterConnect} lobbyflow sockets closed during the run`);
      } finally {
        await close();
        await lobby.stop();
      }
    } catch (err) {
      LEVELS.forEach((_, i) => lobbyRuns[i].length <= rep && lobbyRuns[i].push(describeError(err)));
    }
  }

  const pick = (runs: Outcome[], field: 'p50' | 'p99') =>
    measure(
      runs.map((r) => (typeof r === 'string' ? null : r[field])),
      runs.find((r): r is string => typeof r === 'string'),
    );
  const describe = (runs: Outcome[]) =>
    runs.map((r, i) => `run ${i + 1}: ${typeof r === 'string' ? r : `${r.calls} calls, ${r.samples} frames${r.missing ? `, ${r.missing} missing` : ''}`}`).join(' · ');

  const observed = lobbyFrameSizes.length ? `${Math.min(...lobbyFrameSizes)}–${Math.max(...lobbyFrameSizes)}` : '?';
  return LEVELS.flatMap((level, i) => [
    row({
      figure: `2. call-next → frame p50, ${level} sockets`,
      unit: 'ms',
      lobbyflow: pick(lobbyRuns[i], 'p50'),
      ceiling: pick(ceilingRuns[i], 'p50'),
      ceilingLabel: 'bare ws broadcast',
      notes: [`lobbyflow ${describe(lobbyRuns[i])}`, `ceiling ${describe(ceilingRuns[i])}`],
    }),
    row({
      figure: `2. call-next → frame p99, ${level} sockets`,
      unit: 'ms',
      lobbyflow: pick(lobbyRuns[i], 'p99'),
      ceiling: pick(ceilingRuns[i], 'p99'),
      ceilingLabel: 'bare ws broadcast',
      target: level >= 100 ? { text: '≤ 1.5× ceiling', check: ({ ratio }) => (ratio === null ? null : ratio <= 1.5) } : undefined,
      notes: [`frames: ceiling ${frameBytes} bytes, lobbyflow ${observed} bytes (${WAITING} waiting)`],
    }),
  ]);
}
