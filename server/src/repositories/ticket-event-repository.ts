/** A ticket's own events in the branch's log: each keeps the ticket as the change left it. */
import type { Ticket } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

/** One of a ticket's events, with the ticket after it. */
export interface TicketEventEntry {
  seq: number;
  type: string;
  at: string;
  ticket: Ticket;
}

/** The ticket's newest `count` events, newest first (through the events_ticket index). */
async function latest(db: Db, ticketId: string, count: number): Promise<TicketEventEntry[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'type', 'at', 'payload'])
    .where('ticket_id', '=', ticketId)
    .orderBy('seq', 'desc')
    .limit(count)
    .execute();
  return rows.map((row) => ({ seq: row.seq, type: row.type, at: row.at, ticket: (JSON.parse(row.payload) as { ticket: Ticket }).ticket }));
}

export const ticketEventRepository = Object.freeze({ latest });
