/**
 * The rules of ratings after service (評價器) and satisfaction surveys (滿意度調查), as pure functions:
 * when a ticket may be rated, what a rating may say, which survey a day has, what an answer must
 * hold, and the figures managers read. No I/O: tested with tables of cases (test/domain/rating-rules.test.ts).
 */
import type { ErrorCode } from '../../../protocol/errors.js';
import type { RatingSource } from '../../../protocol/record-kinds.js';
import type { RatingReason } from '../../../protocol/rating-routes.js';
import type { TicketStatus } from '../../../protocol/schemas.js';

/** The counter's pad shows for 30 s; the grace covers a slow tap and the network. */
export const COUNTER_RATING_WINDOW_MS = 2 * 60_000;
/** Marks that may say why (and only they). */
export const LOW_MARKS: readonly number[] = [1, 2];

export type Refusal = { ok: false; code: ErrorCode; message: string };
export type Verdict = { ok: true } | Refusal;

const ok: Verdict = { ok: true };
const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });

export interface RatedTicket {
  status: TicketStatus;
  /** When it was completed (done); null before. */
  endedAt: string | null;
  businessDay: string;
}

export interface RatingAttempt {
  ticket: RatedTicket;
  alreadyRated: boolean;
  source: RatingSource;
  now: Date;
  /** The branch's business day at `now`. */
  today: string;
}

/**
 * Whether a ticket may be rated now: once, after it is done, within its window (2 minutes at the
 * counter; until the end of its business day on the phone).
 */
export function ratingWindow({ ticket, alreadyRated, source, now, today }: RatingAttempt): Verdict {
  if (ticket.status !== 'done' || ticket.endedAt === null) return refuse('INVALID_TRANSITION', `a ticket can be rated once it is done, not while ${ticket.status}`);
  if (alreadyRated) return refuse('ALREADY_RATED', 'this ticket was rated already');
  const open = source === 'counter' ? now.getTime() - Date.parse(ticket.endedAt) <= COUNTER_RATING_WINDOW_MS : ticket.businessDay === today;
  return open ? ok : refuse('ALREADY_RATED', 'the time to rate this visit has passed');
}

/** A reason only for a low mark, and a comment only with its reason. */
export function ratingContent(body: { score: number; reason?: RatingReason; comment?: string }): Verdict {
  const low = LOW_MARKS.includes(body.score);
  if (!low && body.reason !== undefined) return refuse('VALIDATION_FAILED', 'body/reason: only a mark of 1 or 2 gives a reason');
  if (body.comment !== undefined && body.reason === undefined) return refuse('VALIDATION_FAILED', 'body/comment: a comment goes with a low mark and its reason');
  if (body.comment !== undefined && body.comment.trim() === '') return refuse('VALIDATION_FAILED', 'body/comment: must not be blank');
  return ok;
}

// ── surveys ──

export interface SurveyDates {
  id: string;
  startsOn: string;
  endsOn: string;
}

/** The survey running on `day` (starts_on ≤ day ≤ ends_on); ranges never overlap, so there is at most one. */
export function activeSurvey<S extends SurveyDates>(surveys: readonly S[], day: string): S | undefined {
  return surveys.find((s) => s.startsOn <= day && day <= s.endsOn);
}

/** A survey's dates: in order, and overlapping no other survey of the branch (one survey a day). */
export function surveyDates(dates: SurveyDates, others: readonly SurveyDates[]): Verdict {
  if (dates.endsOn < dates.startsOn) return refuse('VALIDATION_FAILED', `body/endsOn: ${dates.endsOn} is before ${dates.startsOn}`);
  const clash = others.find((o) => o.id !== dates.id && o.startsOn <= dates.endsOn && dates.startsOn <= o.endsOn);
  if (clash) return refuse('CONFLICT', `another survey runs from ${clash.startsOn} to ${clash.endsOn}`);
  return ok;
}

/** Questions are fixed once someone answered: changing them would mix answers to different questions. */
export function questionsEditable(answers: number, before: readonly string[], after: readonly string[] | undefined): Verdict {
  if (after === undefined || JSON.stringify(before) === JSON.stringify(after)) return ok;
  return answers === 0 ? ok : refuse('RECORD_LOCKED', `this survey has ${answers} answer(s): its questions can no longer change`);
}

/** A ticket answers the survey of its day once, after it is done, on that day. */
export function surveyAnswerable(ticket: RatedTicket, alreadyAnswered: boolean, today: string): Verdict {
  if (ticket.status !== 'done') return refuse('INVALID_TRANSITION', `the survey comes after service, not while ${ticket.status}`);
  if (ticket.businessDay !== today) return refuse('ALREADY_RATED', "the survey is offered on the day of the visit only");
  if (alreadyAnswered) return refuse('ALREADY_RATED', 'this ticket answered the survey already');
  return ok;
}

/** One score (1–5 or null) per question, and something said: a score or a suggestion. */
export function surveyAnswer(questions: number, scores: readonly (number | null)[], suggestion?: string | null): Verdict {
  if (scores.length !== questions) return refuse('VALIDATION_FAILED', `body/scores: the survey has ${questions} questions, not ${scores.length}`);
  if (scores.every((s) => s === null) && !suggestion?.trim()) return refuse('VALIDATION_FAILED', 'body/scores: answer at least one question or write a suggestion');
  return ok;
}

// ── figures ──

export interface ScoreFigures {
  rated: number;
  /** Index 0 is score 1. */
  counts: number[];
  mean: number | null;
}

/** Counts per score and mean of some scores (nulls, not answered, are left out). */
export function scoreFigures(scores: readonly (number | null)[]): ScoreFigures {
  const counts = [0, 0, 0, 0, 0];
  let sum = 0;
  let rated = 0;
  for (const score of scores) {
    if (score === null || score < 1 || score > 5) continue;
    counts[score - 1]! += 1;
    sum += score;
    rated += 1;
  }
  return { rated, counts, mean: rated === 0 ? null : Math.round((sum / rated) * 100) / 100 };
}

/** Figures per key (teller, counter, service), most rated first. */
export function figuresBy<T>(rows: readonly T[], keyOf: (row: T) => string | null, scoreOf: (row: T) => number): { key: string | null; figures: ScoreFigures }[] {
  const groups = new Map<string | null, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    list.push(scoreOf(row));
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, scores]) => ({ key, figures: scoreFigures(scores) })).sort((a, b) => b.figures.rated - a.figures.rated);
}

/** Per question of a survey: counts per score and mean, from every answer's scores. */
export function surveyFigures(questions: readonly string[], answers: readonly (readonly (number | null)[])[]): (ScoreFigures & { question: string })[] {
  return questions.map((question, i) => ({ question, ...scoreFigures(answers.map((scores) => scores[i] ?? null)) }));
}

/** Rated tickets as a share of done tickets; null when none was done. */
export const ratedShare = (rated: number, done: number): number | null => (done === 0 ? null : Math.round((rated / done) * 1000) / 1000);
