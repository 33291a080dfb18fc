import { describe, expect, it } from 'vitest';
import {
  activeSurvey,
  figuresBy,
  questionsEditable,
  ratedShare,
  ratingContent,
  ratingWindow,
  scoreFigures,
  surveyAnswer,
  surveyAnswerable,
  surveyDates,
  surveyFigures,
  type RatedTicket,
} from '../../server/src/domain/rating-rules.js';

const ENDED = '2026-11-23T02:00:00.000Z';
const done: RatedTicket = { status: 'done', endedAt: ENDED, businessDay: '2026-11-23' };
const after = (seconds: number) => new Date(Date.parse(ENDED) + seconds * 1000);
const codeOf = (v: { ok: boolean; code?: string }) => (v.ok ? 'ok' : v.code);

describe('when a ticket may be rated', () => {
  it.each([
    ['a done ticket at the counter 10 s after completion', done, false, 'counter', 10, '2026-11-23', 'ok'],
    ['at the counter at 2 minutes exactly', done, false, 'counter', 120, '2026-11-23', 'ok'],
    ['at the counter after 2 minutes', done, false, 'counter', 121, '2026-11-23', 'ALREADY_RATED'],
    ['on the phone hours later the same day', done, false, 'mobile', 6 * 3600, '2026-11-23', 'ok'],
    ['on the phone the next business day', done, false, 'mobile', 20 * 3600, '2026-11-24', 'ALREADY_RATED'],
    ['a second time', done, true, 'counter', 5, '2026-11-23', 'ALREADY_RATED'],
    ['while still served', { ...done, status: 'serving', endedAt: null }, false, 'counter', 5, '2026-11-23', 'INVALID_TRANSITION'],
    ['while waiting, on the phone', { ...done, status: 'waiting', endedAt: null }, false, 'mobile', 5, '2026-11-23', 'INVALID_TRANSITION'],
    ['a no-show', { ...done, status: 'no_show' }, false, 'mobile', 5, '2026-11-23', 'INVALID_TRANSITION'],
  ] as const)('%s → %s', (_case, ticket, alreadyRated, source, seconds, today, expected) => {
    expect(codeOf(ratingWindow({ ticket: ticket as RatedTicket, alreadyRated, source, now: after(seconds), today }))).toBe(expected);
  });
});

describe('what a rating may say', () => {
  it.each([
    [{ score: 5 }, 'ok'],
    [{ score: 3 }, 'ok'],
    [{ score: 1 }, 'ok'],
    [{ score: 2, reason: 'waiting_time' }, 'ok'],
    [{ score: 1, reason: 'other', comment: 'The form was wrong' }, 'ok'],
    [{ score: 4, reason: 'staff_attitude' }, 'VALIDATION_FAILED'],
    [{ score: 1, comment: 'no reason given' }, 'VALIDATION_FAILED'],
    [{ score: 2, reason: 'other', comment: '   ' }, 'VALIDATION_FAILED'],
  ] as const)('%j → %s', (body, expected) => {
    expect(codeOf(ratingContent(body))).toBe(expected);
  });

  it('names the field it refuses', () => {
    expect(ratingContent({ score: 5, reason: 'other' })).toMatchObject({ message: expect.stringMatching(/^body\/reason/) });
    expect(ratingContent({ score: 1, comment: 'x' })).toMatchObject({ message: expect.stringMatching(/^body\/comment/) });
  });
});

