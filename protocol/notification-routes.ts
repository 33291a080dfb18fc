/**
 * Notifications to the customer (issue 11): Web Push to the phone that shows a ticket, and the
 * bank's own webhooks (an SMS or WeChat gateway) told of chosen ticket events. The server registers
 * these routes from this table (server/src/routes/notifications.ts); the phone page and the admin
 * console call them. The ticket's random UUID is the phone's capability, as for the public ticket.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams, TicketParams } from './schemas.js';

const strict = { additionalProperties: false } as const;

/** The languages a notification is written in: the phone page's, else the branch's default. */
export const NOTIFICATION_LOCALES = ['zh-Hant', 'zh-Hans', 'zh-HK', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];
export const NotificationLocale = Type.Union(NOTIFICATION_LOCALES.map((l) => Type.Literal(l)));

/** Ticket events a webhook may be told of. ticket.called includes recalls (callCount > 1). */
export const WEBHOOK_EVENTS = ['ticket.issued', 'ticket.called', 'ticket.ahead'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WebhookEvent = Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e)));
/** The type of the delivery an admin's "send a test" makes. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** Limits shared by the server's checks and the console's form. */
export const WEBHOOK_LIMITS = { urlLength: 2000, secretMin: 16, secretMax: 200 } as const;

/** base64url without padding, as PushSubscription.toJSON() gives p256dh and auth. */
const Base64Url = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' });

/** PushSubscription.toJSON() of the phone's browser. The endpoint must be https (the server says which field is wrong). */
export const PushSubscriptionJson = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2000 }),
  expirationTime: Type.Optional(Nullable(Type.Number())),
  keys: Type.Object(
    {
      p256dh: Base64Url(200),
      auth: Base64Url(100),
    },
    strict,
  ),
});
export type PushSubscriptionJson = Static<typeof PushSubscriptionJson>;

export const PushSubscribeBody = Type.Object(
  {
    subscription: PushSubscriptionJson,
    /** The phone page's language: the notifications are written in it. */
    locale: NotificationLocale,
  },
  strict,
);
export type PushSubscribeBody = Static<typeof PushSubscribeBody>;

