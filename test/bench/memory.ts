/**
 * Figure 5: resident memory (VmRSS of the server process) of lobbyflow with the demo branch and
 * nothing happening, 2 s after it answers /api/health; then with 1,000 display sockets connected
 * (opened 100 at a time, each having received its snapshot), 1 s after the last one. Ceiling: the bare
 * Fastify process (started the same way, `node --import tsx`), idle and holding 1,000 sockets that
 * each received a frame of the size of lobbyflow's idle display snapshot (measured first).
 */
import { ceilingLiveUrl, startCeiling } from './ceilings.js';
import { describeError, log, sleep, type ScenarioContext, type ServerProcess } from './harness.js';
import { displayLiveUrl, probeDisplaySnapshotBytes, startLobby } from './lobby-server.js';
import { measure, row, type Row } from './report.js';
import { SocketSet } from './sockets.js';

const SOCKETS = 1000;
const MB = 2 ** 20;

interface MemoryResult {
  idleMB: number | null;
  socketsMB: number | null;
  note?: string;
}

async function measureServer(server: ServerProcess, url: string): Promise<MemoryResult> {
  await sleep(2000);
  const idle = server.rssBytes();
  const sockets = new SocketSet(url);
  try {
    await sockets.add(SOCKETS, 100, 120_000);
    await sleep(1000);
    const withSockets = server.rssBytes();
    return {
      idleMB: idle === null ? null : idle / MB,
      socketsMB: withSockets === null ? null : withSockets / MB,
    };
  } catch (err) {
    return { idleMB: idle === null ? null : idle / MB, socketsMB: null, note: describeError(err) };
  } finally {
    sockets.closeAll();
  }
}

export async function memory({ settings, scope }: ScenarioContext): Promise<Row[]> {
  const ceilingRuns: (MemoryResult | string)[] = [];
  const lobbyRuns: (MemoryResult | string)[] = [];
  log('figure 5: measuring lobbyflow’s idle display snapshot');
  let snapshotBytes: number;
  try {
    snapshotBytes = await probeDisplaySnapshotBytes(settings.lobbyRoot, 0, scope);
  } catch (err) {
    return [row({ figure: '5. RSS idle (demo branch)', unit: 'MB', lobbyflow: measure([null], describeError(err)) })];
  }

  for (let rep = 0; rep < settings.reps && !scope.aborted; rep++) {
    log(`figure 5, repetition ${rep + 1}/${settings.reps}: ceiling`);
    try {
      const ceiling = scope.track(await startCeiling({ durable: false }));
      try {
        ceilingRuns.push(await measureServer(ceiling, ceilingLiveUrl(ceiling, snapshotBytes)));
      } finally {
        await ceiling.stop();
      }
    } catch (err) {
      ceilingRuns.push(describeError(err));
    }

    log(`figure 5, repetition ${rep + 1}/${settings.reps}: lobbyflow`);
    try {
      const lobby = scope.track(await startLobby(settings.lobbyRoot));
      try {
        lobbyRuns.push(await measureServer(lobby, displayLiveUrl(lobby)));
      } finally {
        await lobby.stop();
      }
    } catch (err) {
      lobbyRuns.push(describeError(err));
    }
  }

  const pick = (runs: (MemoryResult | string)[], field: 'idleMB' | 'socketsMB') =>
    measure(
      runs.map((r) => (typeof r === 'string' ? null : r[field])),
      runs.map((r) => (typeof r === 'string' ? r : r.note)).find((n) => n !== undefined),
    );

  return [
    row({
      figure: '5. RSS idle (demo branch)',
      unit: 'MB',
      lobbyflow: pick(lobbyRuns, 'idleMB'),
      ceiling: pick(ceilingRuns, 'idleMB'),
      ceilingLabel: 'bare Fastify process',
      target: { text: '≤ 100 MB', check: ({ lobbyflow }) => (lobbyflow === null ? null : lobbyflow <= 100) },
    }),
    row({
      figure: '5. RSS with 1,000 display sockets',
      unit: 'MB',
      lobbyflow: pick(lobbyRuns, 'socketsMB'),
      ceiling: pick(ceilingRuns, 'socketsMB'),
      ceilingLabel: 'bare Fastify + ws, same-size frame',
      notes: [`idle display snapshot ${snapshotBytes.toLocaleString('en-US')} bytes`],
    }),
  ];
}
