/**
 * Figure 4: 1,000 wall displays reconnecting at once (after a network blip) with 2,000 tickets
 * waiting: the time from opening all 1,000 sockets until each has received its snapshot, and the
 * server's RSS right after. Ceiling: the bare server accepting 1,000 sockets and sending each one
 * frame of the size of lobbyflow's display snapshot at 2,000 waiting (measured first).
 */
import { ceilingLiveUrl, startCeiling } from './ceilings.js';
import { describeError, log, sleep, type ScenarioContext, type ServerProcess } from './harness.js';
import { displayLiveUrl, probeDisplaySnapshotBytes, startLobby } from './lobby-server.js';
import { measure, row, type Row } from './report.js';
import { SocketSet } from './sockets.js';

const SOCKETS = 1000;
const WAITING = 2000;
const STORM_TIMEOUT_MS = 90_000;

interface StormResult {
  seconds: number | null;
  rssMB: number | null;
  note?: string;
}

async function storm(server: ServerProcess, url: string): Promise<StormResult> {
  const sockets = new SocketSet(url);
  try {
    const result = await sockets.storm(SOCKETS, STORM_TIMEOUT_MS);
    await sleep(500);
    const rss = server.rssBytes();
    const rssMB = rss === null ? null : rss / 2 ** 20;
    if (result.timedOut) return { seconds: null, rssMB, note: `timed out after ${STORM_TIMEOUT_MS / 1000} s (${result.received}/${SOCKETS} snapshots, ${result.failed} failed)` };
    if (result.failed) return { seconds: null, rssMB, note: `${result.failed} of ${SOCKETS} sockets failed` };
    return { seconds: result.ms / 1000, rssMB };
  } finally {
    sockets.closeAll();
  }
}

export async function reconnectStorm(ctx: ScenarioContext): Promise<Row[]> {
  const { settings, scope } = ctx;
  const ceilingRuns: (StormResult | string)[] = [];
  const lobbyRuns: (StormResult | string)[] = [];

  log(`figure 4: measuring lobbyflow’s display snapshot at ${WAITING} waiting`);
  let snapshotBytes: number;
  try {
    snapshotBytes = await probeDisplaySnapshotBytes(settings.lobbyRoot, WAITING, scope);
  } catch (err) {
    return [row({ figure: '4. 1,000 displays reconnect, 2,000 waiting', unit: 's', lobbyflow: measure([null], describeError(err)) })];
  }

  for (let rep = 0; rep < settings.slowReps && !scope.aborted; rep++) {
    log(`figure 4, repetition ${rep + 1}/${settings.slowReps}: ceiling (${SOCKETS} sockets, frames of ${snapshotBytes} bytes)`);
    try {
      const ceiling = scope.track(await startCeiling({ durable: false }));
      try {
        ceilingRuns.push(await storm(ceiling, ceilingLiveUrl(ceiling, snapshotBytes)));
      } finally {
        await ceiling.stop();
      }
    } catch (err) {
      ceilingRuns.push(describeError(err));
    }

    log(`figure 4, repetition ${rep + 1}/${settings.slowReps}: lobbyflow (${SOCKETS} sockets, ${WAITING} waiting)`);
    try {
      const lobby = scope.track(await startLobby(settings.lobbyRoot, { waiting: WAITING }));
      try {
        await sleep(1000);
        lobbyRuns.push(await storm(lobby, displayLiveUrl(lobby)));
      } finally {
        await lobby.stop();
      }
    } catch (err) {
      lobbyRuns.push(describeError(err));
    }
  }

  const pick = (runs: (StormResult | string)[], field: 'seconds' | 'rssMB') =>
    measure(
      runs.map((r) => (typeof r === 'string' ? null : r[field])),
      runs.map((r) => (typeof r === 'string' ? r : r.note)).find((n) => n !== undefined),
    );
  const describe = (runs: (StormResult | string)[]) =>
    runs.map((r, i) => `run ${i + 1}: ${typeof r === 'string' ? r : (r.note ?? 'all snapshots received')}`).join(' · ');

  return [
    row({
      figure: '4. 1,000 displays reconnect, 2,000 waiting',
      unit: 's',
      lobbyflow: pick(lobbyRuns, 'seconds'),
      ceiling: pick(ceilingRuns, 'seconds'),
      ceilingLabel: 'bare ws, same-size frame',
      target: { text: '≤ 3× ceiling', check: ({ ratio }) => (ratio === null ? null : ratio <= 3) },
      notes: [`display snapshot ${(snapshotBytes / 1024).toFixed(1)} KB`, `lobbyflow ${describe(lobbyRuns)}`, `ceiling ${describe(ceilingRuns)}`],
    }),
    row({
      figure: '4. RSS after the reconnect, 2,000 waiting',
      unit: 'MB',
      lobbyflow: pick(lobbyRuns, 'rssMB'),
      ceiling: pick(ceilingRuns, 'rssMB'),
      ceilingLabel: 'bare ws, same-size frame',
    }),
  ];
}
