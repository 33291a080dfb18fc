/**
 * Follows each branch's committed events (the event bus, after the engine has answered and
 * published) and turns them into notifications: Web Push to the phones that asked, and deliveries
 * to the bank's webhooks. Nothing here runs inside a teller's request or transaction: events are
 * taken off the bus into a per-branch inbox and handled on a later turn of the event loop, and every
 * request goes out through the bounded outbound queue.
 *
 * "N people ahead" uses the positions the engine already holds (its replay of the queue for the
 * sequence number, which publishing computed anyway), read once per batch of events.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { isCounterEvent, isTicketEvent, type DomainEvent, type TicketEvent } from '../../../../protocol/messages.js';
import type { NotificationLocale, WebhookEvent, WebhookPayload } from '../../../../protocol/notification-routes.js';
import { emptyAheadWatch, watchAhead, type AheadWatch } from '../../domain/ahead-notice.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { EventBus } from '../../realtime/event-bus.js';
import { inTransaction } from '../../repositories/db.js';
import { pushSubscriptionRepository } from '../../repositories/push-subscription-repository.js';
import { webhookRepository, type WebhookRecord } from '../../repositories/webhook-repository.js';
import type { BranchEngine } from '../branch-engine.js';
import type { PushSender } from './push-sender.js';
import { pushMessage, ticketPagePath, type PushNotice } from './push-text.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';

const ACTIVE = new Set(['waiting', 'called', 'serving']);

/** A ticket that just came within the branch's pushAheadCount. */
interface AheadTold {
  ticketId: string;
  number: string;
  serviceId: string;
  ahead: number;
}

type CounterOf = (event: TicketEvent) => number | undefined;

interface BranchFollow {
  inbox: DomainEvent[];
  draining: Promise<void> | null;
  ahead: AheadWatch;
  /** Active webhooks: read at start and after every admin change. */
  webhooks: WebhookRecord[];
  /** Tickets some phone subscribed for. */
  pushTickets: Set<string>;
  unsubscribe: () => void;
}

export interface NotifierDeps {
  db: Kysely<Database>;
  clock: Clock;
  bus: EventBus;
  engine: BranchEngine;
  push: PushSender;
  deliveries: WebhookDeliveries;
  log: (message: string, detail?: object) => void;
}

