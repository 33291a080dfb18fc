/**
 * Ratings after service (評價器) and satisfaction surveys (滿意度調查). Customers rate a done ticket
 * once, on the counter's display or on their phone, and answer the survey of the day on their
 * phone; managers define surveys and read the figures. A ticket nobody rated has no row: it counts
 * in the rated share's denominator only, never as "satisfied".
 */
import { randomUUID } from 'node:crypto';
import type { RatingBody, Rating, RatingStatus, RatingSummary, PublicSurvey, Survey, SurveyAnswerBody, SurveyBody, SurveyPatch, SurveyResults } from '../../../../protocol/rating-routes.js';
import type { ReportQuery } from '../../../../protocol/forecast-schemas.js';
import type { RatingSource } from '../../../../protocol/record-kinds.js';
import type { Branch } from '../../../../protocol/schemas.js';
import { assertSeesPersonalData, type Actor } from '../../domain/actor.js';
import { businessDay } from '../../domain/business-day.js';
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
  type Verdict,
} from '../../domain/rating-rules.js';
import { addDays } from '../../domain/service-time.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { listCounters } from '../../repositories/counter-repository.js';
import { inTransaction } from '../../repositories/db.js';
import { ratingRepository, type StoredRating } from '../../repositories/rating-repository.js';
import { serviceRepository } from '../../repositories/service-repository.js';
import { surveyRepository, type StoredSurvey } from '../../repositories/survey-repository.js';
import { findTicket } from '../../repositories/ticket-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import type { RecordDeps } from './record-deps.js';

const MAX_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 28;
/** The newest low-mark comments the summary lists. */
const COMMENTS_SHOWN = 50;

/** A real calendar day: 2026-02-30 and 2026-13-01 match the pattern but are not days (addDays throws on some). */
function isCalendarDay(day: string): boolean {
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;
  } catch {
    return false;
  }
}

function check(verdict: Verdict): void {
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
}

const toRating = (r: StoredRating): Rating => ({ ticketId: r.ticketId, score: r.score, reason: r.reason, comment: r.comment, source: r.source, at: r.at });

