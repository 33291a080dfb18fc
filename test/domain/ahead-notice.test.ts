import { describe, expect, it } from 'vitest';
import { emptyAheadWatch, watchAhead, type AheadWatch } from '../../server/src/domain/ahead-notice.js';

/** Runs the looks one after another with pushAheadCount 3; the tickets told at each look. */
function told(looks: Record<string, number>[], aheadCount = 3): string[][] {
  let watch: AheadWatch = emptyAheadWatch();
  return looks.map((look) => {
    const result = watchAhead(watch, Object.entries(look), aheadCount);
    watch = result.watch;
    return result.tell;
  });
}

describe('telling a customer "N people ahead"', () => {
  it.each([
    ['when the ticket moves from more than N to N ahead', [{ a: 4 }, { a: 3 }], [[], ['a']]],
    ['when two calls at once move it past N', [{ a: 5 }, { a: 2 }], [[], ['a']]],
    ['once only, however much closer it comes', [{ a: 4 }, { a: 3 }, { a: 2 }, { a: 0 }], [[], ['a'], [], []]],
    ['never when it was already that close at the first look', [{ a: 2 }, { a: 1 }], [[], []]],
    ['not again after a VIP pushes it back behind N and it comes forward', [{ a: 4 }, { a: 3 }, { a: 4 }, { a: 3 }], [[], ['a'], [], []]],
    ['not while it stays behind N', [{ a: 9 }, { a: 8 }, { a: 4 }], [[], [], []]],
    ['each ticket for itself', [{ a: 4, b: 5 }, { a: 3, b: 4 }, { b: 3 }], [[], ['a'], ['b']]],
    ['afresh for a ticket that left the queue and waits again (re-queued), silently when it is close', [{ a: 4 }, { a: 3 }, {}, { a: 1 }], [[], ['a'], [], []]],
  ] as const)('%s', (_, looks, expected) => {
    expect(told(looks as unknown as Record<string, number>[])).toEqual(expected);
  });

  it('follows the branch’s setting', () => {
    expect(told([{ a: 6 }, { a: 5 }], 5)).toEqual([[], ['a']]);
    expect(told([{ a: 2 }, { a: 1 }], 1)).toEqual([[], ['a']]);
  });
});