export function createNotifier({ db, clock, bus, engine, push, deliveries, log }: NotifierDeps) {
  const branches = new Map<string, BranchFollow>();
  const sends = new Set<Promise<unknown>>();

  /** Starts following a branch (once), and takes its current positions as the ahead rule's first look. */
  async function follow(branchId: string): Promise<BranchFollow> {
    let branch = branches.get(branchId);
    if (branch) return branch;
    branch = { inbox: [], draining: null, ahead: emptyAheadWatch(), webhooks: [], pushTickets: new Set(), unsubscribe: () => undefined };
    branches.set(branchId, branch);
    const followed = branch;
    followed.unsubscribe = bus.subscribe(branchId, (events) => take(branchId, followed, events));
    await lookAhead(branchId, followed);
    return followed;
  }

  function take(branchId: string, branch: BranchFollow, events: readonly DomainEvent[]): void {
    branch.inbox.push(...events);
    if (branch.draining) return;
    // A later turn: the publishing engine goes on with its next batch first.
    branch.draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => drain(branchId, branch))
      .finally(() => (branch.draining = null));
  }

  async function drain(branchId: string, branch: BranchFollow): Promise<void> {
    while (branch.inbox.length > 0) {
      const events = branch.inbox.splice(0);
      try {
        await handle(branchId, branch, events);
      } catch (err) {
        log('notifications for a batch of events failed', { branchId, err: String(err) });
      }
    }
  }

  /** One read of the engine's held view: the branch's language and the tickets to tell "N ahead". */
  async function lookAhead(branchId: string, branch: BranchFollow) {
    return engine.read(branchId, (state, view) => {
      if (!state) return undefined;
      const positions = [...view().figures].map(([id, figures]) => [id, figures.position] as const);
      const { tell, watch } = watchAhead(branch.ahead, positions, state.branch.settings.pushAheadCount);
      branch.ahead = watch;
      const told: AheadTold[] = [];
      for (const ticketId of tell) {
        const ticket = state.tickets.get(ticketId);
        if (ticket) told.push({ ticketId, number: ticket.number, serviceId: ticket.serviceId, ahead: watch.positions.get(ticketId)! });
      }
      const counterNumbers = new Map([...state.counters.values()].map((c) => [c.id, c.number]));
      return { defaultLocale: state.branch.defaultLocale as NotificationLocale, told, counterNumbers };
    });
  }

  async function handle(branchId: string, branch: BranchFollow, events: readonly DomainEvent[]): Promise<void> {
    const ticketEvents = events.filter(isTicketEvent);
    if (!events.some((e) => isTicketEvent(e) || isCounterEvent(e) || e.type === 'branch.configured')) return;
    const look = await lookAhead(branchId, branch);
    if (!look) return;
    const calls = ticketEvents.filter((e) => e.type === 'ticket.called' || e.type === 'ticket.recalled');
    const ended = [...new Set(ticketEvents.filter((e) => !ACTIVE.has(e.ticket.status)).map((e) => e.ticket.id))].filter((id) => branch.pushTickets.has(id));

    // A recall does not change the counter, so its event may not carry it: the held state knows it.
    const counterOf = (e: TicketEvent) => e.counter?.number ?? (e.ticket.counterId ? look.counterNumbers.get(e.ticket.counterId) : undefined);
    await sendPushes(branch, calls, look.told, counterOf);
    if (ended.length > 0) {
      await pushSubscriptionRepository.removeForTickets(db, ended);
      for (const id of ended) branch.pushTickets.delete(id);
    }
    if (branch.webhooks.length > 0) await queueWebhooks(branchId, branch, ticketEvents, look.told, look.defaultLocale, counterOf);
  }

  async function sendPushes(branch: BranchFollow, calls: readonly TicketEvent[], told: readonly AheadTold[], counterOf: CounterOf): Promise<void> {
    const notices = new Map<string, PushNotice>();
    for (const t of told) if (branch.pushTickets.has(t.ticketId)) notices.set(t.ticketId, { kind: 'ahead', number: t.number, ahead: t.ahead });
    // A call outranks an ahead notice of the same batch.
    for (const e of calls) {
      if (branch.pushTickets.has(e.ticket.id)) {
        notices.set(e.ticket.id, { kind: 'called', number: e.ticket.number, counterNumber: counterOf(e) ?? null, recalled: e.type === 'ticket.recalled' });
      }
    }
    if (notices.size === 0) return;
    for (const subscription of await pushSubscriptionRepository.forTickets(db, [...notices.keys()])) {
      const message = pushMessage(subscription.locale, notices.get(subscription.ticketId)!, ticketPagePath(subscription.ticketId));
      track(push.send(subscription, message));
    }
  }

  async function queueWebhooks(branchId: string, branch: BranchFollow, ticketEvents: readonly TicketEvent[], told: readonly AheadTold[], defaultLocale: NotificationLocale, counterOf: CounterOf) {
    const wanted: { type: WebhookEvent; ticketId: string; occurredAt: string; ticket: Omit<NonNullable<WebhookPayload['ticket']>, 'locale'> }[] = [];
    for (const e of ticketEvents) {
      const { number, serviceId } = e.ticket;
      if (e.type === 'ticket.issued') wanted.push({ type: 'ticket.issued', ticketId: e.ticket.id, occurredAt: e.at, ticket: { number, serviceId, ahead: e.ticket.position } });
      if (e.type === 'ticket.called' || e.type === 'ticket.recalled') {
        wanted.push({ type: 'ticket.called', ticketId: e.ticket.id, occurredAt: e.at, ticket: { number, serviceId, counterNumber: counterOf(e), callCount: e.ticket.callCount } });
      }
    }
    const at = clock.now().toISOString();
    for (const t of told) wanted.push({ type: 'ticket.ahead', ticketId: t.ticketId, occurredAt: at, ticket: { number: t.number, serviceId: t.serviceId, ahead: t.ahead } });
    const hooked = wanted.filter((w) => branch.webhooks.some((hook) => hook.events.includes(w.type)));
    if (hooked.length === 0) return;
    // The customer's language where the phone said it; else the branch's.
    const withPhones = hooked.map((w) => w.ticketId).filter((id) => branch.pushTickets.has(id));
    const locales = await pushSubscriptionRepository.localesOf(db, withPhones);
    const rows: Parameters<typeof webhookRepository.insertDeliveries>[1][number][] = [];
    for (const w of hooked) {
      for (const hook of branch.webhooks) {
        if (!hook.events.includes(w.type)) continue;
        const id = newId();
        const payload: WebhookPayload = { id, type: w.type, branchId, occurredAt: w.occurredAt, ticket: { ...w.ticket, locale: locales.get(w.ticketId) ?? defaultLocale } };
        rows.push({ id, webhookId: hook.id, branchId, eventType: w.type, payload: JSON.stringify(payload), createdAt: at });
      }
    }
    await inTransaction(db, (trx) => webhookRepository.insertDeliveries(trx, rows));
    deliveries.enqueue(rows.map((r) => r.id));
  }

  function track(send: Promise<unknown>): void {
    const tracked = send.catch((err) => log('a push message could not be sent', { err: String(err) })).finally(() => sends.delete(tracked));
    sends.add(tracked);
  }

  return {
    /** Follows every branch that has webhooks or push subscriptions, and removes subscriptions of ended tickets. */
    async start(): Promise<void> {
      // Tidying only: a database that cannot take writes must not stop the server from starting
      // (it answers, and says it is not ready), and the next day close removes them anyway.
      await pushSubscriptionRepository.removeEnded(db).catch((err) => log('ended tickets’ subscriptions were not removed', { err: String(err) }));
      const hooked = await webhookRepository.branchesWithActive(db);
      const phones = await pushSubscriptionRepository.allTickets(db);
      for (const branchId of new Set([...hooked, ...phones.map((p) => p.branchId)])) await this.webhooksChanged(branchId);
      for (const { branchId, ticketId } of phones) (await follow(branchId)).pushTickets.add(ticketId);
    },
    /** A phone subscribed for a ticket of the branch. */
    async subscribed(branchId: string, ticketId: string): Promise<void> {
      (await follow(branchId)).pushTickets.add(ticketId);
    },
    /** An admin changed the branch's webhooks: read the active ones again. */
    async webhooksChanged(branchId: string): Promise<void> {
      const webhooks = await webhookRepository.activeIn(db, branchId);
      (await follow(branchId)).webhooks = webhooks;
    },
    /** Resolves once every event taken is handled and every push sent. For tests and shutdown. */
    async settled(): Promise<void> {
      // The engine publishes a batch's events just after answering it: a read queued now comes after that.
      await Promise.all([...branches.keys()].map((branchId) => engine.read(branchId, () => undefined)));
      for (;;) {
        const pending = [...[...branches.values()].map((b) => b.draining).filter(Boolean), ...sends];
        if (pending.length === 0) return;
        await Promise.all(pending);
      }
    },
    async close(): Promise<void> {
      for (const branch of branches.values()) branch.unsubscribe();
      await this.settled();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
