/** The bank's webhooks (webhooks) and every delivery to them with its attempts (webhook_deliveries). */
import type { Selectable } from 'kysely';
import type { WebhookDeliveryTable, WebhookTable } from '../../../db/schema.js';
import type { WebhookDelivery, WebhookEvent, WebhookDeliveryStatus } from '../../../protocol/notification-routes.js';
import type { Db } from './db.js';

/** A webhook with its secret: for the sender and the admin service only, never a reply. */
export interface WebhookRecord {
  id: string;
  branchId: string;
  url: string;
  secret: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A delivery as the sender needs it. */
export interface DeliveryRecord {
  id: string;
  webhookId: string;
  payload: string;
  attempts: number;
  nextAttemptAt: string | null;
}

const toWebhook = (r: Selectable<WebhookTable>): WebhookRecord => ({
  id: r.id,
  branchId: r.branch_id,
  url: r.url,
  secret: r.secret,
  events: JSON.parse(r.events) as WebhookEvent[],
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toDelivery = (r: Selectable<WebhookDeliveryTable>): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

async function insert(db: Db, w: WebhookRecord): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({ id: w.id, branch_id: w.branchId, url: w.url, secret: w.secret, events: JSON.stringify(w.events), active: w.active ? 1 : 0, created_at: w.createdAt, updated_at: w.updatedAt })
    .execute();
}

async function update(db: Db, id: string, change: Partial<Pick<WebhookRecord, 'url' | 'secret' | 'events' | 'active'>> & { updatedAt: string }): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.secret !== undefined ? { secret: change.secret } : {}),
      ...(change.events !== undefined ? { events: JSON.stringify(change.events) } : {}),
      ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
      updated_at: change.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

async function find(db: Db, branchId: string, id: string): Promise<WebhookRecord | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).where('branch_id', '=', branchId).executeTakeFirst();
  return row && toWebhook(row);
}

async function findById(db: Db, id: string): Promise<WebhookRecord | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

async function list(db: Db, branchId: string): Promise<WebhookRecord[]> {
  return (await db.selectFrom('webhooks').selectAll().where('branch_id', '=', branchId).orderBy('created_at').orderBy('id').execute()).map(toWebhook);
}

/** The branch's active webhooks: what the notifier reads for each batch of events. */
async function activeIn(db: Db, branchId: string): Promise<WebhookRecord[]> {
  return (await db.selectFrom('webhooks').selectAll().where('branch_id', '=', branchId).where('active', '=', 1).execute()).map(toWebhook);
}

/** Branches with at least one active webhook: followed from start-up. */
async function branchesWithActive(db: Db): Promise<string[]> {
  return (await db.selectFrom('webhooks').select('branch_id').distinct().where('active', '=', 1).execute()).map((r) => r.branch_id);
}

async function insertDeliveries(
  db: Db,
  rows: readonly { id: string; webhookId: string; branchId: string; eventType: string; payload: string; createdAt: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        id: r.id,
        webhook_id: r.webhookId,
        branch_id: r.branchId,
        event_type: r.eventType,
        payload: r.payload,
        status: 'pending' as const,
        attempts: 0,
        last_status_code: null,
        last_error: null,
        next_attempt_at: r.createdAt,
        created_at: r.createdAt,
        delivered_at: null,
      })),
    )
    .execute();
}

/** Every delivery still to try, oldest first: what the sender resumes after a restart. */
async function pending(db: Db): Promise<DeliveryRecord[]> {
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'webhook_id as webhookId', 'payload', 'attempts', 'next_attempt_at as nextAttemptAt'])
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

async function findDelivery(db: Db, id: string): Promise<WebhookDelivery | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** The JSON body of a delivery, as signed and sent on every attempt. */
async function payloadOf(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('webhook_deliveries').select('payload').where('id', '=', id).executeTakeFirstOrThrow();
  return row.payload;
}

/** Records one attempt's outcome. */
async function recordAttempt(
  db: Db,
  id: string,
  outcome: { status: WebhookDeliveryStatus; attempts: number; statusCode: number | null; error: string | null; nextAttemptAt: string | null; deliveredAt: string | null },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.deliveredAt,
    })
    .where('id', '=', id)
    .execute();
}

/** A webhook's latest deliveries, newest first. */
async function latestDeliveries(db: Db, webhookId: string, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toDelivery);
}

export const webhookRepository = Object.freeze({ insert, update, find, findById, list, activeIn, branchesWithActive, insertDeliveries, pending, findDelivery, payloadOf, recordAttempt, latestDeliveries });
