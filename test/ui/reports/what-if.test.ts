import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import type { Counter, Ticket } from '../../../protocol/schemas.js';
import {
  availableTellers,
  choiceProblem,
  divertCandidates,
  initialChoice,
  whatIfBody,
} from '../../../manager-ui/src/triage/what-if-actions.js';
import { changeText, effectOf, forecastRows, minuteRange, rangeText } from '../../../manager-ui/src/triage/what-if-forecast.js';

const ticket = (number: string, issuedAt: string, over: Partial<Ticket> = {}): Ticket => ({
  id: `t-${number}`,
  branchId: 'demo',
  number,
  serviceId: 'cash',
  tier: 'regular',
  status: 'waiting',
  issuedAt,
  calledAt: null,
  startedAt: null,
  endedAt: null,
  counterId: null,
  callCount: 0,
  divertedTo: null,
  ...over,
});

const counter = (number: number, over: Partial<Counter> = {}): Counter => ({
  id: `c${number}`,
  branchId: 'demo',
  number,
  vip: false,
  lowCounter: false,
  serviceIds: ['cash', 'fx'],
  status: 'closed',
  tellerId: null,
  tellerName: null,
  currentTicketId: null,
  statusChangedAt: '2026-11-23T01:00:00.000Z',
  ...over,
});

const user = (id: string, displayName: string, over: Partial<AdminUser> = {}): AdminUser => ({
  id,
  username: id,
  displayName,
  role: 'teller',
  branchId: 'demo',
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

const tickets = [
  ticket('A003', '2026-11-23T02:10:00.000Z'),
  ticket('A001', '2026-11-23T02:00:00.000Z'),
  ticket('A002', '2026-11-23T02:05:00.000Z', { tier: 'vip' }),
  ticket('A004', '2026-11-23T02:11:00.000Z', { status: 'called' }),
  ticket('D001', '2026-11-23T02:01:00.000Z', { serviceId: 'fx' }),
];
const hall = { tickets, counters: [counter(1, { status: 'open', tellerId: 'u1' }), counter(4)] };

describe('what-if actions', () => {
  it('starts a diversion at 5 customers, or as many as wait', () => {
    expect(initialChoice({ action: 'divert', serviceId: 'cash' }, hall)).toEqual({ action: 'divert', serviceId: 'cash', count: 3 });
    const many = { ...hall, tickets: Array.from({ length: 9 }, (_, i) => ticket(`A0${10 + i}`, `2026-11-23T02:${10 + i}:00.000Z`)) };
    expect(initialChoice({ action: 'divert', serviceId: 'cash' }, many)).toMatchObject({ count: 5 });
  });

  it("starts a reassignment from the counter's own services, and an opening without a teller", () => {
    expect(initialChoice({ action: 'reassign-counter', counterId: 'c4' }, hall)).toEqual({ action: 'reassign-counter', counterId: 'c4', serviceIds: ['cash', 'fx'] });
    expect(initialChoice({ action: 'open-counter', counterId: 'c4' }, hall)).toEqual({ action: 'open-counter', counterId: 'c4', tellerId: null });
  });

  it('diverts the customers who have waited longest, whatever their tier, and only waiting ones', () => {
    expect(divertCandidates(hall, 'cash', 2).map((t) => t.number)).toEqual(['A001', 'A002']);
    expect(divertCandidates(hall, 'cash', 10).map((t) => t.number)).toEqual(['A001', 'A002', 'A003']);
  });

  it('will not preview a counter left with no service or unchanged, or a diversion of more than wait', () => {
    expect(choiceProblem({ action: 'reassign-counter', counterId: 'c4', serviceIds: [] }, hall)).toBe('no-services');
    expect(choiceProblem({ action: 'reassign-counter', counterId: 'c4', serviceIds: ['fx', 'cash'] }, hall)).toBe('unchanged');
    expect(choiceProblem({ action: 'reassign-counter', counterId: 'c4', serviceIds: ['fx'] }, hall)).toBeNull();
    expect(choiceProblem({ action: 'divert', serviceId: 'cash', count: 4 }, hall)).toBe('too-few-waiting');
    expect(choiceProblem({ action: 'divert', serviceId: 'cash', count: 3 }, hall)).toBeNull();
    expect(choiceProblem({ action: 'open-counter', counterId: 'c4', tellerId: null }, hall)).toBeNull();
  });

  it('asks the forecast exactly what the server takes (the teller does not change the forecast)', () => {
    expect(whatIfBody({ action: 'open-counter', counterId: 'c4', tellerId: 'u2' })).toEqual({ action: 'open-counter', counterId: 'c4' });
    expect(whatIfBody({ action: 'divert', serviceId: 'cash', count: 5 })).toEqual({ action: 'divert', serviceId: 'cash', count: 5 });
    expect(whatIfBody({ action: 'reassign-counter', counterId: 'c2', serviceIds: ['fx'] })).toEqual({ action: 'reassign-counter', counterId: 'c2', serviceIds: ['fx'] });
  });

  it('offers active tellers of the branch who hold no open or paused counter, by name', () => {
    const users = [
      user('u10', 'Teller 10'),
      user('u1', 'Teller 1'),
      user('u2', 'Teller 2'),
      user('u3', 'Teller 3', { active: false }),
      user('m', 'Lobby manager', { role: 'manager' }),
      user('u5', 'Teller 5'),
    ];
    const counters = [counter(1, { status: 'open', tellerId: 'u1' }), counter(5, { status: 'paused', tellerId: 'u5' }), counter(2, { status: 'closed', tellerId: 'u2' })];
    expect(availableTellers(users, counters).map((u) => u.id)).toEqual(['u2', 'u10']);
  });
});

const range = (median: number, p10: number, p90: number) => ({ median, p10, p90 });
const forecast: WhatIfForecast = {
  horizonMinutes: 60,
  runs: 200,
  baseline: { longestWaitSeconds: range(1090, 840, 1500), meanWaitSeconds: range(480, 300, 660), waitingAtEnd: range(6, 3, 9) },
  withAction: { longestWaitSeconds: range(560, 420, 780), meanWaitSeconds: range(470, 290, 640), waitingAtEnd: range(6.4, 2, 9) },
};

describe('what-if forecast', () => {
  it('shows waits in whole minutes with the 10–90% range', () => {
    expect(minuteRange(forecast.baseline.longestWaitSeconds)).toEqual({ median: 18, low: 14, high: 25 });
    expect(rangeText({ median: 18, low: 14, high: 25 })).toBe('14–25');
    expect(rangeText({ median: 0, low: 0, high: 0 })).toBe('0');
  });

  it('compares longest wait, mean wait and people left waiting, without and with the action', () => {
    const [longest, mean, left] = forecastRows(forecast);
    expect(longest).toMatchObject({ measure: 'longestWaitSeconds', change: -9, effect: 'better', withAction: { median: 9, low: 7, high: 13 } });
    // 8.0 and 7.8 minutes are both "8 min": no difference a customer would notice.
    expect(mean).toMatchObject({ measure: 'meanWaitSeconds', change: 0, effect: 'same' });
    expect(left).toMatchObject({ measure: 'waitingAtEnd', baseline: { median: 6, low: 3, high: 9 }, withAction: { median: 6, low: 2, high: 9 }, effect: 'same' });
  });

  it('says which way the action moves a figure', () => {
    expect(effectOf(18, 9)).toBe('better');
    expect(effectOf(9, 18)).toBe('worse');
    expect(changeText(-9)).toBe('−9');
    expect(changeText(3)).toBe('+3');
    expect(changeText(0)).toBe('0');
  });
});
