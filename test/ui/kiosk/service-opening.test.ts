import { describe, expect, it } from 'vitest';
import { openingText } from '../../../kiosk-ui/src/logic/opening-text.js';
import { clockTime, nextOpeningWhen, openingOf, takesTickets, waitIsPromise } from '../../../kiosk-ui/src/logic/service-opening.js';
import type { QueueSummary } from '../../../protocol/index.js';

const TZ = 'Asia/Hong_Kong';
/** 08:30 in Hong Kong on Monday 2026-11-23. */
const NOW = new Date('2026-11-23T00:30:00.000Z');

const queue = (overrides: Partial<QueueSummary> = {}): QueueSummary => ({
  serviceId: 'demo-a',
  waitingCount: 0,
  longestWaitSeconds: 0,
  estimatedWaitSeconds: 300,
  openCounters: 0,
  ...overrides,
});

describe('whether a service takes tickets', () => {
  it('is open when an older server says nothing', () => {
    expect(openingOf(queue())).toBe('open');
    expect(openingOf(undefined)).toBe('open');
  });

  it.each([
    ['open', true, true],
    ['opens_later', true, false],
    ['no_counter', true, false],
    ['not_issuing_yet', false, false],
    ['cut_off', false, false],
    ['quota_reached', false, false],
    ['closed_today', false, false],
  ] as const)('%s: tickets %s, minutes promised %s', (opening, tickets, promise) => {
    expect(takesTickets(opening)).toBe(tickets);
    expect(waitIsPromise(opening)).toBe(promise);
  });
});

describe('times in branch time', () => {
  it('reads a clock as the branch does, without a leading zero', () => {
    expect(clockTime('2026-11-23T01:00:00.000Z', TZ)).toBe('9:00');
    expect(clockTime('2026-11-23T08:30:00.000Z', TZ)).toBe('16:30');
  });

  it('says today, tomorrow, or the day and date', () => {
    expect(nextOpeningWhen('2026-11-23T01:00:00.000Z', NOW, TZ, 'en')).toEqual({ day: 'today', time: '9:00' });
    expect(nextOpeningWhen('2026-11-24T01:00:00.000Z', NOW, TZ, 'en')).toEqual({ day: 'tomorrow', time: '9:00' });
    expect(nextOpeningWhen('2026-11-26T01:00:00.000Z', NOW, TZ, 'zh-Hant')).toMatchObject({ day: 'later', time: '9:00', weekday: '週四' });
  });
});

describe('what a tile says', () => {
  it('an open service: nothing in place of the estimate', () => {
    expect(openingText(queue({ opening: 'open', openCounters: 2 }), NOW, TZ, 'en')).toEqual({ closed: false, headline: null, detail: null });
  });

  it('before the counters open: when service starts, not a minutes promise', () => {
    const text = openingText(queue({ opening: 'opens_later', servedFrom: '2026-11-23T01:00:00.000Z' }), NOW, TZ, 'en');
    expect(text).toEqual({ closed: false, headline: 'Counters open at 9:00', detail: null });
  });

  it('with no counter planned: says so', () => {
    expect(openingText(queue({ opening: 'no_counter' }), NOW, TZ, 'en').headline).toBe('No counter serving now');
  });

  it('closed: the reason and the next opening', () => {
    expect(openingText(queue({ opening: 'cut_off', nextOpeningAt: '2026-11-24T01:00:00.000Z' }), NOW, TZ, 'en')).toEqual({
      closed: true,
      headline: 'Tickets closed for today',
      detail: 'Next tickets: tomorrow 9:00',
    });
    expect(openingText(queue({ opening: 'not_issuing_yet', nextOpeningAt: '2026-11-23T01:00:00.000Z' }), NOW, TZ, 'en')).toMatchObject({
      closed: true,
      headline: 'Not open yet',
      detail: 'Next tickets: 9:00',
    });
    expect(openingText(queue({ opening: 'quota_reached' }), NOW, TZ, 'en')).toEqual({ closed: true, headline: "Today's tickets are all taken", detail: null });
    expect(openingText(queue({ opening: 'closed_today' }), NOW, TZ, 'en').headline).toBe('Closed today');
  });

  it('hints at a near cut-off or a nearly used quota, and not at a far one', () => {
    expect(openingText(queue({ opening: 'open', cutOffAt: '2026-11-23T01:00:00.000Z' }), NOW, TZ, 'en').detail).toBe('Last tickets at 9:00');
    expect(openingText(queue({ opening: 'open', cutOffAt: '2026-11-23T08:30:00.000Z' }), NOW, TZ, 'en').detail).toBeNull();
    expect(openingText(queue({ opening: 'open', quotaLeft: 8 }), NOW, TZ, 'en').detail).toBe('8 tickets left today');
    expect(openingText(queue({ opening: 'open', quotaLeft: 80 }), NOW, TZ, 'en').detail).toBeNull();
  });
});
