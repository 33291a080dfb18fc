import { describe, expect, it } from 'vitest';
import type { RecentCall } from '../../../protocol/index.js';
import {
  ANNOUNCE_WITHIN_MS,
  CallTracker,
  businessDayOf,
  callKey,
  callsOfToday,
  latestCallPerCounter,
  latestCalls,
  RECENT_LIST_SIZE,
} from '../../../display-ui/src/logic/recent-calls.js';

const call = (number: string, counterNumber: number, at: string, recall = false): RecentCall => ({
  ticketId: `t-${number}`,
  number,
  serviceId: `demo-${number[0].toLowerCase()}`,
  counterId: `demo-counter-${counterNumber}`,
  counterNumber,
  at,
  recall,
});

const T0 = '2026-11-23T02:00:00.000Z';
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

describe('CallTracker', () => {
  it('does not replay the calls that were already on the board when the display starts', () => {
    const tracker = new CallTracker();
    expect(tracker.newCalls([call('A002', 1, later(5)), call('A001', 2, T0)], later(6))).toEqual([]);
  });

  it('hands out each new call once, oldest first', () => {
    const tracker = new CallTracker();
    const a1 = call('A001', 1, T0);
    tracker.newCalls([a1], later(1));
    const b1 = call('B001', 2, later(10));
    const a2 = call('A002', 3, later(10));
    expect(tracker.newCalls([a2, b1, a1], later(10))).toEqual([b1, a2]);
    expect(tracker.newCalls([a2, b1, a1], later(11))).toEqual([]);
  });

  it('treats a recall of the same ticket as a new call', () => {
    const tracker = new CallTracker();
    const first = call('A001', 1, T0);
    tracker.newCalls([first], T0);
    const recall = call('A001', 1, later(30), true);
    expect(tracker.newCalls([recall, first], later(30))).toEqual([recall]);
  });

  it('announces calls that arrive in a fresh snapshot after a reconnect, but not stale ones', () => {
    const tracker = new CallTracker();
    tracker.newCalls([], T0);
    const missedLongAgo = call('A001', 1, later(10));
    const missedJustNow = call('A002', 2, later(100));
    const snapshotAt = later(100 + ANNOUNCE_WITHIN_MS / 1000 - 1);
    expect(tracker.newCalls([missedJustNow, missedLongAgo], snapshotAt)).toEqual([missedJustNow]);
  });

  it('keys a call by ticket and time', () => {
    expect(callKey(call('A001', 1, T0))).toBe(`t-A001@${T0}`);
  });
});

describe("today's calls", () => {
  it('finds the business day in the branch time zone, not in UTC', () => {
    // 17:00 UTC is 01:00 the next morning in Shanghai.
    expect(businessDayOf('2026-11-22T17:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(businessDayOf('2026-11-22T17:00:00.000Z', 'Europe/London')).toBe('2026-11-22');
  });

  it("keeps yesterday's last numbers off the morning's screen", () => {
    const yesterday = call('A099', 1, '2026-11-22T09:30:00.000Z');
    const today = call('A001', 2, '2026-11-23T01:05:00.000Z');
    expect(callsOfToday([today, yesterday], new Date('2026-11-23T01:10:00.000Z'), 'Asia/Shanghai')).toEqual([today]);
    expect(callsOfToday([yesterday], new Date('2026-11-23T01:10:00.000Z'), 'Asia/Shanghai')).toEqual([]);
  });
});

describe('latestCallPerCounter', () => {
  it("lists each counter's latest call, newest first", () => {
    const calls = [
      call('B011', 2, later(50)),
      call('A023', 3, later(40)),
      call('A022', 2, later(30)),
      call('A021', 1, later(20)),
      call('A020', 3, later(10)),
    ];
    expect(latestCallPerCounter(calls, 6).map((c) => `${c.number}→${c.counterNumber}`)).toEqual(['B011→2', 'A023→3', 'A021→1']);
  });

  it('stops at the limit', () => {
    const calls = [1, 2, 3, 4].map((n) => call(`A00${n}`, n, later(10 - n)));
    expect(latestCallPerCounter(calls, 2).map((c) => c.counterNumber)).toEqual([1, 2]);
  });
});

describe('latestCalls: the list of recent calls', () => {
  it(`keeps the last ${RECENT_LIST_SIZE} calls, newest first, several from one counter`, () => {
    const calls = Array.from({ length: 10 }, (_, i) => call(`A0${String(10 - i).padStart(2, '0')}`, (i % 2) + 1, later(100 - i)));
    const listed = latestCalls(calls);
    expect(listed).toHaveLength(RECENT_LIST_SIZE);
    expect(listed.map((c) => c.number)).toEqual(['A010', 'A009', 'A008', 'A007', 'A006', 'A005', 'A004', 'A003']);
  });

  it('lists a recalled ticket once, at its recall', () => {
    const calls = [call('A001', 1, later(30), true), call('A002', 2, later(20)), call('A001', 1, later(10))];
    expect(latestCalls(calls).map((c) => `${c.number}${c.recall ? ' again' : ''}`)).toEqual(['A001 again', 'A002']);
  });
});
