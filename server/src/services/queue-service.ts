/**
 * The queue: issuing tickets, calling the next one, and everything a teller or the lobby manager
 * does to a ticket. Each operation is one branch transaction with guarded updates, so two tellers
 * never get the same ticket and a refused action changes nothing.
 */
import type { TicketUpdate, TicketRow } from '../../../db/schema.js';
import type { DomainEventType } from '../../../protocol/messages.js';
import type { MachineKind, PublicTicket, Ticket, TicketStatus, Tier } from '../../../protocol/schemas.js';
import { businessDay } from '../domain/business-day.js';
import { pickNextTicket } from '../domain/call-order.js';
import { formatTicketNumber, nextTicketNumber, ticketNumberValue } from '../domain/ticket-number.js';
import { assertTicketAction, type TicketAction } from '../domain/ticket-transitions.js';
import { AppError, notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { findBranch, findService } from '../repositories/branch-repository.js';
import { findCounter, updateCounter } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { toBranch, toService, toTicket } from '../repositories/mappers.js';
import {
  activeNumbers,
  findTicket,
  insertTicket,
  lastNumberToday,
  saveLastNumber,
  updateTicketGuarded,
} from '../repositories/ticket-repository.js';
import { actorId, assertActsOnCounter, assertCanIssue, assertStaff, type Actor } from './actor.js';
import type { RunInBranch } from './branch-transaction.js';
import { describeQueues, loadQueueState } from './queue-state.js';

export interface IssueTicketInput {
  serviceId: string;
  tier?: Tier;
  customerRef?: string;
}

export interface QueueServiceDeps {
  db: Db;
  clock: Clock;
  runInBranch: RunInBranch;
}

export function createQueueService({ db, clock, runInBranch }: QueueServiceDeps) {
  /** The ticket with its live position and estimate, as the events of the change carry it. */
  function ticketFrom(events: { ticket?: Ticket }[], ticketId: string): Ticket {
    const ticket = events.findLast((e) => e.ticket?.id === ticketId)?.ticket;
    if (!ticket) throw new Error(`change to ticket ${ticketId} produced no event`);
    return ticket;
  }

  async function requireTicket(db: Db, ticketId: string): Promise<TicketRow> {
    const row = await findTicket(db, ticketId);
    if (!row) throw notFound('ticket', ticketId);
    return row;
  }

  /** Applies a guarded change to a ticket; losing a race is reported like any refused transition. */
  async function changeTicket(db: Db, ticket: TicketRow, action: TicketAction, changes: TicketUpdate) {
    assertTicketAction(action, ticket.status as TicketStatus, ticket.number);
    if (!(await updateTicketGuarded(db, ticket.id, ticket.status as TicketStatus, changes))) {
      throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number} was changed by someone else; reload and try again`);
    }
  }

  /** Frees the counter that held this ticket as its current one. */
  async function releaseCounter(db: Db, ticket: TicketRow) {
    if (!ticket.counter_id) return;
    const counter = await findCounter(db, ticket.counter_id);
    if (counter?.currentTicketId === ticket.id) await updateCounter(db, counter.id, { current_ticket_id: null });
  }

  /** Who may act on a ticket: managers and admins always; a teller when it is at their counter and `tellerMay`. */
  async function assertActsOnTicket(db: Db, actor: Actor, ticket: TicketRow, tellerMay: boolean) {
    if (actor.kind === 'user' && actor.role === 'teller' && tellerMay && ticket.counter_id) {
      const counter = await findCounter(db, ticket.counter_id);
      if (counter) return assertActsOnCounter(actor, counter);
    }
    assertStaff(actor, ticket.branch_id, ['admin', 'manager']);
  }

  /** Runs one action on a ticket in its branch's transaction and returns the ticket after it. */
  async function actOnTicket(
    actor: Actor,
    ticketId: string,
    eventType: DomainEventType,
    work: (trx: Db, ticket: TicketRow, now: string) => Promise<{ counterId?: string } | void>,
  ): Promise<Ticket> {
    // The branch is read first so the change runs in that branch's unit of work.
    const { branch_id } = await requireTicket(db, ticketId);
    const { events } = await runInBranch(branch_id, actorId(actor), async (trx, emit, now) => {
      const ticket = await requireTicket(trx, ticketId);
      const extra = await work(trx, ticket, now.toISOString());
      emit({ type: eventType, ticketId, counterId: (extra && extra.counterId) ?? ticket.counter_id ?? undefined });
    });
    return ticketFrom(events, ticketId);
  }

  return {
    /** Issues a ticket at the kiosk or by a member of staff (主動派號). */
    async issueTicket(actor: Actor, branchId: string, input: IssueTicketInput): Promise<Ticket> {
      assertCanIssue(actor, branchId);
      const { events } = await runInBranch(branchId, actorId(actor), async (trx, emit, now) => {
        const branchRow = await findBranch(trx, branchId);
        if (!branchRow) throw notFound('branch', branchId);
        const service = await findService(trx, input.serviceId);
        if (!service || service.branch_id !== branchId || service.active !== 1) throw notFound('service', input.serviceId);

        const day = businessDay(now, toBranch(branchRow).timeZone);
        const active = new Set((await activeNumbers(trx, branchId, service.prefix)).map(ticketNumberValue));
        const value = nextTicketNumber(await lastNumberToday(trx, branchId, service.prefix, day), active);
        if (value === null) {
          throw new AppError('NUMBERS_EXHAUSTED', `all 999 numbers of ${service.prefix} are in use today`);
        }
        await saveLastNumber(trx, branchId, service.prefix, day, value);

        const id = newId();
        await insertTicket(trx, {
          id,
          branch_id: branchId,
          service_id: service.id,
          number: formatTicketNumber(service.prefix, value),
          business_day: day,
          tier: input.tier ?? 'regular',
          status: 'waiting',
          customer_ref: input.customerRef ?? null,
          issued_at: now.toISOString(),
          called_at: null,
          started_at: null,
          ended_at: null,
          counter_id: null,
          call_count: 0,
          diverted_to: null,
          issued_by: actorId(actor),
          issue_estimate_seconds: null,
        });
        emit({ type: 'ticket.issued', ticketId: id });
        return id;
      });
      return ticketFrom(events, events[0].ticket!.id);
    },

    /** Calls the next ticket for the counter, or returns null when none waits for it. */
    async callNext(actor: Actor, counterId: string): Promise<Ticket | null> {
      const outside = await findCounter(db, counterId);
      if (!outside) throw notFound('counter', counterId);
      const { result: ticketId, events } = await runInBranch(outside.branchId, actorId(actor), async (trx, emit, now) => {
        const counter = await findCounter(trx, counterId);
        if (!counter) throw notFound('counter', counterId);
        assertActsOnCounter(actor, counter);
        if (counter.status === 'closed') throw new AppError('COUNTER_CLOSED', `counter ${counter.number} is closed: open it first`);
        if (counter.status === 'paused') throw new AppError('COUNTER_PAUSED', `counter ${counter.number} is paused: resume it first`);
        if (counter.currentTicketId) {
          const current = await findTicket(trx, counter.currentTicketId);
          if (current && (current.status === 'called' || current.status === 'serving')) {
            throw new AppError(
              'COUNTER_BUSY',
              `counter ${counter.number} still has ticket ${current.number} (${current.status}): complete, transfer or mark it no-show first`,
            );
          }
        }
        const state = await loadQueueState(trx, counter.branchId);
        const next = pickNextTicket({
          counter,
          waiting: state.waiting,
          targetWaitSeconds: new Map(state.services.map((s) => [s.id, s.targetWaitSeconds])),
          servicesWithOpenVipCounter: new Set(state.counters.filter((c) => c.vip && c.status === 'open').flatMap((c) => c.serviceIds)),
          settings: state.settings,
          // The queue state holds each open counter's priority and VIP calls since the oldest waiting ticket arrived.
          tieredCallsAt: state.queueCounters.find((c) => c.id === counter.id)?.tieredCallsAt ?? [],
          now,
        });
        if (!next) return null;
        const at = now.toISOString();
        const taken = await updateTicketGuarded(trx, next.id, 'waiting', {
          status: 'called',
          counter_id: counter.id,
          called_at: at,
          call_count: 1,
        });
        // Inside one transaction nobody else can take it; the guard keeps that true on any database.
        if (!taken) throw new AppError('CONFLICT', 'the next ticket was taken by another counter; call again');
        await updateCounter(trx, counter.id, { current_ticket_id: next.id });
        emit({ type: 'ticket.called', ticketId: next.id, counterId: counter.id });
        return next.id;
      });
      return ticketId ? ticketFrom(events, ticketId) : null;
    },

    /** Calls the current ticket again (the customer did not come yet). */
    recall: (actor: Actor, ticketId: string) =>
      actOnTicket(actor, ticketId, 'ticket.recalled', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        await changeTicket(trx, ticket, 'recall', { call_count: ticket.call_count + 1, called_at: now });
      }),

    /** The customer arrived at the counter: service starts. */
    start: (actor: Actor, ticketId: string) =>
      actOnTicket(actor, ticketId, 'ticket.started', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        await changeTicket(trx, ticket, 'start', { status: 'serving', started_at: now });
      }),

    complete: (actor: Actor, ticketId: string) =>
      actOnTicket(actor, ticketId, 'ticket.completed', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        await changeTicket(trx, ticket, 'complete', { status: 'done', ended_at: now });
        await releaseCounter(trx, ticket);
      }),

    noShow: (actor: Actor, ticketId: string) =>
      actOnTicket(actor, ticketId, 'ticket.no_show', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        await changeTicket(trx, ticket, 'no_show', { status: 'no_show', ended_at: now });
        await releaseCounter(trx, ticket);
      }),

    cancel: (actor: Actor, ticketId: string) =>
      actOnTicket(actor, ticketId, 'ticket.cancelled', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        await changeTicket(trx, ticket, 'cancel', { status: 'cancelled', ended_at: now });
        await releaseCounter(trx, ticket);
      }),

    /** Moves the ticket to another service; it waits again but keeps its original arrival time. */
    transfer: (actor: Actor, ticketId: string, serviceId: string) =>
      actOnTicket(actor, ticketId, 'ticket.transferred', async (trx, ticket) => {
        await assertActsOnTicket(trx, actor, ticket, true);
        const service = await findService(trx, serviceId);
        if (!service || service.branch_id !== ticket.branch_id || service.active !== 1) throw notFound('service', serviceId);
        if (service.id === ticket.service_id) {
          throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number} is already in service ${service.prefix}`);
        }
        await changeTicket(trx, ticket, 'transfer', {
          status: 'waiting',
          service_id: service.id,
          counter_id: null,
          called_at: null,
          started_at: null,
          call_count: 0,
        });
        await releaseCounter(trx, ticket);
        return { counterId: ticket.counter_id ?? undefined };
      }),

    /** Sends a waiting customer to a self-service machine (分流); the ticket leaves the queue. */
    divert: (actor: Actor, ticketId: string, machineKind: MachineKind) =>
      actOnTicket(actor, ticketId, 'ticket.diverted', async (trx, ticket, now) => {
        await assertActsOnTicket(trx, actor, ticket, false);
        await changeTicket(trx, ticket, 'divert', { status: 'diverted', diverted_to: machineKind, ended_at: now });
      }),

    /** Moves a waiting ticket to the VIP lane, to priority, or back to regular (a manager's decision). */
    changeTier: (actor: Actor, ticketId: string, tier: Tier) =>
      actOnTicket(actor, ticketId, 'ticket.tier_changed', async (trx, ticket) => {
        await assertActsOnTicket(trx, actor, ticket, false);
        await changeTicket(trx, ticket, 'change_tier', { tier });
      }),

    /** Records a customer sent to a self-service machine instead of taking a ticket. */
    async recordDiversion(actor: Actor, branchId: string, serviceId: string, machineKind: MachineKind): Promise<void> {
      assertCanIssue(actor, branchId);
      await runInBranch(branchId, actorId(actor), async (trx, emit) => {
        const service = await findService(trx, serviceId);
        if (!service || service.branch_id !== branchId) throw notFound('service', serviceId);
        emit({ type: 'customer.diverted', diversion: { serviceId, machineKind } });
      });
    },

    /** The ticket as the customer's phone shows it: anyone holding the ticket's id may read it. */
    async publicTicket(ticketId: string): Promise<PublicTicket> {
      const row = await requireTicket(db, ticketId);
      const state = await loadQueueState(db, row.branch_id);
      const live = describeQueues(state, clock.now()).tickets.find((t) => t.id === row.id);
      const service = state.services.find((s) => s.id === row.service_id) ?? toService((await findService(db, row.service_id))!);
      const branch = toBranch((await findBranch(db, row.branch_id))!);
      const counter = row.counter_id ? await findCounter(db, row.counter_id) : undefined;
      return { ticket: live ?? toTicket(row), service, branchName: branch.name, counterNumber: counter?.number ?? null };
    },

    async getTicket(actor: Actor, ticketId: string): Promise<Ticket> {
      const row = await requireTicket(db, ticketId);
      if (actor.branchId !== null && actor.branchId !== row.branch_id) throw notFound('ticket', ticketId);
      return toTicket(row);
    },
  };
}
