/**
 * Satisfaction surveys (滿意度調查). Answers carry no ticket and nothing about the customer; which
 * tickets answered lives apart, in survey_takers, only to refuse a second answer.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db.js';

export interface StoredSurvey {
  id: string;
  branchId: string;
  title: string;
  questions: string[];
  startsOn: string;
  endsOn: string;
  createdBy: string;
  createdAt: string;
}

export interface StoredAnswer {
  id: string;
  surveyId: string;
  scores: (number | null)[];
  suggestion: string | null;
  answeredOn: string;
}

type SurveyRow = { id: string; branch_id: string; title: string; questions: string; starts_on: string; ends_on: string; created_by: string; created_at: string };

const toSurvey = (row: SurveyRow): StoredSurvey => ({
  id: row.id,
  branchId: row.branch_id,
  title: row.title,
  questions: JSON.parse(row.questions) as string[],
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** The branch's surveys, latest first. */
async function listByBranch(db: Db, branchId: string): Promise<StoredSurvey[]> {
  const rows = await db.selectFrom('surveys').selectAll().where('branch_id', '=', branchId).orderBy('starts_on', 'desc').orderBy('id').execute();
  return rows.map(toSurvey);
}

async function find(db: Db, branchId: string, surveyId: string): Promise<StoredSurvey | undefined> {
  const row = await db.selectFrom('surveys').selectAll().where('branch_id', '=', branchId).where('id', '=', surveyId).executeTakeFirst();
  return row && toSurvey(row);
}

async function insert(db: Db, survey: StoredSurvey): Promise<void> {
  await db
    .insertInto('surveys')
    .values({
      id: survey.id,
      branch_id: survey.branchId,
      title: survey.title,
      questions: JSON.stringify(survey.questions),
      starts_on: survey.startsOn,
      ends_on: survey.endsOn,
      created_by: survey.createdBy,
      created_at: survey.createdAt,
    })
    .execute();
}

async function update(db: Db, surveyId: string, changes: Partial<Pick<StoredSurvey, 'title' | 'questions' | 'startsOn' | 'endsOn'>>): Promise<void> {
  await db
    .updateTable('surveys')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.questions !== undefined ? { questions: JSON.stringify(changes.questions) } : {}),
      ...(changes.startsOn !== undefined ? { starts_on: changes.startsOn } : {}),
      ...(changes.endsOn !== undefined ? { ends_on: changes.endsOn } : {}),
    })
    .where('id', '=', surveyId)
    .execute();
}

/** Answers per survey of the branch. */
async function answerCounts(db: Db, branchId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('surveys', 'surveys.id', 'survey_answers.survey_id')
    .select(['survey_answers.survey_id as surveyId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('surveys.branch_id', '=', branchId)
    .groupBy('survey_answers.survey_id')
    .execute();
  return new Map(rows.map((r) => [r.surveyId, Number(r.n)]));
}

async function listAnswers(db: Db, surveyId: string): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('survey_answers').selectAll().where('survey_id', '=', surveyId).orderBy('answered_on').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, surveyId: r.survey_id, scores: JSON.parse(r.scores) as (number | null)[], suggestion: r.suggestion, answeredOn: r.answered_on }));
}

async function hasTaken(db: Db, surveyId: string, ticketId: string): Promise<boolean> {
  const row = await db.selectFrom('survey_takers').select('ticket_id').where('survey_id', '=', surveyId).where('ticket_id', '=', ticketId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Records that `ticketId` answered and stores the answer, which names neither (call in a
 * transaction). False, storing nothing, when the ticket had answered already.
 */
async function insertAnswer(db: Db, ticketId: string, answer: StoredAnswer): Promise<boolean> {
  const taken = await db
    .insertInto('survey_takers')
    .values({ survey_id: answer.surveyId, ticket_id: ticketId })
    .onConflict((oc) => oc.columns(['survey_id', 'ticket_id']).doNothing())
    .executeTakeFirst();
  if (Number(taken.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  // A random rowid: SQLite would otherwise number answers in the order of survey_takers' rows,
  // and the two orders side by side would tie each answer back to its ticket.
  await sql`insert into survey_answers (rowid, id, survey_id, scores, suggestion, answered_on)
    values (${randomInt(1, 2 ** 47)}, ${answer.id}, ${answer.surveyId}, ${JSON.stringify(answer.scores)}, ${answer.suggestion}, ${answer.answeredOn})`.execute(db);
  return true;
}

export const surveyRepository = Object.freeze({ listByBranch, find, insert, update, answerCounts, listAnswers, hasTaken, insertAnswer });
