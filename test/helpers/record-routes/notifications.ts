/**
 * Notifications in the authorisation matrix: the phone's push subscription is public (the ticket's
 * UUID is the capability); webhooks are read by the branch's managers and admins and changed by
 * admins only. The hall's webhook is disabled, so no delivery runs on its own between two calls
 * and changes the tables the matrix compares.
 */
import { testPhone } from '../push-phone.js';
import type { RecordRoutes } from '../record-routes.js';
import { ADMIN, EVERYONE, MANAGERS } from '../who-may.js';

const HOOKS = '/api/branches/:branchId/admin/webhooks';
const HOOK = `${HOOKS}/:webhookId`;
/** A subscription as Chromium makes one: an https endpoint, a P-256 key and a 16-byte secret. */
const SUBSCRIPTION = testPhone().subscription('https://push.example.com/send/matrix');

const routes: RecordRoutes = {
  async setUp({ ids, call }) {
    const made = await call('admin', 'POST', `/api/branches/${ids.branchId}/admin/webhooks`, { url: 'http://127.0.0.1:9/gateway', events: ['ticket.called'], active: false });
    return { webhookId: made.webhook.id };
  },
  whoMay: {
    'GET /api/public/push-key': EVERYONE,
    'POST /api/public/tickets/:ticketId/push-subscription': EVERYONE,
    'DELETE /api/public/tickets/:ticketId/push-subscription': EVERYONE,
    [`GET ${HOOKS}`]: MANAGERS,
    [`POST ${HOOKS}`]: ADMIN,
    [`PATCH ${HOOK}`]: ADMIN,
    [`POST ${HOOK}/secret`]: ADMIN,
    [`GET ${HOOK}/deliveries`]: MANAGERS,
    [`POST ${HOOK}/test`]: ADMIN,
  },
  examples: (ids) => {
    const hook = { branchId: ids.branchId, webhookId: ids.records.webhookId ?? 'none' };
    return {
      'GET /api/public/push-key': {},
      'POST /api/public/tickets/:ticketId/push-subscription': { params: { ticketId: ids.waitingTicketId }, body: { subscription: SUBSCRIPTION, locale: 'en' } },
      'DELETE /api/public/tickets/:ticketId/push-subscription': { params: { ticketId: ids.waitingTicketId }, body: { endpoint: SUBSCRIPTION.endpoint } },
      [`GET ${HOOKS}`]: { params: { branchId: ids.branchId } },
      [`POST ${HOOKS}`]: { params: { branchId: ids.branchId }, body: { url: 'https://gateway.example/sms', events: ['ticket.issued'] } },
      [`PATCH ${HOOK}`]: { params: hook, body: { events: ['ticket.called', 'ticket.ahead'] } },
      [`POST ${HOOK}/secret`]: { params: hook, body: {} },
      [`GET ${HOOK}/deliveries`]: { params: hook },
      [`POST ${HOOK}/test`]: { params: hook },
    };
  },
};
export default routes;
