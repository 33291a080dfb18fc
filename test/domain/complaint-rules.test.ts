import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../protocol/record-kinds.js';
import {
  addWorkingDays,
  checkEdit,
  editableFields,
  isOverdue,
  monthRange,
  monthsBetween,
  replyDueAt,
  startOfDay,
  transition,
  type ComplaintAction,
} from '../../server/src/domain/complaint-rules.js';

const shanghai = { timeZone: 'Asia/Shanghai', holidays: [] as string[] };

describe('the reply deadline', () => {
  // 2026-11-20 is a Friday; 2026-11-23 a Monday.
  it.each([
    ['Friday 16:00, 2 working days: due at the end of Tuesday', '2026-11-20T08:00:00.000Z', 2, shanghai, '2026-11-24T15:59:59.999Z'],
    ['Monday 09:00, 2 working days: the day of receipt does not count', '2026-11-23T01:00:00.000Z', 2, shanghai, '2026-11-25T15:59:59.999Z'],
    ['Saturday: counting starts on Monday', '2026-11-21T03:00:00.000Z', 1, shanghai, '2026-11-23T15:59:59.999Z'],
    ['Sunday 23:30 branch time (15:30 UTC): still Sunday, due end of Monday', '2026-11-22T15:30:00.000Z', 1, shanghai, '2026-11-23T15:59:59.999Z'],
    ['Monday 00:30 branch time is Sunday in UTC: the branch calendar decides', '2026-11-22T16:30:00.000Z', 1, shanghai, '2026-11-24T15:59:59.999Z'],
    [
      'a holiday on Monday is skipped',
      '2026-11-20T08:00:00.000Z',
      2,
      { timeZone: 'Asia/Shanghai', holidays: ['2026-11-23'] },
      '2026-11-25T15:59:59.999Z',
    ],
    [
      'a week of holidays (National Day) is skipped',
      '2026-09-30T02:00:00.000Z',
      2,
      { timeZone: 'Asia/Shanghai', holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] },
      '2026-10-09T15:59:59.999Z',
    ],
    ['Hong Kong has the same offset as Shanghai', '2026-11-20T08:00:00.000Z', 2, { timeZone: 'Asia/Hong_Kong', holidays: [] }, '2026-11-24T15:59:59.999Z'],
    ['London in winter: UTC', '2026-11-20T16:00:00.000Z', 2, { timeZone: 'Europe/London', holidays: [] }, '2026-11-24T23:59:59.999Z'],
    ['London in summer: end of day is 22:59 UTC', '2026-07-03T15:00:00.000Z', 2, { timeZone: 'Europe/London', holidays: [] }, '2026-07-07T22:59:59.999Z'],
    [
      'across the clocks going back in London (25 October 2026)',
      '2026-10-23T15:00:00.000Z',
      1,
      { timeZone: 'Europe/London', holidays: [] },
      '2026-10-26T23:59:59.999Z',
    ],
    ['New York, west of Greenwich: Friday evening there is Saturday in UTC', '2026-11-20T23:00:00.000Z', 2, { timeZone: 'America/New_York', holidays: [] }, '2026-11-25T04:59:59.999Z'],
    ['30 working days: six weeks', '2026-11-23T02:00:00.000Z', 30, shanghai, '2027-01-04T15:59:59.999Z'],
  ])('%s', (_case, receivedAt, workingDays, calendar, due) => {
    expect(replyDueAt(new Date(receivedAt), workingDays, calendar).toISOString()).toBe(due);
  });

  it.each([
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-20', 5, '2026-11-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-02-27', 1, '2026-03-02'],
  ])('the %s working day plus %i is %s', (day, count, expected) => {
    expect(addWorkingDays(day, count, shanghai)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 'Asia/Shanghai', '2026-11-22T16:00:00.000Z'],
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z'],
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z'],
    ['2026-03-30', 'Europe/London', '2026-03-29T23:00:00.000Z'],
    ['2026-11-23', 'America/New_York', '2026-11-23T05:00:00.000Z'],
  ])('the day %s begins in %s at %s', (day, zone, instant) => {
    expect(startOfDay(day, zone).toISOString()).toBe(instant);
  });
});

describe('states', () => {
  it.each<[ComplaintStatus, ComplaintAction, string]>([
    ['open', 'reply', 'replied'],
    ['reopened', 'reply', 'replied'],
    ['replied', 'close', 'closed'],
    ['closed', 'reopen', 'reopened'],
  ])('%s, %s: %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ status: to });
  });

  it.each<[ComplaintStatus, ComplaintAction, string]>([
    ['closed', 'reply', 'RECORD_LOCKED'],
    ['closed', 'close', 'RECORD_LOCKED'],
    ['replied', 'reply', 'INVALID_TRANSITION'],
    ['open', 'close', 'INVALID_TRANSITION'],
    ['reopened', 'close', 'INVALID_TRANSITION'],
    ['open', 'reopen', 'INVALID_TRANSITION'],
    ['replied', 'reopen', 'INVALID_TRANSITION'],
    ['reopened', 'reopen', 'INVALID_TRANSITION'],
  ])('%s, %s: refused with %s', (from, action, code) => {
    expect(transition(from, action)).toMatchObject({ refused: code });
  });
});

describe('edits', () => {
  it('locks a closed complaint entirely', () => {
    expect(editableFields('closed')).toEqual([]);
    expect(checkEdit('closed', ['content'])).toMatchObject({ refused: 'RECORD_LOCKED' });
    expect(checkEdit('closed', ['handlerId'])).toMatchObject({ refused: 'RECORD_LOCKED' });
  });

  it.each<[ComplaintStatus, string[], boolean]>([
    ['open', ['content', 'category', 'customerPhone', 'handlerId', 'rootCause'], true],
    ['open', ['reply'], false],
    ['reopened', ['reply'], false],
    ['reopened', ['outcome', 'fix'], true],
    ['replied', ['reply', 'content', 'outcome'], true],
    ['closed', [], true],
  ])('%s, editing %j: allowed %s', (status, fields, allowed) => {
    expect('ok' in checkEdit(status, fields)).toBe(allowed);
  });
});

describe('overdue', () => {
  const now = new Date('2026-11-25T02:00:00.000Z');
  it.each<[ComplaintStatus, string, boolean]>([
    ['open', '2026-11-24T15:59:59.999Z', true],
    ['reopened', '2026-11-24T15:59:59.999Z', true],
    ['open', '2026-11-25T15:59:59.999Z', false],
    ['replied', '2026-11-24T15:59:59.999Z', false],
    ['closed', '2026-11-24T15:59:59.999Z', false],
  ])('%s, due %s: overdue %s', (status, due, overdue) => {
    expect(isOverdue({ status, replyDueAt: due }, now)).toBe(overdue);
  });
});

describe('months', () => {
  it('takes a branch month from its first midnight to the next month’s', () => {
    expect(monthRange('2026-11', '2026-11', 'Asia/Shanghai')).toEqual({
      start: new Date('2026-10-31T16:00:00.000Z'),
      end: new Date('2026-11-30T16:00:00.000Z'),
    });
  });

  it('lists the months of a range across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
