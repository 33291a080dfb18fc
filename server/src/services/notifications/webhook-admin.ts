/**
 * The branch's webhooks as admins configure them. Admins register, change, disable and test them
 * (they point the branch's ticket events at another system); managers may read the list and the
 * deliveries, to see whether the customers' messages go out. The secret is shown once, when made
 * or replaced; afterwards only its last four characters. Every change leaves an audit row naming
 * the fields changed, never their values.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import {
  WEBHOOK_TEST_EVENT,
  type CreateWebhookBody,
  type UpdateWebhookBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookPayload,
  type WebhookWithSecret,
} from '../../../../protocol/notification-routes.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../repositories/db.js';
import { webhookRepository, type WebhookRecord } from '../../repositories/webhook-repository.js';
import { branchAdmin, invalid, requireChanges } from '../admin/access.js';
import { changedFields, type AuditTrail } from '../records/audit-trail.js';
import type { Notifier } from './notifier.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';

/** How many deliveries the admin page shows per webhook. */
export const DELIVERIES_SHOWN = 50;

export interface WebhookAdminDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditTrail;
  notifier: Notifier;
  deliveries: WebhookDeliveries;
}

/** The secret as the list shows it: its last four characters. */
const secretHint = (secret: string) => `••••${secret.slice(-4)}`;

const toWebhook = (w: WebhookRecord): Webhook => ({
  id: w.id,
  branchId: w.branchId,
  url: w.url,
  secretHint: secretHint(w.secret),
  events: w.events,
  active: w.active,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

/** An http(s) URL without credentials in it (those belong in the signature's secret). */
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw invalid('url', 'must be an http or https URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('url', 'must be an http or https URL');
  if (parsed.username || parsed.password) throw invalid('url', 'must not carry a user name or password');
  return parsed.toString();
}

function checkSecret(secret: string | undefined): string {
  if (secret === undefined) return randomBytes(32).toString('hex');
  if (secret.trim() !== secret || /\s/.test(secret)) throw invalid('secret', 'must not contain spaces');
  return secret;
}

export function createWebhookAdmin({ db, clock, audit, notifier, deliveries }: WebhookAdminDeps) {
  const admins = ['admin'] as const;

  async function existing(branchId: string, webhookId: string): Promise<WebhookRecord> {
    const webhook = await webhookRepository.find(db, branchId, webhookId);
    if (!webhook) throw notFound('webhook', webhookId);
    return webhook;
  }

  return {
    async list(actor: Actor, branchId: string): Promise<Webhook[]> {
      await branchAdmin(db, actor, branchId);
      return (await webhookRepository.list(db, branchId)).map(toWebhook);
    },

    async create(actor: Actor, branchId: string, body: CreateWebhookBody): Promise<WebhookWithSecret> {
      const admin = await branchAdmin(db, actor, branchId, admins);
      const at = clock.now().toISOString();
      const webhook: WebhookRecord = { id: newId(), branchId, url: checkUrl(body.url), secret: checkSecret(body.secret), events: [...body.events], active: body.active ?? true, createdAt: at, updatedAt: at };
      await inTransaction(db, async (trx) => {
        await webhookRepository.insert(trx, webhook);
        await audit.write(trx, admin, branchId, { action: 'create', recordType: 'webhook', recordId: webhook.id, fields: ['url', 'secret', 'events', 'active'] });
      });
      await notifier.webhooksChanged(branchId);
      return { webhook: toWebhook(webhook), secret: webhook.secret };
    },

    async update(actor: Actor, branchId: string, webhookId: string, body: UpdateWebhookBody): Promise<Webhook> {
      const admin = await branchAdmin(db, actor, branchId, admins);
      requireChanges(body);
      const before = await existing(branchId, webhookId);
      const change = { ...body, ...(body.url !== undefined ? { url: checkUrl(body.url) } : {}) };
      const fields = changedFields(before, change);
      if (fields.length > 0) {
        await inTransaction(db, async (trx) => {
          await webhookRepository.update(trx, webhookId, { ...change, updatedAt: clock.now().toISOString() });
          await audit.write(trx, admin, branchId, { action: 'update', recordType: 'webhook', recordId: webhookId, fields });
        });
        await notifier.webhooksChanged(branchId);
      }
      return toWebhook(await existing(branchId, webhookId));
    },

    async replaceSecret(actor: Actor, branchId: string, webhookId: string, secret: string | undefined): Promise<WebhookWithSecret> {
      const admin = await branchAdmin(db, actor, branchId, admins);
      await existing(branchId, webhookId);
      const next = checkSecret(secret);
      await inTransaction(db, async (trx) => {
        await webhookRepository.update(trx, webhookId, { secret: next, updatedAt: clock.now().toISOString() });
        await audit.write(trx, admin, branchId, { action: 'update', recordType: 'webhook', recordId: webhookId, fields: ['secret'] });
      });
      await notifier.webhooksChanged(branchId);
      return { webhook: toWebhook(await existing(branchId, webhookId)), secret: next };
    },

    async deliveries(actor: Actor, branchId: string, webhookId: string): Promise<WebhookDelivery[]> {
      await branchAdmin(db, actor, branchId);
      await existing(branchId, webhookId);
      return webhookRepository.latestDeliveries(db, webhookId, DELIVERIES_SHOWN);
    },

    /** A signed `webhook.test` delivery, sent at once and retried like any other. */
    async test(actor: Actor, branchId: string, webhookId: string): Promise<WebhookDelivery> {
      await branchAdmin(db, actor, branchId, admins);
      const webhook = await existing(branchId, webhookId);
      if (!webhook.active) throw invalid('active', 'the webhook is disabled: enable it before sending a test');
      const id = newId();
      const at = clock.now().toISOString();
      const payload: WebhookPayload = { id, type: WEBHOOK_TEST_EVENT, branchId, occurredAt: at };
      await webhookRepository.insertDeliveries(db, [{ id, webhookId, branchId, eventType: WEBHOOK_TEST_EVENT, payload: JSON.stringify(payload), createdAt: at }]);
      deliveries.enqueue([id]);
      return (await webhookRepository.findDelivery(db, id))!;
    },
  };
}

export type WebhookAdmin = ReturnType<typeof createWebhookAdmin>;
