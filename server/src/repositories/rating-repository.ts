/** Ratings after service (評價器): one row per rated ticket, none for a ticket nobody rated. */
import type { RatingReason } from '../../../protocol/rating-routes.js';
import type { RatingSource } from '../../../protocol/record-kinds.js';
import type { Db } from './db.js';

export interface StoredRating {
  ticketId: string;
  branchId: string;
  businessDay: string;
  serviceId: string;
  counterId: string | null;
  tellerId: string | null;
  score: number;
  reason: RatingReason | null;
  comment: string | null;
  source: RatingSource;
  at: string;
}

type RatingRow = {
  ticket_id: string;
  branch_id: string;
  business_day: string;
  service_id: string;
  counter_id: string | null;
  teller_id: string | null;
  score: number;
  reason: string | null;
  comment: string | null;
  source: RatingSource;
  at: string;
};

const toRating = (row: RatingRow): StoredRating => ({
  ticketId: row.ticket_id,
  branchId: row.branch_id,
  businessDay: row.business_day,
  serviceId: row.service_id,
  counterId: row.counter_id,
  tellerId: row.teller_id,
  score: row.score,
  reason: row.reason as RatingReason | null,
  comment: row.comment,
  source: row.source,
  at: row.at,
});

async function find(db: Db, ticketId: string): Promise<StoredRating | undefined> {
  const row = await db.selectFrom('ratings').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  return row && toRating(row);
}

/** Stores a rating; false when the ticket already has one (a race lost to another tap). */
async function insert(db: Db, rating: StoredRating): Promise<boolean> {
  const result = await db
    .insertInto('ratings')
    .values({
      ticket_id: rating.ticketId,
      branch_id: rating.branchId,
      business_day: rating.businessDay,
      service_id: rating.serviceId,
      counter_id: rating.counterId,
      teller_id: rating.tellerId,
      score: rating.score,
      reason: rating.reason,
      comment: rating.comment,
      source: rating.source,
      at: rating.at,
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The branch's ratings of business days `from`..`to` (inclusive). */
async function listInPeriod(db: Db, branchId: string, from: string, to: string): Promise<StoredRating[]> {
  const rows = await db
    .selectFrom('ratings')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('business_day', '>=', from)
    .where('business_day', '<=', to)
    .orderBy('at')
    .execute();
  return rows.map(toRating);
}

/** Tickets done (completed) in business days `from`..`to`: what the rated share divides by. */
async function countDone(db: Db, branchId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('branch_id', '=', branchId)
    .where('status', '=', 'done')
    .where('business_day', '>=', from)
    .where('business_day', '<=', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Who served the ticket: the counter's teller as the completion event recorded it, else whoever
 * completed it (a manager completing for a teller is still the counter's teller's service).
 */
async function tellerAtCompletion(db: Db, ticketId: string): Promise<string | null> {
  const event = await db
    .selectFrom('events')
    .select(['payload', 'actor_id'])
    .where('ticket_id', '=', ticketId)
    .where('type', '=', 'ticket.completed')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (!event) return null;
  try {
    const payload = JSON.parse(event.payload) as { counter?: { tellerId?: string | null } };
    if (payload.counter?.tellerId) return payload.counter.tellerId;
  } catch {
    // An unreadable payload: fall back to the actor.
  }
  return event.actor_id;
}

export const ratingRepository = Object.freeze({ find, insert, listInPeriod, countDone, tellerAtCompletion });
