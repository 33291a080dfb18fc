/** The phones' Web Push subscriptions (push_subscriptions), one row per ticket and endpoint. */
import type { NotificationLocale } from '../../../protocol/notification-routes.js';
import type { Db } from './db.js';

/** A subscription as the sender needs it. */
export interface PushSubscriptionRecord {
  id: string;
  ticketId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: NotificationLocale;
}

/** Adds the phone's subscription for the ticket, or refreshes its keys and language when the endpoint is known. */
async function upsert(db: Db, row: PushSubscriptionRecord & { branchId: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('push_subscriptions')
    .values({
      id: row.id,
      branch_id: row.branchId,
      ticket_id: row.ticketId,
      endpoint: row.endpoint,
      p256dh: row.p256dh,
      auth: row.auth,
      locale: row.locale,
      created_at: row.createdAt,
    })
    .onConflict((oc) => oc.columns(['ticket_id', 'endpoint']).doUpdateSet({ p256dh: row.p256dh, auth: row.auth, locale: row.locale }))
    .execute();
}

/** Every subscription of the tickets, by ticket. */
async function forTickets(db: Db, ticketIds: readonly string[]): Promise<PushSubscriptionRecord[]> {
  if (ticketIds.length === 0) return [];
  return db
    .selectFrom('push_subscriptions')
    .select(['id', 'ticket_id as ticketId', 'endpoint', 'p256dh', 'auth', 'locale'])
    .where('ticket_id', 'in', [...ticketIds])
    .execute();
}

/** The language of each ticket's newest subscription: what its webhook payloads say the customer reads. */
async function localesOf(db: Db, ticketIds: readonly string[]): Promise<Map<string, NotificationLocale>> {
  const rows = await forTickets(db, ticketIds);
  return new Map(rows.map((r) => [r.ticketId, r.locale]));
}

async function removeEndpoint(db: Db, ticketId: string, endpoint: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('ticket_id', '=', ticketId).where('endpoint', '=', endpoint).execute();
}

/** A subscription the push service said is gone (404/410). */
async function removeById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

/** The subscriptions of tickets that ended. */
async function removeForTickets(db: Db, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await db.deleteFrom('push_subscriptions').where('ticket_id', 'in', [...ticketIds]).execute();
}

/** Subscriptions whose ticket is no longer waiting or at a counter (left by a restart between an end and its cleanup). */
async function removeEnded(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('ticket_id', 'not in', (eb) => eb.selectFrom('tickets').select('id').where('status', 'in', ['waiting', 'called', 'serving']))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The ticket of every subscription, with its branch: followed from start-up. */
async function allTickets(db: Db): Promise<{ branchId: string; ticketId: string }[]> {
  return db.selectFrom('push_subscriptions').select(['branch_id as branchId', 'ticket_id as ticketId']).distinct().execute();
}

async function countForTicket(db: Db, ticketId: string): Promise<number> {
  const row = await db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const pushSubscriptionRepository = Object.freeze({ upsert, forTickets, localesOf, removeEndpoint, removeById, removeForTickets, removeEnded, allTickets, countForTicket });
