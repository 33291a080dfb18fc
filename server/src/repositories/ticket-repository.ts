import { ACTIVE_STATUSES } from '../../../protocol/actions.js';
import type { Db } from './db.js';

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
