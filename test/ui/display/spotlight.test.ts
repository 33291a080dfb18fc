import { describe, expect, it } from 'vitest';
import type { RecentCall } from '../../../protocol/index.js';
import { FLASH_MS, Spotlight } from '../../../display-ui/src/logic/spotlight.js';

const call = (number: string, at: string, recall = false): RecentCall => ({
  ticketId: `t-${number}`,
  number,
  serviceId: 'demo-a',
  counterId: 'demo-counter-3',
  counterNumber: 3,
  at,
  recall,
});

describe('Spotlight', () => {
  const a023 = call('A023', '2026-11-23T02:00:00.000Z');
  const a024 = call('A024', '2026-11-23T02:01:00.000Z');

  it('shows the latest call of the day, steady, before anything is announced', () => {
    const spotlight = new Spotlight();
    expect(spotlight.call([a024, a023])).toBe(a024);
    expect(spotlight.isFlashing(0)).toBe(false);
    expect(spotlight.call([])).toBeNull();
  });

  it(`flashes a call for ${FLASH_MS / 1000} seconds when it is announced, then holds it steady`, () => {
    const spotlight = new Spotlight();
    spotlight.show(a023, 1_000);
    expect(spotlight.isFlashing(1_000)).toBe(true);
    expect(spotlight.isFlashing(1_000 + FLASH_MS - 1)).toBe(true);
    expect(spotlight.flashRemaining(1_000 + FLASH_MS - 1_000)).toBe(1_000);
    expect(spotlight.isFlashing(1_000 + FLASH_MS)).toBe(false);
    expect(spotlight.flashRemaining(1_000 + FLASH_MS + 5)).toBe(0);
    expect(spotlight.call([a023])).toBe(a023);
  });

  it('keeps the call being announced in the big area while newer calls wait their turn', () => {
    const spotlight = new Spotlight();
    spotlight.show(a023, 0);
    expect(spotlight.call([a024, a023])).toBe(a023);
  });

  it('flashes again for a recall of the same ticket', () => {
    const spotlight = new Spotlight();
    spotlight.show(a023, 0);
    const recall = call('A023', '2026-11-23T02:03:00.000Z', true);
    spotlight.show(recall, 10_000);
    expect(spotlight.isFlashing(10_000 + FLASH_MS - 1)).toBe(true);
    expect(spotlight.call([recall, a023])).toBe(recall);
  });

  it("lets go of a call that is no longer one of today's", () => {
    const spotlight = new Spotlight();
    spotlight.show(a023, 0);
    expect(spotlight.call([])).toBeNull();
  });
});
