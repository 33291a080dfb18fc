/**
 * The phone page's side of Web Push: the server's public key, and a subscription made or ended
 * for a ticket. The ticket's random UUID is the capability, as for the public ticket; a
 * subscription lasts while the ticket waits or is at a counter.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { PushKey, PushSubscribeBody } from '../../../../protocol/notification-routes.js';
import { AppError, notFound } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { VapidKeys } from '../../lib/vapid-keys.js';
import { pushSubscriptionRepository } from '../../repositories/push-subscription-repository.js';
import { findTicket } from '../../repositories/ticket-repository.js';
import type { BranchEngine } from '../branch-engine.js';
import type { Notifier } from './notifier.js';

const invalid = (field: string, problem: string) => new AppError('VALIDATION_FAILED', `body/${field}: ${problem}`);

/** A family may follow one ticket on a few phones; a bound keeps one ticket's UUID from filling the table. */
export const PHONES_PER_TICKET = 5;

/** Loopback hosts, where tests run their push service stand-in. */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface PushSubscriptionDeps {
  db: Kysely<Database>;
  clock: Clock;
  engine: BranchEngine;
  vapid: VapidKeys;
  notifier: Notifier;
  /** Accept http:// endpoints on the loopback address: only tests set it, for a local push service stand-in. */
  allowLoopbackHttp?: boolean;
}

/** The endpoint as a URL, refused unless https (or loopback http where tests allow it). */
function checkEndpoint(endpoint: string, allowLoopbackHttp: boolean): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid('subscription/endpoint', 'must be a URL');
  }
  const loopbackHttp = allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) throw invalid('subscription/endpoint', 'must be an https URL of a push service');
  if (url.username || url.password) throw invalid('subscription/endpoint', 'must not carry a user name or password');
}

/** p256dh is an uncompressed P-256 point (65 bytes, 0x04 first); auth is 16 random bytes. */
function checkKeys(keys: { p256dh: string; auth: string }): void {
  const point = Buffer.from(keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) throw invalid('subscription/keys/p256dh', 'must be a P-256 public key (65 bytes, base64url)');
  if (Buffer.from(keys.auth, 'base64url').length !== 16) throw invalid('subscription/keys/auth', 'must be 16 bytes, base64url');
}

export function createPushSubscriptions({ db, clock, engine, vapid, notifier, allowLoopbackHttp = false }: PushSubscriptionDeps) {
  /** The ticket's branch, when it still waits or is at a counter: 404 unknown, 409 ended. */
  async function activeTicketBranch(ticketId: string): Promise<string> {
    const row = await findTicket(db, ticketId);
    if (!row) throw notFound('ticket', ticketId);
    const active = await engine.read(row.branch_id, (state) => state?.tickets.has(ticketId) ?? false);
    if (!active) throw new AppError('CONFLICT', 'this ticket has ended: there is nothing left to notify');
    return row.branch_id;
  }

  return {
    publicKey(): PushKey {
      return { publicKey: vapid.publicKey };
    },

    /** Keeps the phone's subscription for the ticket (the same endpoint again refreshes its keys and language). */
    async subscribe(ticketId: string, body: PushSubscribeBody): Promise<null> {
      const { subscription, locale } = body;
      checkEndpoint(subscription.endpoint, allowLoopbackHttp);
      checkKeys(subscription.keys);
      const branchId = await activeTicketBranch(ticketId);
      const others = (await pushSubscriptionRepository.forTickets(db, [ticketId])).filter((s) => s.endpoint !== subscription.endpoint);
      if (others.length >= PHONES_PER_TICKET) throw new AppError('CONFLICT', `at most ${PHONES_PER_TICKET} phones may follow one ticket`);
      await pushSubscriptionRepository.upsert(db, {
        id: newId(),
        branchId,
        ticketId,
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
        locale,
        createdAt: clock.now().toISOString(),
      });
      await notifier.subscribed(branchId, ticketId);
      return null;
    },

    /** Forgets the phone's subscription; a ticket or endpoint already gone is not an error (the phone's wish is met). */
    async unsubscribe(ticketId: string, endpoint: string): Promise<null> {
      const row = await findTicket(db, ticketId);
      if (!row) throw notFound('ticket', ticketId);
      await pushSubscriptionRepository.removeEndpoint(db, ticketId, endpoint);
      return null;
    },
  };
}

export type PushSubscriptions = ReturnType<typeof createPushSubscriptions>;
