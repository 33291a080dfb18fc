import { ACTIVE_STATUSES } from '../../../protocol/actions.js';
import type { Db } from './db.js';
import { NO_SHOWS_KEPT } from '../../../protocol/late-arrival.js';

export const findTicket = (db: Db, ticketId: string) =>
  db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();

/** Waiting, called and serving tickets of the branch, oldest first (through the tickets_queue index). */
export const listActiveTickets = (db: Db, branchId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('status', 'in', ACTIVE_STATUSES)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();

/** The business day's no-shows of the branch, newest first: the list a late customer is re-queued from. */
export const listNoShows = (db: Db, branchId: string, businessDay: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('business_day', '=', businessDay)
    .where('status', '=', 'no_show')
    .orderBy('ended_at', 'desc')
    .orderBy('id', 'desc')
    .limit(NO_SHOWS_KEPT)
    .execute();
