/**
 * What-if forecasts run on worker threads: a kiosk's ticket is answered while the largest forecast
 * allowed runs, a forecast past its time budget is stopped, and only a few may run or wait at once.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WHAT_IF_MAX_HORIZON_MINUTES, WHAT_IF_MAX_RUNS } from '../../protocol/forecast-schemas.js';
import type { WhatIfPoolOptions } from '../../server/src/services/what-if-pool.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

const WHAT_IF = `/api/branches/${BRANCH}/what-if`;
const LARGEST = { action: 'open-counter', counterId: counter(2), runs: WHAT_IF_MAX_RUNS, horizonMinutes: WHAT_IF_MAX_HORIZON_MINUTES };
/** The simulator's work grows with the crowd: this many customers waiting, and as many expected each hour. */
const CROWD = 400;
/** A kiosk customer should not notice a manager's forecast. */
const TICKET_MS = 500;
/** Tickets issued while the forecast runs: fewer than a kiosk may issue in a minute. */
const TICKETS_DURING = 10;

/** The demo branch with counter 1 open and a crowd waiting for cash: made once, copied for each test. */
let crowdedFile: string;
beforeAll(async () => {
  const app = await createTestApp({ dir: newDir() });
  const manager = await app.as('manager');
  expect((await post(app, `/api/counters/${counter(1)}/open`, await app.as('teller1'))).statusCode).toBe(200);
  for (let i = 0; i < CROWD; i++) {
    expect((await post(app, `/api/branches/${BRANCH}/tickets`, manager, { serviceId: service('A') })).statusCode).toBe(201);
  }
  await app.close();
  crowdedFile = app.file;
});

const dirs: string[] = [];
function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-what-if-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A test app on a copy of the crowded hall, with these what-if threads, queue and budget. */
async function crowdedHall(whatIf: WhatIfPoolOptions): Promise<TestApp> {
  const dir = newDir();
  copyFileSync(crowdedFile, join(dir, 'lobbyflow.db'));
  t = await createTestApp({ dir, seed: false, whatIf });
  return t;
}

function post(app: TestApp, url: string, headers: Record<string, string>, payload?: object) {
  return app.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
}

type Reply = Awaited<ReturnType<typeof post>>;

/** A request's reply, how long it took and when it finished. */
interface Timed {
  result: Reply;
  ms: number;
  finishedAt: number;
}

async function timed(request: Promise<Reply>): Promise<Timed> {
  const started = performance.now();
  const result = await request;
  const finishedAt = performance.now();
  return { result, ms: finishedAt - started, finishedAt };
}

describe('what-if forecasts on worker threads', () => {
  it('answers a kiosk at once while the largest what-if allowed runs', async () => {
    const app = await crowdedHall({ budgetMs: 60_000 });
    const whatIf = timed(post(app, WHAT_IF, await app.as('manager'), LARGEST));
    let forecastDone = false;
    void whatIf.then(() => (forecastDone = true));

    const tickets: Timed[] = [];
    while (!forecastDone && tickets.length < TICKETS_DURING) {
      tickets.push(await timed(post(app, `/api/branches/${BRANCH}/tickets`, app.kiosk, { serviceId: service('B') })));
    }
    const forecast = await whatIf;

    expect(forecast.result.statusCode, forecast.result.body).toBe(200);
    expect(forecast.result.json()).toMatchObject({ runs: WHAT_IF_MAX_RUNS, horizonMinutes: WHAT_IF_MAX_HORIZON_MINUTES });
    // The forecast is long enough for a blocked server to show: a kiosk would wait all of it.
    expect(forecast.ms).toBeGreaterThan(2 * TICKET_MS);
    expect(tickets.map((ticket) => ticket.result.statusCode)).toEqual(tickets.map(() => 201));
    expect(Math.max(...tickets.map((ticket) => ticket.ms))).toBeLessThan(TICKET_MS);
    expect(tickets[0].finishedAt).toBeLessThan(forecast.finishedAt);
  });

  it('stops a forecast that runs past the time budget with 503 FORECAST_TIMEOUT', async () => {
    const budgetMs = 300;
    const app = await crowdedHall({ budgetMs });
    const { result, ms } = await timed(post(app, WHAT_IF, await app.as('manager'), LARGEST));
    expect(result.statusCode, result.body).toBe(503);
    expect(result.json()).toMatchObject({ code: 'FORECAST_TIMEOUT', error: 'Service Unavailable' });
    expect(result.json().message).toContain('did not finish within 0.3 s');
    // Answered at the budget, not when the simulation would have ended.
    expect(ms).toBeLessThan(budgetMs + 700);
  });

  it('refuses more forecasts than may run or wait at once with 503 FORECAST_BUSY', async () => {
    const app = await crowdedHall({ threads: 1, queued: 1, budgetMs: 60_000 });
    const manager = await app.as('manager');
    const body = { action: 'divert', serviceId: service('A'), count: 5, runs: 50 };
    const replies = await Promise.all(Array.from({ length: 4 }, () => post(app, WHAT_IF, manager, body)));

    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([200, 200, 503, 503]);
    const refused = replies.filter((reply) => reply.statusCode === 503).map((reply) => reply.json());
    expect(refused).toEqual([
      expect.objectContaining({ code: 'FORECAST_BUSY', message: expect.stringContaining('already running or waiting') }),
      expect.objectContaining({ code: 'FORECAST_BUSY' }),
    ]);
    // The refusals cost nothing: the next forecast is accepted once the others are done.
    expect((await post(app, WHAT_IF, manager, body)).statusCode).toBe(200);
  });
});
