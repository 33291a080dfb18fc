/**
 * Ratings after service (評價器) and satisfaction surveys (滿意度調查) as one route table: the counter
 * display's and the mobile page's rating, the mobile page's survey of the day, and the managers'
 * surveys, results and ratings summary. The server registers these routes from it
 * (server/src/routes/records/ratings.ts); the display, the mobile page and the console call them
 * through `ApiClient.call`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BusinessDayString, ReportQuery } from './forecast-schemas.js';
import { RatingSource } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams, LocalizedName, TicketParams } from './schemas.js';

// ── ratings ──

export const RATING_REASONS = ['waiting_time', 'staff_attitude', 'not_resolved', 'environment', 'other'] as const;
export const RatingReason = Type.Union(
  [Type.Literal('waiting_time'), Type.Literal('staff_attitude'), Type.Literal('not_resolved'), Type.Literal('environment'), Type.Literal('other')],
  { description: 'Why a low mark (1–2): the wait, staff attitude, not resolved, the environment, other' },
);
export type RatingReason = Static<typeof RatingReason>;

export const RATING_COMMENT_MAX = 200;
export const SURVEY_SUGGESTION_MAX = 500;
export const SURVEY_QUESTION_MAX = 160;
export const SURVEY_TITLE_MAX = 80;
export const SURVEY_MIN_QUESTIONS = 2;
export const SURVEY_MAX_QUESTIONS = 8;

const Score = Type.Integer({ minimum: 1, maximum: 5, description: '1 (very unhappy) to 5 (very happy)' });
/** Five counts: index 0 is score 1, index 4 is score 5. */
const ScoreCounts = Type.Array(Type.Integer({ minimum: 0 }), { minItems: 5, maxItems: 5, description: 'Count per score; index 0 is score 1' });

