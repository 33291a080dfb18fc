/**
 * Figure 3: how lobbyflow's latency grows with the queue. At 50, 500, 2,000 and 5,000 waiting tickets
 * (written into the database before the server starts), sequential requests, one at a time:
 *   - snapshot: GET /api/branches/demo/snapshot as the manager;
 *   - issue and call next, alternating (so the queue stays at its depth): the manager issues a ticket
 *     (services A–D in turn; a kiosk may issue only 20 a minute), then calls next at counters 1–4 in turn; the called ticket
 *     is then started and completed (not timed) so the counter can call again.
 * The reference column is the same figure at 50 waiting. One server per depth is started first and
 * kept for the figure; the repetitions interleave the depths (50, 500, 2,000, 5,000, 50, …).
 */
import { describeError, log, percentile, request, requestJson, timed, type ScenarioContext } from './harness.js';
import { BRANCH, counterId, ISSUE_SERVICES, login, openCounters, startLobby, ticketIdOf, type LobbyServer } from './lobby-server.js';
import { measure, row, type Measure, type Row } from './report.js';

const DEPTHS = [50, 500, 2000, 5000] as const;
const COUNTERS = [1, 2, 3, 4];

type Op = 'issue' | 'callNext' | 'snapshot';
const OP_LABEL: Record<Op, string> = { issue: 'issue', callNext: 'call-next', snapshot: 'snapshot' };

interface DepthResult {
  samples: Record<Op, number[]>;
  snapshotBytes: number | null;
}

/** One repetition at one depth: the snapshot loop, then the issue + call-next loop. */
async function measureDepth(lobby: LobbyServer, token: string, requests: number, budgetMs: number, aborted: () => boolean): Promise<DepthResult> {
  const samples: Record<Op, number[]> = { issue: [], callNext: [], snapshot: [] };
  let snapshotBytes: number | null = null;

  const snapshotUrl = `${lobby.baseUrl}/api/branches/${BRANCH}/snapshot`;
  let deadline = performance.now() + budgetMs;
  for (let i = 0; i < requests && performance.now() < deadline && !aborted(); i++) {
    let bytes = 0;
    samples.snapshot.push(
      await timed(async () => {
        const res = await request('GET', snapshotUrl, { token });
        if (res.status !== 200) throw new Error(`snapshot → ${res.status}`);
        bytes = Buffer.byteLength(res.body);
      }),
    );
    snapshotBytes = bytes;
  }

  deadline = performance.now() + budgetMs;
  for (let i = 0; i < requests && performance.now() < deadline && !aborted(); i++) {
    const serviceId = ISSUE_SERVICES[i % ISSUE_SERVICES.length];
    samples.issue.push(
      await timed(() => requestJson('POST', `${lobby.baseUrl}/api/branches/${BRANCH}/tickets`, { token, json: { serviceId } })),
    );
    let answer: unknown = null;
    const counter = counterId(COUNTERS[i % COUNTERS.length]);
    samples.callNext.push(
      await timed(async () => {
        answer = await requestJson('POST', `${lobby.baseUrl}/api/counters/${counter}/call-next`, { token, json: {} });
      }),
    );
    if (!answer) throw new Error('call-next found nobody waiting');
    const id = ticketIdOf(answer);
    await requestJson('POST', `${lobby.baseUrl}/api/tickets/${id}/start`, { token, json: {} });
    await requestJson('POST', `${lobby.baseUrl}/api/tickets/${id}/complete`, { token, json: {} });
  }
  return { samples, snapshotBytes };
}

export async function queueDepth({ settings, scope }: ScenarioContext): Promise<Row[]> {
  const requests = settings.quick ? 40 : 100;
  /** Time allowed for the snapshot loop, and for the issue + call-next loop, at one depth. */
  const budgetMs = settings.quick ? 12_000 : 25_000;
  const results: Record<number, (DepthResult | string)[]> = Object.fromEntries(DEPTHS.map((d) => [d, []]));

  // One server per depth for the whole figure (issue and call-next alternate, so the depth holds).
  const servers = new Map<number, { lobby: LobbyServer; token: string } | string>();
  try {
    for (const depth of DEPTHS) {
      if (scope.aborted) break;
      log(`figure 3: starting lobbyflow with ${depth} waiting`);
      let lobby: LobbyServer | undefined;
      try {
        lobby = scope.track(await startLobby(settings.lobbyRoot, { waiting: depth }));
        const token = await login(lobby);
        await openCounters(lobby, token, COUNTERS);
        servers.set(depth, { lobby, token });
      } catch (err) {
        await lobby?.stop();
        servers.set(depth, describeError(err));
      }
    }

    for (let rep = 0; rep < settings.slowReps && !scope.aborted; rep++) {
      for (const depth of DEPTHS) {
        if (scope.aborted) break;
        const server = servers.get(depth);
        if (server === undefined || typeof server === 'string') {
          results[depth].push(server ?? 'not started');
          continue;
        }
        log(`figure 3, repetition ${rep + 1}/${settings.slowReps}: ${depth} waiting`);
        try {
          results[depth].push(await measureDepth(server.lobby, server.token, requests, budgetMs, () => scope.aborted));
        } catch (err) {
          results[depth].push(describeError(err));
        }
      }
    }
  } finally {
    for (const server of servers.values()) if (typeof server !== 'string') await server.lobby.stop();
  }

  const pick = (depth: number, op: Op, p: number): Measure => {
    const runs = results[depth];
    return measure(
      runs.map((r) => (typeof r === 'string' ? null : percentile(r.samples[op], p))),
      runs.find((r): r is string => typeof r === 'string'),
    );
  };
  const counts = (depth: number, op: Op) =>
    results[depth].map((r) => (typeof r === 'string' ? r : `n=${r.samples[op].length}`)).join(' / ');

  const rows: Row[] = [];
  for (const op of ['issue', 'callNext', 'snapshot'] as const) {
    for (const depth of DEPTHS) {
      const p50 = pick(depth, op, 0.5);
      const p99 = pick(depth, op, 0.99);
      const notes = [`p99 ${p99.runs.map((v) => (v === null ? '✗' : v.toFixed(1))).join(' / ')} ms (median ${p99.median?.toFixed(1) ?? '—'} ms)`, `requests per run ${counts(depth, op)}`];
      if (op === 'snapshot') {
        const bytes = results[depth].map((r) => (typeof r === 'string' ? null : r.snapshotBytes)).find((b) => b !== null);
        if (bytes) notes.push(`snapshot ${(bytes / 1024).toFixed(1)} KB`);
      }
      rows.push(
        row({
          figure: `3. ${OP_LABEL[op]} p50, ${depth.toLocaleString('en-US')} waiting`,
          unit: 'ms',
          lobbyflow: p50,
          ceiling: depth === 50 ? undefined : pick(50, op, 0.5),
          ceilingLabel: depth === 50 ? undefined : 'lobbyflow at 50 waiting',
          target:
            depth === 5000 && op !== 'snapshot' ? { text: '≤ 2× at 50 waiting', check: ({ ratio }) => (ratio === null ? null : ratio <= 2) } : undefined,
          notes,
        }),
      );
    }
  }
  return rows;
}
