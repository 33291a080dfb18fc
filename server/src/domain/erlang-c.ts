// Erlang C (M/M/c queue) for sizing bank counters. Pure; its results are the protocol's
// ErlangCFigures and StaffingPlan, as the tools routes send them.
//
// The textbook formula uses A^c / c!, which overflows a double long before
// c = 500 (480^500 alone is ~1e1340). Erlang B's recursion keeps every
// intermediate value in [0, 1], so we compute B that way and convert it to C.

import type { ErlangCFigures, StaffingPlan } from '../../../protocol/forecast-schemas.js';

/** Raised for inputs the model cannot handle; `code` lets callers branch without parsing text. */
export class ErlangCError extends Error {
  constructor(
    readonly code: 'OVER_CAPACITY' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'ErlangCError';
  }
}

function invalid(message: string): never {
  throw new ErlangCError('INVALID_INPUT', message);
}

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) invalid(`${name} must be a finite number >= 0, got ${value}`);
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) invalid(`${name} must be a finite number > 0, got ${value}`);
}

function requireCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) invalid(`${name} must be an integer >= ${min}, got ${value}`);
}

function overCapacity(trafficErlangs: number, counters: number): never {
  throw new ErlangCError(
    'OVER_CAPACITY',
    `offered load ${trafficErlangs.toFixed(1)} Erlangs needs more than ${counters} counters`,
  );
}

/** Erlang B blocking probability for `servers` (integer >= 0; B(A, 0) = 1) offered `trafficErlangs`. */
export function erlangB(trafficErlangs: number, servers: number): number {
  requireNonNegative('trafficErlangs', trafficErlangs);
  requireCount('servers', servers, 0);
  // B(k) = A·B(k−1) / (k + A·B(k−1)) stays in [0, 1]: no factorials, no overflow.
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    const carried = trafficErlangs * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}

/** Waiting probability, mean wait, service level and occupancy for a fixed number of counters. */
export function erlangC(input: {
  arrivalsPerHour: number;
  meanServiceSeconds: number;
  counters: number;
  targetSeconds: number;
}): ErlangCFigures {
  const { arrivalsPerHour, meanServiceSeconds, counters, targetSeconds } = input;
  requireNonNegative('arrivalsPerHour', arrivalsPerHour);
  requirePositive('meanServiceSeconds', meanServiceSeconds);
  requireCount('counters', counters, 1);
  requireNonNegative('targetSeconds', targetSeconds);

  const traffic = (arrivalsPerHour * meanServiceSeconds) / 3600;
  // With A >= c the queue grows without bound: there is no steady state to report.
  if (traffic >= counters) overCapacity(traffic, counters);

  const blocking = erlangB(traffic, counters);
  // Denominator is c − A + A·B > 0 because A < c, so this cannot divide by zero.
  const probabilityOfWaiting = (counters * blocking) / (counters - traffic * (1 - blocking));
  const spareCapacity = counters - traffic;
  return {
    probabilityOfWaiting,
    meanWaitSeconds: (probabilityOfWaiting * meanServiceSeconds) / spareCapacity,
    serviceLevel: 1 - probabilityOfWaiting * Math.exp((-spareCapacity * targetSeconds) / meanServiceSeconds),
    occupancy: traffic / counters,
    trafficErlangs: traffic,
  };
}

/**
 * Fewest counters whose service level (share served within `targetSeconds`) meets `serviceLevel`.
 * Zero arrivals still yields 1 counter (a branch cannot open with none): P(wait) 0, service level 1,
 * occupancy 0, mean wait 0. Throws OVER_CAPACITY when more than `maxCounters` (default 1000) are needed.
 */
export function staffing(input: {
  arrivalsPerHour: number;
  meanServiceSeconds: number;
  targetSeconds: number;
  serviceLevel: number;
  maxCounters?: number;
}): StaffingPlan {
  const { arrivalsPerHour, meanServiceSeconds, targetSeconds, serviceLevel, maxCounters = 1000 } = input;
  requireNonNegative('arrivalsPerHour', arrivalsPerHour);
  requirePositive('meanServiceSeconds', meanServiceSeconds);
  requireNonNegative('targetSeconds', targetSeconds);
  requireCount('maxCounters', maxCounters, 1);
  if (!(serviceLevel > 0 && serviceLevel < 1)) invalid(`serviceLevel must be in (0, 1), got ${serviceLevel}`);

  const traffic = (arrivalsPerHour * meanServiceSeconds) / 3600;
  // floor(A) + 1 is the smallest c with A < c, i.e. the first stable queue.
  for (let counters = Math.floor(traffic) + 1; counters <= maxCounters; counters++) {
    const result = erlangC({ arrivalsPerHour, meanServiceSeconds, counters, targetSeconds });
    if (result.serviceLevel >= serviceLevel) return { ...result, counters };
  }
  return overCapacity(traffic, maxCounters);
}
