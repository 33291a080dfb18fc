import { describe, expect, it } from 'vitest';
import { branchClock, elapsedMinutes, elapsedSeconds, estimateMinutes, longestWaitNow, serverClockOffset, wholeMinutes } from '../../../../manager-ui/src/logic/wait-time.js';

const at = (iso: string) => Date.parse(iso);

describe('wait formatting', () => {
  it('counts whole minutes waited, rounding down until the minute is full', () => {
    const issued = '2026-11-22T06:00:00.000Z';
    expect(elapsedMinutes(issued, at('2026-11-22T06:00:59.000Z'))).toBe(0);
    expect(elapsedMinutes(issued, at('2026-11-22T06:01:00.000Z'))).toBe(1);
    expect(elapsedMinutes(issued, at('2026-11-22T06:18:42.000Z'))).toBe(18);
  });

  it('never shows a negative wait when the tablet clock is behind the server', () => {
    expect(elapsedSeconds('2026-11-22T06:00:10.000Z', at('2026-11-22T06:00:00.000Z'))).toBe(0);
    expect(elapsedMinutes('2026-11-22T06:05:00.000Z', at('2026-11-22T06:00:00.000Z'))).toBe(0);
  });

  it('treats an unreadable timestamp as no wait rather than NaN', () => {
    expect(elapsedSeconds('not a time', Date.now())).toBe(0);
  });

  it('rounds estimates up, so the customer is not promised less than expected', () => {
    expect(estimateMinutes(0)).toBe(0);
    expect(estimateMinutes(1)).toBe(1);
    expect(estimateMinutes(600)).toBe(10);
    expect(estimateMinutes(601)).toBe(11);
    expect(wholeMinutes(659)).toBe(10);
  });

  it("ages the server's longest wait by the time since the snapshot", () => {
    const queue = { waitingCount: 3, longestWaitSeconds: 840 };
    expect(longestWaitNow(queue, '2026-11-22T06:00:00.000Z', at('2026-11-22T06:01:30.000Z'))).toBe(930);
  });

  it('reports no wait for an empty queue however old the snapshot is', () => {
    expect(longestWaitNow({ waitingCount: 0, longestWaitSeconds: 0 }, '2026-11-22T06:00:00.000Z', at('2026-11-22T07:00:00.000Z'))).toBe(0);
  });

  it("measures how far the local clock is from the server's", () => {
    expect(serverClockOffset('2026-11-22T06:00:05.000Z', at('2026-11-22T06:00:00.000Z'))).toBe(5000);
    expect(serverClockOffset('garbage', 0)).toBe(0);
  });
});

describe('branchClock', () => {
  it("names the calendar's times in the branch's zone, as its signs do", () => {
    expect(branchClock('2026-11-23T01:00:00.000Z', 'Asia/Shanghai')).toBe('9:00');
    expect(branchClock('2026-11-23T05:30:00.000Z', 'Asia/Hong_Kong')).toBe('13:30');
    expect(branchClock('2026-11-23T01:00:00.000Z', 'Europe/London')).toBe('1:00');
  });
});
