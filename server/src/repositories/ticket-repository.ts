import type { TicketStatus } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

const ACTIVE: TicketStatus[] = ['waiting', 'called', 'serving'];

export const findTicket = (db: Db, ticketId: string) =>
  db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();

/** Waiting, called and serving tickets of the branch, oldest first (through the tickets_queue index). */
export const listActiveTickets = (db: Db, branchId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('status', 'in', ACTIVE)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