export const RatingBody = Type.Object(
  {
    score: Score,
    reason: Type.Optional(RatingReason),
    comment: Type.Optional(Type.String({ minLength: 1, maxLength: RATING_COMMENT_MAX, description: 'Only with a low mark and its reason' })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const Rating = Type.Object({
  ticketId: Id,
  score: Score,
  reason: Nullable(RatingReason),
  comment: Nullable(Type.String()),
  source: RatingSource,
  at: Timestamp,
});
export type Rating = Static<typeof Rating>;

export const RatingStatus = Type.Object({
  canRate: Type.Boolean({ description: 'The ticket is done, not yet rated, and its window is open' }),
  rated: Type.Boolean(),
});
export type RatingStatus = Static<typeof RatingStatus>;

const RatingFigures = Type.Object({
  rated: Type.Integer(),
  counts: ScoreCounts,
  mean: Nullable(Type.Number()),
});
export type RatingFigures = Static<typeof RatingFigures>;

export const RatingSummary = Type.Object({
  from: BusinessDayString,
  to: BusinessDayString,
  completed: Type.Integer({ description: 'Tickets done in the period' }),
  ratedShare: Nullable(Type.Number({ description: 'Rated tickets / done tickets; no answer is no rating, never "satisfied"' })),
  overall: RatingFigures,
  reasons: Type.Array(Type.Object({ reason: RatingReason, count: Type.Integer() })),
  byTeller: Type.Array(Type.Composite([Type.Object({ tellerId: Nullable(Id), name: Nullable(Type.String()) }), RatingFigures])),
  byCounter: Type.Array(Type.Composite([Type.Object({ counterId: Nullable(Id), number: Nullable(Type.Integer()) }), RatingFigures])),
  byService: Type.Array(Type.Composite([Type.Object({ serviceId: Id, name: Nullable(LocalizedName) }), RatingFigures])),
  comments: Type.Array(Type.Object({ at: Timestamp, score: Score, reason: Nullable(RatingReason), comment: Type.String() }), {
    description: 'What customers wrote with a low mark (may hold personal data: the read is audited)',
  }),
});
export type RatingSummary = Static<typeof RatingSummary>;

// ── surveys ──

const SurveyTitle = Type.String({ minLength: 1, maxLength: SURVEY_TITLE_MAX });
const SurveyQuestions = Type.Array(Type.String({ minLength: 1, maxLength: SURVEY_QUESTION_MAX }), {
  minItems: SURVEY_MIN_QUESTIONS,
  maxItems: SURVEY_MAX_QUESTIONS,
  description: 'Each answered on a 1–5 scale',
});

export const SurveyBody = Type.Object(
  { title: SurveyTitle, questions: SurveyQuestions, startsOn: BusinessDayString, endsOn: BusinessDayString },
  { additionalProperties: false },
);
export type SurveyBody = Static<typeof SurveyBody>;

export const SurveyPatch = Type.Object(
  {
    title: Type.Optional(SurveyTitle),
    questions: Type.Optional(SurveyQuestions),
    startsOn: Type.Optional(BusinessDayString),
    endsOn: Type.Optional(BusinessDayString),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SurveyPatch = Static<typeof SurveyPatch>;

export const Survey = Type.Object({
  id: Id,
  branchId: Id,
  title: Type.String(),
  questions: Type.Array(Type.String()),
  startsOn: BusinessDayString,
  endsOn: BusinessDayString,
  answers: Type.Integer({ description: 'Answers so far; questions are fixed once there is one' }),
  createdAt: Timestamp,
});
export type Survey = Static<typeof Survey>;

/** The survey as the customer's phone sees it: no counts, nothing about other answers. */
export const PublicSurvey = Type.Object({ id: Id, title: Type.String(), questions: Type.Array(Type.String()) });
export type PublicSurvey = Static<typeof PublicSurvey>;

export const SurveyAnswerBody = Type.Object(
  {
    scores: Type.Array(Type.Union([Score, Type.Null()]), { minItems: 1, maxItems: SURVEY_MAX_QUESTIONS, description: 'One per question, in order; null = not answered' }),
    suggestion: Type.Optional(Type.String({ minLength: 1, maxLength: SURVEY_SUGGESTION_MAX })),
  },
  { additionalProperties: false },
);
export type SurveyAnswerBody = Static<typeof SurveyAnswerBody>;

export const SurveyResults = Type.Object({
  survey: Survey,
  questions: Type.Array(Type.Object({ question: Type.String(), answered: Type.Integer(), counts: ScoreCounts, mean: Nullable(Type.Number()) })),
  suggestions: Type.Array(Type.Object({ answeredOn: BusinessDayString, text: Type.String() }), {
    description: 'What customers wrote (may hold personal data: the read is audited)',
  }),
});
export type SurveyResults = Static<typeof SurveyResults>;

export const SurveyParams = Type.Object({ branchId: Id, surveyId: Id });

const ratings = ['ratings'];
const surveys = ['surveys'];

export const ratingRoutes = {
  rateAtCounter: defineRoute({
    method: 'POST',
    path: '/api/tickets/:ticketId/rating',
    summary: "The customer's rating on the counter's own display (the display's device token), within minutes of completion",
    tags: ratings,
    params: TicketParams,
    body: RatingBody,
    response: { 201: Rating },
  }),
  ratingStatus: defineRoute({
    method: 'GET',
    path: '/api/public/tickets/:ticketId/rating',
    summary: 'Whether the mobile page may ask for a rating of this ticket',
    tags: ['public'],
    public: true,
    params: TicketParams,
    response: { 200: RatingStatus },
  }),
  rateOnPhone: defineRoute({
    method: 'POST',
    path: '/api/public/tickets/:ticketId/rating',
    summary: "The customer's rating on the mobile ticket page, until the end of the ticket's business day",
    tags: ['public'],
    public: true,
    params: TicketParams,
    body: RatingBody,
    response: { 201: Rating },
  }),
  surveyForTicket: defineRoute({
    method: 'GET',
    path: '/api/public/tickets/:ticketId/survey',
    summary: "The survey of the ticket's day, once the ticket is done and has not answered it (204: none)",
    tags: ['public'],
    public: true,
    params: TicketParams,
    response: { 200: PublicSurvey, 204: Type.Null() },
  }),
  answerSurvey: defineRoute({
    method: 'POST',
    path: '/api/public/tickets/:ticketId/survey',
    summary: 'Answer the survey of the day; stored without the ticket or anything about the customer',
    tags: ['public'],
    public: true,
    params: TicketParams,
    body: SurveyAnswerBody,
    response: { 204: Type.Null() },
  }),
  ratingSummary: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/ratings/summary',
    summary: 'Ratings of a period: counts per score, mean, by teller, counter and service, and the rated share (managers)',
    tags: ratings,
    params: BranchParams,
    querystring: ReportQuery,
    response: { 200: RatingSummary },
  }),
  listSurveys: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/surveys',
    summary: "The branch's surveys, newest first (managers)",
    tags: surveys,
    params: BranchParams,
    response: { 200: Type.Array(Survey) },
  }),
  createSurvey: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/surveys',
    summary: 'Define a survey for a date range that overlaps no other (managers)',
    tags: surveys,
    params: BranchParams,
    body: SurveyBody,
    response: { 201: Survey },
  }),
  updateSurvey: defineRoute({
    method: 'PATCH',
    path: '/api/branches/:branchId/surveys/:surveyId',
    summary: 'Change a survey: title and dates any time, questions only until it has answers (managers)',
    tags: surveys,
    params: SurveyParams,
    body: SurveyPatch,
    response: { 200: Survey },
  }),
  surveyResults: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/surveys/:surveyId/results',
    summary: 'Counts per score and mean per question, and the suggestions (managers; audited)',
    tags: surveys,
    params: SurveyParams,
    response: { 200: SurveyResults },
  }),
} as const;