describe('surveys', () => {
  const autumn = { id: 'autumn', startsOn: '2026-09-01', endsOn: '2026-11-30' };
  const winter = { id: 'winter', startsOn: '2026-12-01', endsOn: '2027-02-28' };

  it.each([
    ['2026-08-31', undefined],
    ['2026-09-01', 'autumn'],
    ['2026-11-30', 'autumn'],
    ['2026-12-01', 'winter'],
    ['2027-03-01', undefined],
  ])('the survey running on %s is %s', (day, expected) => {
    expect(activeSurvey([autumn, winter], day)?.id).toBe(expected);
  });

  it.each([
    ['in order, overlapping nothing', { id: 'spring', startsOn: '2027-03-01', endsOn: '2027-05-31' }, 'ok'],
    ['ending before it starts', { id: 'spring', startsOn: '2027-05-31', endsOn: '2027-03-01' }, 'VALIDATION_FAILED'],
    ['one day over another', { id: 'spring', startsOn: '2027-02-28', endsOn: '2027-05-31' }, 'CONFLICT'],
    ['a survey moved within its own dates', { id: 'winter', startsOn: '2026-12-15', endsOn: '2027-02-28' }, 'ok'],
    ['a single day', { id: 'day', startsOn: '2027-06-01', endsOn: '2027-06-01' }, 'ok'],
  ])('dates %s → %s', (_case, dates, expected) => {
    expect(codeOf(surveyDates(dates, [autumn, winter]))).toBe(expected);
  });

  it.each([
    [0, ['a', 'b'], ['a', 'c'], 'ok'],
    [3, ['a', 'b'], ['a', 'c'], 'RECORD_LOCKED'],
    [3, ['a', 'b'], ['a', 'b'], 'ok'],
    [3, ['a', 'b'], undefined, 'ok'],
  ] as const)('with %i answers, questions %j → %j: %s', (answers, before, next, expected) => {
    expect(codeOf(questionsEditable(answers, before, next))).toBe(expected);
  });

  it.each([
    ['a done ticket of today, first answer', done, false, '2026-11-23', 'ok'],
    ['a second answer', done, true, '2026-11-23', 'ALREADY_RATED'],
    ['a ticket of yesterday', done, false, '2026-11-24', 'ALREADY_RATED'],
    ['a ticket still waiting', { ...done, status: 'waiting', endedAt: null }, false, '2026-11-23', 'INVALID_TRANSITION'],
  ] as const)('answering: %s → %s', (_case, ticket, answered, today, expected) => {
    expect(codeOf(surveyAnswerable(ticket as RatedTicket, answered, today))).toBe(expected);
  });

  it.each([
    [2, [5, 4], undefined, 'ok'],
    [2, [5, null], undefined, 'ok'],
    [2, [null, null], 'More seats', 'ok'],
    [2, [null, null], undefined, 'VALIDATION_FAILED'],
    [2, [null, null], '  ', 'VALIDATION_FAILED'],
    [3, [5, 4], undefined, 'VALIDATION_FAILED'],
  ] as const)('%i questions answered %j (suggestion %j) → %s', (questions, scores, suggestion, expected) => {
    expect(codeOf(surveyAnswer(questions, scores, suggestion))).toBe(expected);
  });
});

describe('figures', () => {
  it('counts each score and takes the mean, leaving out what was not answered', () => {
    expect(scoreFigures([5, 5, 4, 1, null])).toEqual({ rated: 4, counts: [1, 0, 0, 1, 2], mean: 3.75 });
    expect(scoreFigures([])).toEqual({ rated: 0, counts: [0, 0, 0, 0, 0], mean: null });
  });

  it('groups by teller, most rated first, keeping the unknown teller apart', () => {
    const rows = [
      { teller: 'a', score: 5 },
      { teller: 'b', score: 1 },
      { teller: 'b', score: 3 },
      { teller: null, score: 4 },
    ];
    expect(figuresBy(rows, (r) => r.teller, (r) => r.score)).toEqual([
      { key: 'b', figures: { rated: 2, counts: [1, 0, 1, 0, 0], mean: 2 } },
      { key: 'a', figures: { rated: 1, counts: [0, 0, 0, 0, 1], mean: 5 } },
      { key: null, figures: { rated: 1, counts: [0, 0, 0, 1, 0], mean: 4 } },
    ]);
  });

  it('gives each question its own counts', () => {
    expect(surveyFigures(['wait', 'staff'], [[5, null], [4, 2], [5, 2]])).toEqual([
      { question: 'wait', rated: 3, counts: [0, 0, 0, 1, 2], mean: 4.67 },
      { question: 'staff', rated: 2, counts: [0, 2, 0, 0, 0], mean: 2 },
    ]);
  });

  it.each([
    [0, 0, null],
    [0, 10, 0],
    [3, 4, 0.75],
    [1, 3, 0.333],
  ])('%i rated of %i done is a share of %s', (rated, done, expected) => {
    expect(ratedShare(rated, done)).toBe(expected);
  });
});
