import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

// The published worked example: 100 calls per 30 minutes, 180 s each, 20 s target (A = 10 Erlangs).
const ERLANG_C = '/api/tools/erlang-c?arrivalsPerHour=200&meanServiceSeconds=180&targetSeconds=20';
const STAFFING = '/api/tools/staffing?arrivalsPerHour=200&meanServiceSeconds=180&targetSeconds=20';

describe('GET /api/tools/erlang-c', () => {
  it('gives the published figures for 14 counters at 10 Erlangs, to any staff member', async () => {
    for (const user of ['teller1', 'manager']) {
      const res = await get(`${ERLANG_C}&counters=14`, await t.as(user));
      expect(res.statusCode, res.body).toBe(200);
      const figures = res.json();
      expect(figures.probabilityOfWaiting).toBeCloseTo(0.1741319336, 9);
      expect(figures.serviceLevel).toBeCloseTo(0.8883500192, 9);
      expect(figures.meanWaitSeconds).toBeCloseTo(7.835937012, 6);
      expect(figures.occupancy).toBeCloseTo(10 / 14, 12);
      expect(figures.trafficErlangs).toBe(10);
    }
  });

  it.each([
    ['load at capacity', `${ERLANG_C}&counters=10`, 'offered load 10.0 Erlangs needs more than 10 counters'],
    ['load above capacity', `${ERLANG_C}&counters=9`, 'needs more than 9 counters'],
    ['negative arrivals', '/api/tools/erlang-c?arrivalsPerHour=-1&meanServiceSeconds=180&counters=3&targetSeconds=20', 'arrivalsPerHour must be >= 0'],
    ['zero service time', '/api/tools/erlang-c?arrivalsPerHour=10&meanServiceSeconds=0&counters=3&targetSeconds=20', 'meanServiceSeconds must be > 0'],
    ['no counters', `${ERLANG_C}&counters=0`, 'counters must be >= 1'],
    ['half a counter', `${ERLANG_C}&counters=2.5`, 'counters must be integer'],
    ['a word for a number', `${ERLANG_C}&counters=many`, 'counters must be integer'],
    ['a missing target', '/api/tools/erlang-c?arrivalsPerHour=10&meanServiceSeconds=180&counters=3', "must have required property 'targetSeconds'"],
  ])('refuses %s with 400 and says why', async (_name, url, message) => {
    const res = await get(url, await t.as('teller1'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toContain(message);
  });
});

describe('GET /api/tools/staffing', () => {
  it('needs 14 counters for 80% within 20 s at 10 Erlangs, with their figures', async () => {
    const res = await get(`${STAFFING}&serviceLevel=0.8`, await t.as('manager'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counters).toBe(14);
    expect(res.json().serviceLevel).toBeCloseTo(0.8883500192, 9);
  });

  it('plans a bank hall: 60 customers an hour, 6-minute services, 80% called within 10 minutes', async () => {
    const res = await get('/api/tools/staffing?arrivalsPerHour=60&meanServiceSeconds=360&targetSeconds=600&serviceLevel=0.8', await t.as('manager'));
    expect(res.json()).toMatchObject({ counters: 7, trafficErlangs: 6 });
    expect(res.json().serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['a service level of 100%', `${STAFFING}&serviceLevel=1`, 'serviceLevel must be < 1'],
    ['a service level of 0', `${STAFFING}&serviceLevel=0`, 'serviceLevel must be > 0'],
    ['a load no branch can staff', '/api/tools/staffing?arrivalsPerHour=100000&meanServiceSeconds=3600&targetSeconds=20&serviceLevel=0.8', 'needs more than 1000 counters'],
  ])('refuses %s with 400', async (_name, url, message) => {
    const res = await get(url, await t.as('manager'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('is for signed-in staff, not devices', async () => {
    expect((await get(`${STAFFING}&serviceLevel=0.8`, {})).statusCode).toBe(401);
    expect((await get(`${STAFFING}&serviceLevel=0.8`, t.kiosk)).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect((await get(`${ERLANG_C}&counters=14`, t.display)).statusCode).toBe(403);
  });
});

describe('POST /api/branches/:branchId/what-if', () => {
  const WHAT_IF = `/api/branches/${BRANCH}/what-if`;

  /** Counter 1 open and serving; 14 customers waiting for cash. */
  async function busyMorning() {
    const teller = await t.as('teller1');
    expect((await post(`/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
    for (let i = 0; i < 14; i++) {
      const res = await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
      expect(res.statusCode).toBe(201);
      t.clock.advance(60_000);
    }
    const first = (await post(`/api/counters/${counter(1)}/call-next`, teller)).json();
    await post(`/api/tickets/${first.id}/start`, teller);
    t.clock.advance(60_000);
  }

  it('predicts shorter waits for the next hour when counter 2 opens, within a second', async () => {
    await busyMorning();
    const manager = await t.as('manager');
    // From source, the first forecast also starts tsx in the worker thread (a built server starts it in a blink).
    expect((await post(WHAT_IF, manager, { action: 'open-counter', counterId: counter(2), runs: 20, horizonMinutes: 15 })).statusCode).toBe(200);
    const started = performance.now();
    const res = await post(WHAT_IF, manager, { action: 'open-counter', counterId: counter(2) });
    const elapsedMs = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    const forecast = res.json();
    expect(forecast).toMatchObject({ horizonMinutes: 60, runs: 200 });
    for (const scenario of [forecast.baseline, forecast.withAction]) {
      for (const range of [scenario.longestWaitSeconds, scenario.meanWaitSeconds, scenario.waitingAtEnd]) {
        expect(range.p10).toBeLessThanOrEqual(range.median);
        expect(range.median).toBeLessThanOrEqual(range.p90);
      }
    }
    // 14 customers at 4 minutes each need about an hour at one counter, half that at two.
    expect(forecast.baseline.longestWaitSeconds.median).toBeGreaterThan(45 * 60);
    expect(forecast.withAction.longestWaitSeconds.median).toBeLessThan(0.75 * forecast.baseline.longestWaitSeconds.median);
    expect(forecast.withAction.meanWaitSeconds.median).toBeLessThan(forecast.baseline.meanWaitSeconds.median);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('gives the same forecast for the same hall (seeded runs)', async () => {
    await busyMorning();
    const manager = await t.as('manager');
    const body = { action: 'divert', serviceId: service('A'), count: 5, runs: 50 };
    const first = await post(WHAT_IF, manager, body);
    expect(first.statusCode, first.body).toBe(200);
    expect((await post(WHAT_IF, manager, body)).json()).toEqual(first.json());
    expect(first.json().withAction.meanWaitSeconds.median).toBeLessThan(first.json().baseline.meanWaitSeconds.median);
  });

  it('predicts what moving a counter to another service does', async () => {
    await busyMorning();
    // Counter 5 serves cards and wealth management; nobody waits for those.
    expect((await post(`/api/counters/${counter(5)}/open`, await t.as('teller5'))).statusCode).toBe(200);
    const res = await post(WHAT_IF, await t.as('manager'), { action: 'reassign-counter', counterId: counter(5), serviceIds: [service('A')], runs: 50 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().withAction.longestWaitSeconds.median).toBeLessThan(res.json().baseline.longestWaitSeconds.median);
  });

  it.each([
    ['an action without its counter', { action: 'open-counter' }, 400, 'body/counterId is required for open-counter'],
    ['a diversion without a count', { action: 'divert', serviceId: 'demo-a' }, 400, 'body/count is required for divert'],
    ['an unknown action', { action: 'close-branch' }, 400, 'body/action'],
    ['more diversions than customers waiting', { action: 'divert', serviceId: 'demo-b', count: 3 }, 400, 'only 0 customer(s) wait'],
    ['opening an open counter', { action: 'open-counter', counterId: 'demo-counter-1' }, 409, 'counter 1 is already open'],
    ['closing a closed counter', { action: 'close-counter', counterId: 'demo-counter-3' }, 409, 'counter 3 is not open'],
    ['an unknown counter', { action: 'open-counter', counterId: 'demo-counter-99' }, 404, 'counter demo-counter-99 does not exist'],
    ['an unknown service', { action: 'reassign-counter', counterId: 'demo-counter-3', serviceIds: ['demo-z'] }, 404, 'service demo-z'],
    ['more runs than a forecast may simulate', { action: 'open-counter', counterId: 'demo-counter-2', runs: 501 }, 400, 'body/runs must be <= 500'],
    ['a longer period than a forecast may simulate', { action: 'open-counter', counterId: 'demo-counter-2', horizonMinutes: 121 }, 400, 'body/horizonMinutes must be <= 120'],
  ])('refuses %s', async (_name, body, status, message) => {
    expect((await post(`/api/counters/${counter(1)}/open`, await t.as('teller1'))).statusCode).toBe(200);
    const res = await post(WHAT_IF, await t.as('manager'), body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().message).toContain(message);
  });

  it('is for the branch’s managers and admins', async () => {
    const body = { action: 'open-counter', counterId: counter(2), runs: 20 };
    expect((await post(WHAT_IF, {}, body)).statusCode).toBe(401);
    expect((await post(WHAT_IF, await t.as('teller1'), body)).statusCode).toBe(403);
    expect((await post(WHAT_IF, t.kiosk, body)).statusCode).toBe(403);
    expect((await post('/api/branches/elsewhere/what-if', await t.as('manager'), body)).statusCode).toBe(403);
    expect((await post(WHAT_IF, await t.as('admin'), body)).statusCode).toBe(200);
  });
});
