import { describe, expect, it } from 'vitest';
import type { RecentCall } from '../../../protocol/index.js';
import { BESIDE_MAX, BESIDE_WITHIN_MS, FLASH_MS, Spotlight, spotlightGroup } from '../../../display-ui/src/logic/spotlight.js';

const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const call = (number: string, counterNumber: number, seconds: number, recall = false): RecentCall => ({
  ticketId: `t-${number}`,
  number,
  serviceId: 'demo-a',
  counterId: `demo-counter-${counterNumber}`,
  counterNumber,
  at: at(seconds),
  recall,
});
const atCounter = (calls: RecentCall[]) => new Set(calls.map((c) => c.ticketId));
const names = (calls: RecentCall[]) => calls.map((c) => `${c.number}→${c.counterNumber}`);

describe('spotlightGroup: what the big area shows', () => {
  it('shows nothing before the first call of the day', () => {
    expect(spotlightGroup([], new Set(), T0)).toEqual({ newest: null, beside: [] });
  });

  it('puts the newest call first and every other call of the same second beside it, at once', () => {
    const together = [call('A004', 4, 0), call('A003', 3, 0), call('A002', 2, 0), call('A001', 1, 0)];
    const group = spotlightGroup(together, atCounter(together), T0 + 500);
    expect(group.newest?.number).toBe('A004');
    expect(names(group.beside)).toEqual(['A003→3', 'A002→2', 'A001→1']);
  });

  it(`keeps a call beside the newest for ${BESIDE_WITHIN_MS / 1000} s, then lets it go`, () => {
    const calls = [call('A002', 2, 20), call('A001', 1, 0)];
    expect(names(spotlightGroup(calls, atCounter(calls), T0 + BESIDE_WITHIN_MS).beside)).toEqual(['A001→1']);
    expect(names(spotlightGroup(calls, atCounter(calls), T0 + BESIDE_WITHIN_MS + 1).beside)).toEqual([]);
    // The newest stays in the big area however old it is, until the next call.
    expect(spotlightGroup(calls, atCounter(calls), T0 + 3_600_000).newest?.number).toBe('A002');
  });

  it("shows one call per counter: a counter's earlier number is finished once it calls the next", () => {
    const calls = [call('A003', 1, 20), call('A002', 2, 10), call('A001', 1, 0)];
    expect(names(spotlightGroup(calls, atCounter(calls), T0 + 21_000).beside)).toEqual(['A002→2']);
  });

  it('leaves out a call whose customer is already being served or done: only numbers still called stand beside', () => {
    const calls = [call('A003', 3, 20), call('A002', 2, 10), call('A001', 1, 0)];
    const stillCalled = new Set(['t-A003', 't-A001']);
    expect(names(spotlightGroup(calls, stillCalled, T0 + 21_000).beside)).toEqual(['A001→1']);
  });

  it('shows a recalled ticket once, at its recall, flashing as new', () => {
    const calls = [call('A001', 1, 20, true), call('A002', 2, 10), call('A001', 1, 0)];
    const group = spotlightGroup(calls, atCounter(calls), T0 + 21_000);
    expect(group.newest).toMatchObject({ number: 'A001', recall: true });
    expect(names(group.beside)).toEqual(['A002→2']);
  });

  it(`holds at most ${BESIDE_MAX} calls beside the newest, the most recent`, () => {
    const calls = [8, 7, 6, 5, 4, 3, 2, 1].map((n) => call(`A00${n}`, n, n));
    const group = spotlightGroup(calls, atCounter(calls), T0 + 10_000);
    expect(group.newest?.number).toBe('A008');
    expect(names(group.beside)).toEqual(['A007→7', 'A006→6', 'A005→5', 'A004→4', 'A003→3']);
  });
});

describe('Spotlight: which calls flash', () => {
  const a1 = call('A001', 1, 0);
  const a2 = call('A002', 2, 0);

  it('flashes nothing that has not arrived while the display watched (a start-up shows the board steady)', () => {
    const spotlight = new Spotlight();
    expect(spotlight.isFlashing(a1, 0)).toBe(false);
    expect(spotlight.anyFlashing(0)).toBe(false);
    expect(spotlight.isFlashing(null, 0)).toBe(false);
  });

  it(`flashes each call that arrives for ${FLASH_MS / 1000} s, several at once`, () => {
    const spotlight = new Spotlight();
    spotlight.arrived(a1, 1_000);
    spotlight.arrived(a2, 1_000);
    expect(spotlight.isFlashing(a1, 1_000 + FLASH_MS - 1)).toBe(true);
    expect(spotlight.isFlashing(a2, 1_000 + FLASH_MS - 1)).toBe(true);
    expect(spotlight.isFlashing(a1, 1_000 + FLASH_MS)).toBe(false);
    expect(spotlight.anyFlashing(1_000 + FLASH_MS)).toBe(false);
  });

  it('flashes a recall of the same ticket again', () => {
    const spotlight = new Spotlight();
    spotlight.arrived(a1, 0);
    const recall = call('A001', 1, 30, true);
    spotlight.arrived(recall, 30_000);
    expect(spotlight.isFlashing(recall, 30_000 + FLASH_MS - 1)).toBe(true);
    expect(spotlight.isFlashing(a1, 30_000)).toBe(false);
  });
});