export function createRatingService({ db, clock, hints, audit }: RecordDeps) {
  async function requireBranch(branchId: string): Promise<Branch> {
    const branch = await branchRepository.findById(db, branchId);
    if (!branch) throw notFound('branch', branchId);
    return branch;
  }

  /** The ticket with its branch and the branch's business day now. */
  async function ticketInBranch(ticketId: string) {
    const ticket = await findTicket(db, ticketId);
    if (!ticket) throw notFound('ticket', ticketId);
    const branch = await requireBranch(ticket.branch_id);
    const now = clock.now();
    return { ticket, branch, now, today: businessDay(now, branch.timeZone) };
  }

  const rated = (row: { status: string; ended_at: string | null; business_day: string }) => ({
    status: row.status as Parameters<typeof ratingWindow>[0]['ticket']['status'],
    endedAt: row.ended_at,
    businessDay: row.business_day,
  });

  async function rate(ticketId: string, source: RatingSource, body: RatingBody, display?: Actor): Promise<Rating> {
    const { ticket, now, today } = await ticketInBranch(ticketId);
    // Another branch's display learns nothing about the ticket, not even that it exists.
    if (display && display.branchId !== ticket.branch_id) throw notFound('ticket', ticketId);
    check(ratingContent(body));
    const existing = await ratingRepository.find(db, ticketId);
    check(ratingWindow({ ticket: rated(ticket), alreadyRated: existing !== undefined, source, now, today }));
    const rating: StoredRating = {
      ticketId,
      branchId: ticket.branch_id,
      businessDay: ticket.business_day,
      serviceId: ticket.service_id,
      counterId: ticket.counter_id,
      tellerId: await ratingRepository.tellerAtCompletion(db, ticketId),
      score: body.score,
      reason: body.reason ?? null,
      comment: body.comment?.trim() ?? null,
      source,
      at: now.toISOString(),
    };
    if (!(await ratingRepository.insert(db, rating))) throw new AppError('ALREADY_RATED', 'this ticket was rated already');
    hints.publish(ticket.branch_id, { record: 'rating' });
    return toRating(rating);
  }

  /** The branch's surveys with their answer counts. */
  async function surveysOf(branchId: string): Promise<Survey[]> {
    const [surveys, counts] = await Promise.all([surveyRepository.listByBranch(db, branchId), surveyRepository.answerCounts(db, branchId)]);
    return surveys.map((s) => toSurvey(s, counts.get(s.id) ?? 0));
  }

  const toSurvey = (s: StoredSurvey, answers: number): Survey => ({
    id: s.id,
    branchId: s.branchId,
    title: s.title,
    questions: s.questions,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    answers,
    createdAt: s.createdAt,
  });

  async function requireSurvey(branchId: string, surveyId: string): Promise<Survey> {
    const survey = (await surveysOf(branchId)).find((s) => s.id === surveyId);
    if (!survey) throw notFound('survey', surveyId);
    return survey;
  }

  /** The survey a done ticket of today may still answer, or undefined. */
  async function openSurveyFor(ticketId: string) {
    const { ticket, today } = await ticketInBranch(ticketId);
    const survey = activeSurvey(await surveyRepository.listByBranch(db, ticket.branch_id), ticket.business_day);
    const answered = survey ? await surveyRepository.hasTaken(db, survey.id, ticketId) : false;
    return { ticket, today, survey, answered };
  }

  function period(branch: Branch, query: ReportQuery) {
    const to = query.to ?? businessDay(clock.now(), branch.timeZone);
    const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
    for (const [name, day] of [['from', from], ['to', to]] as const) {
      if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `querystring/${name}: ${day} is not a calendar day (YYYY-MM-DD)`);
    }
    if (from > to) throw new AppError('VALIDATION_FAILED', `querystring/from: ${from} is after ${to}`);
    if (addDays(from, MAX_PERIOD_DAYS - 1) < to) throw new AppError('VALIDATION_FAILED', `querystring: a period covers at most ${MAX_PERIOD_DAYS} days`);
    return { from, to };
  }

  function checkDays(days: { startsOn: string; endsOn: string }): void {
    for (const [name, day] of [['startsOn', days.startsOn], ['endsOn', days.endsOn]] as const) {
      if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `body/${name}: ${day} is not a calendar day (YYYY-MM-DD)`);
    }
  }

  const cleanQuestions = (questions: readonly string[]) => {
    const trimmed = questions.map((q) => q.trim());
    const blank = trimmed.findIndex((q) => q === '');
    if (blank >= 0) throw new AppError('VALIDATION_FAILED', `body/questions/${blank}: must not be blank`);
    return trimmed;
  };

  return {
    /** The counter display's rating: only a display of the ticket's branch, within 2 minutes. */
    rateAtCounter(actor: Actor, ticketId: string, body: RatingBody): Promise<Rating> {
      if (actor.kind !== 'device' || actor.deviceKind !== 'display') throw forbidden("only the counter's display takes a customer's rating");
      return rate(ticketId, 'counter', body, actor);
    },

    /** The mobile page's rating: anyone holding the ticket's id, until the end of its business day. */
    rateOnPhone(ticketId: string, body: RatingBody): Promise<Rating> {
      return rate(ticketId, 'mobile', body);
    },

    /** Whether the mobile page should ask for a rating. */
    async ratingStatus(ticketId: string): Promise<RatingStatus> {
      const { ticket, now, today } = await ticketInBranch(ticketId);
      const existing = await ratingRepository.find(db, ticketId);
      const verdict = ratingWindow({ ticket: rated(ticket), alreadyRated: existing !== undefined, source: 'mobile', now, today });
      return { canRate: verdict.ok, rated: existing !== undefined };
    },

    /** The survey of the ticket's day, while the ticket may answer it; null (204) otherwise. */
    async surveyForTicket(ticketId: string): Promise<PublicSurvey | null> {
      const { ticket, today, survey, answered } = await openSurveyFor(ticketId);
      if (!survey || !surveyAnswerable(rated(ticket), answered, today).ok) return null;
      return { id: survey.id, title: survey.title, questions: survey.questions };
    },

    /** Stores an answer without the ticket; the ticket goes only to survey_takers, against a second answer. */
    async answerSurvey(ticketId: string, body: SurveyAnswerBody): Promise<null> {
      const { ticket, today, survey, answered } = await openSurveyFor(ticketId);
      if (!survey) throw notFound('survey for ticket', ticketId);
      check(surveyAnswerable(rated(ticket), answered, today));
      check(surveyAnswer(survey.questions.length, body.scores, body.suggestion));
      const suggestion = body.suggestion?.trim() || null;
      const stored = await inTransaction(db, (trx) =>
        surveyRepository.insertAnswer(trx, ticketId, { id: randomUUID(), surveyId: survey.id, scores: body.scores, suggestion, answeredOn: today }),
      );
      if (!stored) throw new AppError('ALREADY_RATED', 'this ticket answered the survey already');
      hints.publish(ticket.branch_id, { record: 'survey', id: survey.id });
      return null;
    },

    /** Ratings of a period (managers): figures overall and by teller, counter and service; comments audited. */
    async ratingSummary(actor: Actor, branchId: string, query: ReportQuery): Promise<RatingSummary> {
      assertSeesPersonalData(actor, branchId);
      const branch = await requireBranch(branchId);
      const { from, to } = period(branch, query);
      const [ratings, completed, users, counters, services] = await Promise.all([
        ratingRepository.listInPeriod(db, branchId, from, to),
        ratingRepository.countDone(db, branchId, from, to),
        userRepository.listByBranch(db, branchId),
        listCounters(db, branchId),
        serviceRepository.listAll(db, branchId),
      ]);
      const score = (r: StoredRating) => r.score;
      const reasons = new Map<string, number>();
      for (const r of ratings) if (r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      const comments = ratings
        .filter((r) => r.comment !== null)
        .slice(-COMMENTS_SHOWN)
        .reverse()
        .map((r) => ({ at: r.at, score: r.score, reason: r.reason, comment: r.comment! }));
      // Customers may write names or numbers in a comment: reading them is audited like a survey's suggestions.
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'rating', recordId: null, fields: ['comment'] });
      return {
        from,
        to,
        completed,
        ratedShare: ratedShare(ratings.length, completed),
        overall: scoreFigures(ratings.map(score)),
        reasons: [...reasons.entries()].map(([reason, count]) => ({ reason: reason as StoredRating['reason'] & string, count })),
        byTeller: figuresBy(ratings, (r) => r.tellerId, score).map(({ key, figures }) => ({
          tellerId: key,
          name: users.find((u) => u.id === key)?.display_name ?? null,
          ...figures,
        })),
        byCounter: figuresBy(ratings, (r) => r.counterId, score).map(({ key, figures }) => ({
          counterId: key,
          number: counters.find((c) => c.id === key)?.number ?? null,
          ...figures,
        })),
        byService: figuresBy(ratings, (r) => r.serviceId, score).map(({ key, figures }) => {
          const service = services.find((s) => s.id === key);
          return {
            serviceId: key ?? '',
            name: service ? { en: service.name_en, zhHant: service.name_zh_hant, zhHans: service.name_zh_hans } : null,
            ...figures,
          };
        }),
        comments,
      };
    },

    async listSurveys(actor: Actor, branchId: string): Promise<Survey[]> {
      assertSeesPersonalData(actor, branchId);
      await requireBranch(branchId);
      return surveysOf(branchId);
    },

    async createSurvey(actor: Actor, branchId: string, body: SurveyBody): Promise<Survey> {
      assertSeesPersonalData(actor, branchId);
      await requireBranch(branchId);
      checkDays(body);
      const questions = cleanQuestions(body.questions);
      const title = body.title.trim();
      if (!title) throw new AppError('VALIDATION_FAILED', 'body/title: must not be blank');
      const survey: StoredSurvey = {
        id: newId(),
        branchId,
        title,
        questions,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        createdBy: actor.id,
        createdAt: clock.now().toISOString(),
      };
      await inTransaction(db, async (trx) => {
        check(surveyDates(survey, await surveyRepository.listByBranch(trx, branchId)));
        await surveyRepository.insert(trx, survey);
      });
      hints.publish(branchId, { record: 'survey', id: survey.id });
      return toSurvey(survey, 0);
    },

    async updateSurvey(actor: Actor, branchId: string, surveyId: string, patch: SurveyPatch): Promise<Survey> {
      assertSeesPersonalData(actor, branchId);
      await requireBranch(branchId);
      const before = await requireSurvey(branchId, surveyId);
      const after = {
        id: surveyId,
        title: patch.title?.trim() ?? before.title,
        questions: patch.questions ? cleanQuestions(patch.questions) : before.questions,
        startsOn: patch.startsOn ?? before.startsOn,
        endsOn: patch.endsOn ?? before.endsOn,
      };
      if (!after.title) throw new AppError('VALIDATION_FAILED', 'body/title: must not be blank');
      checkDays(after);
      await inTransaction(db, async (trx) => {
        check(questionsEditable(before.answers, before.questions, patch.questions && after.questions));
        check(surveyDates(after, await surveyRepository.listByBranch(trx, branchId)));
        await surveyRepository.update(trx, surveyId, after);
      });
      hints.publish(branchId, { record: 'survey', id: surveyId });
      return { ...before, ...after };
    },

    /** Per question: counts per score and mean; and the suggestions, whose read is audited. */
    async surveyResults(actor: Actor, branchId: string, surveyId: string): Promise<SurveyResults> {
      assertSeesPersonalData(actor, branchId);
      await requireBranch(branchId);
      const survey = await requireSurvey(branchId, surveyId);
      const answers = await surveyRepository.listAnswers(db, surveyId);
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'survey_answer', recordId: surveyId, fields: ['scores', 'suggestion'] });
      return {
        survey,
        questions: surveyFigures(
          survey.questions,
          answers.map((a) => a.scores),
        ).map(({ question, rated, counts, mean }) => ({ question, answered: rated, counts, mean })),
        suggestions: answers.filter((a) => a.suggestion !== null).map((a) => ({ answeredOn: a.answeredOn, text: a.suggestion! })),
      };
    },
  };
}

export type RatingService = ReturnType<typeof createRatingService>;
