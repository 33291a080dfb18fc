/**
 * The customer's own actions on their ticket from the phone: "I am on my way" and "cancel my
 * ticket". No sign-in: the ticket's random id is the key. Each runs as a command of the branch
 * engine (domain/customer-actions.ts), so the hall's screens and the staff hear of it as of any
 * other change, and answers with the ticket as the phone shows it.
 */
import type { PublicTicket } from '../../../protocol/schemas.js';
import { toTicketRecord } from '../repositories/mappers.js';
import { findTicket } from '../repositories/ticket-repository.js';
import type { Db } from '../repositories/db.js';
import { notFound } from '../errors.js';
import type { BranchEngine } from './branch-engine.js';
import type { QueueService } from './queue-service.js';

export interface PublicTicketServiceDeps {
  db: Db;
  engine: BranchEngine;
  queue: Pick<QueueService, 'publicTicket'>;
}

export function createPublicTicketService({ db, engine, queue }: PublicTicketServiceDeps) {
  async function run(type: 'customer_on_my_way' | 'customer_cancel', ticketId: string): Promise<PublicTicket> {
    let branchId = engine.branchOfTicket(ticketId);
    let finished;
    if (!branchId) {
      const row = await findTicket(db, ticketId);
      if (!row) throw notFound('ticket', ticketId);
      branchId = row.branch_id;
      finished = toTicketRecord(row);
    }
    await engine.run(branchId, { type, ticketId, finished });
    return queue.publicTicket(ticketId);
  }

  return {
    /** The customer is coming: recorded on a waiting or called ticket, for the teller and the lobby manager to see. */
    onMyWay: (ticketId: string) => run('customer_on_my_way', ticketId),
    /** The customer cancels their waiting ticket; cancelling again changes nothing, a called ticket is refused (409). */
    cancel: (ticketId: string) => run('customer_cancel', ticketId),
  };
}

export type PublicTicketService = ReturnType<typeof createPublicTicketService>;