export const PushUnsubscribeBody = Type.Object({ endpoint: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);
export type PushUnsubscribeBody = Static<typeof PushUnsubscribeBody>;

export const PushKey = Type.Object({ publicKey: Type.String({ description: "The server's VAPID public key (base64url), the applicationServerKey" }) }, strict);
export type PushKey = Static<typeof PushKey>;

/** A webhook as admins see it: the secret only as its last four characters. */
export const Webhook = Type.Object(
  {
    id: Id,
    branchId: Id,
    url: Type.String(),
    secretHint: Type.String({ description: 'The secret masked, e.g. ••••3f9a; the whole secret is shown once, when created or replaced' }),
    events: Type.Array(WebhookEvent),
    active: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  strict,
);
export type Webhook = Static<typeof Webhook>;

/** The reply to creating a webhook or replacing its secret: the only time the secret is shown. */
export const WebhookWithSecret = Type.Object({ webhook: Webhook, secret: Type.String() }, strict);
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

const WebhookUrl = Type.String({ minLength: 1, maxLength: WEBHOOK_LIMITS.urlLength, description: 'http(s) URL of the gateway' });
const WebhookSecret = Type.String({ minLength: WEBHOOK_LIMITS.secretMin, maxLength: WEBHOOK_LIMITS.secretMax });
const WebhookEvents = Type.Array(WebhookEvent, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true });

export const CreateWebhookBody = Type.Object(
  {
    url: WebhookUrl,
    /** Absent: the server makes one (32 random bytes, hex) and shows it once. */
    secret: Type.Optional(WebhookSecret),
    events: WebhookEvents,
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    events: Type.Optional(WebhookEvents),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const ReplaceSecretBody = Type.Object({ secret: Type.Optional(WebhookSecret) }, strict);
export type ReplaceSecretBody = Static<typeof ReplaceSecretBody>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event sent (or still to send) to one webhook, with its attempts. */
export const WebhookDelivery = Type.Object(
  {
    id: Id,
    webhookId: Id,
    eventType: Type.String(),
    status: Type.Union(WEBHOOK_DELIVERY_STATUSES.map((s) => Type.Literal(s))),
    attempts: Type.Integer(),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    nextAttemptAt: Nullable(Timestamp),
    createdAt: Timestamp,
    deliveredAt: Nullable(Timestamp),
  },
  strict,
);
export type WebhookDelivery = Static<typeof WebhookDelivery>;

/** The JSON a webhook receives (X-Lobbyflow-Signature signs `timestamp + "." + body`). */
export interface WebhookPayload {
  /** The delivery's id, the same on every retry: receivers drop repeats by it. */
  id: string;
  type: WebhookEvent | typeof WEBHOOK_TEST_EVENT;
  branchId: string;
  occurredAt: string;
  ticket?: { number: string; serviceId: string; counterNumber?: number; callCount?: number; ahead?: number; locale: NotificationLocale };
}

export const WebhookParams = Type.Object({ branchId: Id, webhookId: Id });

export const notificationRoutes = {
  pushKey: defineRoute({
    method: 'GET',
    path: '/api/public/push-key',
    summary: "The server's VAPID public key, for the phone page's push subscription",
    tags: ['public'],
    public: true,
    response: { 200: PushKey },
  }),
  pushSubscribe: defineRoute({
    method: 'POST',
    path: '/api/public/tickets/:ticketId/push-subscription',
    summary: "The phone showing a waiting or called ticket asks to be notified (Web Push); ends with the ticket",
    tags: ['public'],
    public: true,
    params: TicketParams,
    body: PushSubscribeBody,
    response: { 204: Type.Null() },
  }),
  pushUnsubscribe: defineRoute({
    method: 'DELETE',
    path: '/api/public/tickets/:ticketId/push-subscription',
    summary: 'The phone no longer wants notifications for the ticket',
    tags: ['public'],
    public: true,
    params: TicketParams,
    body: PushUnsubscribeBody,
    response: { 204: Type.Null() },
  }),
  webhooks: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/admin/webhooks',
    summary: "The branch's webhooks, secrets masked (admins and managers)",
    tags: ['admin'],
    params: BranchParams,
    response: { 200: Type.Array(Webhook) },
  }),
  createWebhook: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/admin/webhooks',
    summary: 'Registers a webhook; the reply shows its secret, once (admins)',
    tags: ['admin'],
    params: BranchParams,
    body: CreateWebhookBody,
    response: { 201: WebhookWithSecret },
  }),
  updateWebhook: defineRoute({
    method: 'PATCH',
    path: '/api/branches/:branchId/admin/webhooks/:webhookId',
    summary: 'Changes the URL or events, or disables (active: false) a webhook (admins)',
    tags: ['admin'],
    params: WebhookParams,
    body: UpdateWebhookBody,
    response: { 200: Webhook },
  }),
  replaceSecret: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/admin/webhooks/:webhookId/secret',
    summary: "Replaces a webhook's secret; the reply shows it, once (admins)",
    tags: ['admin'],
    params: WebhookParams,
    body: ReplaceSecretBody,
    response: { 200: WebhookWithSecret },
  }),
  deliveries: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/admin/webhooks/:webhookId/deliveries',
    summary: "A webhook's latest deliveries, newest first (admins and managers)",
    tags: ['admin'],
    params: WebhookParams,
    response: { 200: Type.Array(WebhookDelivery) },
  }),
  testWebhook: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/admin/webhooks/:webhookId/test',
    summary: 'Sends a signed webhook.test delivery now, retried like any other (admins)',
    tags: ['admin'],
    params: WebhookParams,
    response: { 201: WebhookDelivery },
  }),
} as const;
