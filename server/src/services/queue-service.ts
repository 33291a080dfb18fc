/**
 * The queue: issuing tickets, calling the next one, and everything a teller or the lobby manager
 * does to a ticket. Each is a command of the branch engine (domain/commands.ts): decided on the
 * branch's held state, written in one transaction, published once.
 */
import { isTicketEvent, type DomainEvent } from '../../../protocol/messages.js';
import type { PublicBranch } from '../../../protocol/public-branch-routes.js';
import type { MachineKind, PublicTicket, Ticket, Tier } from '../../../protocol/schemas.js';
import { actorId, assertCanIssue, assertStaff, type Actor } from '../domain/actor.js';
import type { TicketRecord } from '../domain/branch-state.js';
import { deviceTicketsSince, type Command, type RegisteredCustomer } from '../domain/commands.js';
import { activePublicTicket } from '../domain/public-ticket.js';
import { customerNumberHash, normaliseCustomerNumber, numberProblem } from '../domain/customer-number.js';
import { AppError, notFound } from '../errors.js';
import { customerRepository } from '../repositories/customer-repository.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { findBranch, findService } from '../repositories/branch-repository.js';
import { findCounterBranch } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { toBranch, toService, toTicket, toTicketRecord } from '../repositories/mappers.js';
import { findTicket } from '../repositories/ticket-repository.js';
import { ticketEventRepository } from '../repositories/ticket-event-repository.js';
import type { Applied, BranchEngine } from './branch-engine.js';

export interface IssueTicketInput {
  serviceId: string;
  tier?: Tier;
  customerRef?: string;
}

export interface QueueServiceDeps {
  db: Db;
  clock: Clock;
  engine: BranchEngine;
  /** The install's HMAC key of card and customer numbers (the customer resource sheet's). */
  customerKey: Buffer;
}

/** A kiosk, as the issue limit knows it. */
export type DeviceActor = Extract<Actor, { kind: 'device' }>;

type TicketCommand = Extract<Command, { ticketId: string; finished?: TicketRecord }>;
type TicketCommandInput = TicketCommand extends infer C ? (C extends TicketCommand ? Omit<C, 'actor' | 'ticketId' | 'finished'> : never) : never;

/** The ticket after the change, with its position and estimate, as the change's event carries it. */
function ticketOf(events: readonly DomainEvent[]): Ticket {
  const event = events.findLast(isTicketEvent);
  if (!event) throw new Error('a ticket command produced no ticket event');
  return event.ticket;
}

export function createQueueService({ db, clock, engine, customerKey }: QueueServiceDeps) {
  /**
   * The number's HMAC and the resource sheet's customer it matches. Only a ticket with a number
   * pays for this: every other ticket goes straight to the engine.
   */
  async function recognise(branchId: string, customerRef: string): Promise<{ hash: string; customer: RegisteredCustomer | null }> {
    const number = normaliseCustomerNumber(customerRef);
    if (!number.ok) throw new AppError('VALIDATION_FAILED', `body/customerRef: ${numberProblem(number.reason)}`);
    const hash = customerNumberHash(customerKey, number.digits);
    return { hash, customer: (await customerRepository.findByHash(db, branchId, hash)) ?? null };
  }

  /** The branch of a ticket, and the stored ticket when no held state has it (it may have ended). */
  async function locateTicket(ticketId: string): Promise<{ branchId: string; finished?: TicketRecord }> {
    const branchId = engine.branchOfTicket(ticketId);
    if (branchId) return { branchId };
    const row = await findTicket(db, ticketId);
    if (!row) throw notFound('ticket', ticketId);
    return { branchId: row.branch_id, finished: toTicketRecord(row) };
  }

  async function actOnTicket(actor: Actor, ticketId: string, input: TicketCommandInput): Promise<Ticket> {
    const { branchId, finished } = await locateTicket(ticketId);
    const { events } = await engine.run(branchId, { ...input, actor, ticketId, finished } as TicketCommand, actorId(actor));
    return ticketOf(events);
  }

  /** Runs a command at a counter, in the counter's branch. */
  async function runAtCounter(counterId: string, command: Extract<Command, { counterId: string; actor: Actor }>): Promise<Applied> {
    const branchId = engine.branchOfCounter(counterId) ?? (await findCounterBranch(db, counterId));
    if (!branchId) throw notFound('counter', counterId);
    return engine.run(branchId, command, actorId(command.actor));
  }

  /** The ticket a call called, or null when nobody waited for the counter. */
  const calledOrNull = ({ result, events }: Applied): Ticket | null => (result.ticketId ? ticketOf(events) : null);

  return {
    /** Issues a ticket at the kiosk or by a member of staff (主動派號). */
    async issueTicket(actor: Actor, branchId: string, input: IssueTicketInput): Promise<Ticket> {
      assertCanIssue(actor, branchId);
      const recognised = input.customerRef === undefined ? null : await recognise(branchId, input.customerRef);
      const command: Command = {
        type: 'issue',
        actor,
        ticketId: newId(),
        serviceId: input.serviceId,
        tier: input.tier ?? 'regular',
        customerRef: recognised?.hash ?? null,
        customer: recognised?.customer ?? null,
      };
      return ticketOf((await engine.run(branchId, command, actorId(actor))).events);
    },

    /** Calls the next ticket for the counter, or returns null when none waits for it. */
    callNext: async (actor: Actor, counterId: string) => calledOrNull(await runAtCounter(counterId, { type: 'call_next', actor, counterId })),

    /** 指定叫號: calls a specific waiting ticket of the counter's services (a customer standing at the counter, a return visit). */
    callTicket: async (actor: Actor, counterId: string, ticketId: string) => ticketOf((await runAtCounter(counterId, { type: 'call_ticket', actor, counterId, ticketId })).events),

    /** Completes the customer being served and calls the next one; null when nobody waits (the completion still counts). */
    completeAndCallNext: async (actor: Actor, counterId: string) => calledOrNull(await runAtCounter(counterId, { type: 'complete_and_call_next', actor, counterId })),

    /** Calls the current ticket again (the customer did not come yet). */
    recall: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'recall' }),
    /** The customer arrived at the counter: service starts. */
    start: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'start' }),
    complete: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'complete' }),
    /** The called customer did not come: allowed once the branch's recalls (or seconds since the call) are reached. */
    noShow: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'no_show' }),
    /** The customer marked no-show turned up: called to the same counter again, within two minutes. */
    undoNoShow: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'undo_no_show' }),
    /** 過號重排: the no-show's customer turned up late; the ticket waits again where the branch's lateArrival puts it. */
    requeue: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'requeue' }),
    cancel: (actor: Actor, ticketId: string) => actOnTicket(actor, ticketId, { type: 'cancel' }),
    /** Moves the ticket to another service; it waits again but keeps its original arrival time. */
    transfer: (actor: Actor, ticketId: string, serviceId: string) => actOnTicket(actor, ticketId, { type: 'transfer', serviceId }),
    /** Sends a waiting customer to a self-service machine (分流); the ticket leaves the queue. */
    divert: (actor: Actor, ticketId: string, machineKind: MachineKind) => actOnTicket(actor, ticketId, { type: 'divert', machineKind }),
    /** Moves a waiting ticket to the VIP lane, to priority, or back to regular (a manager's decision). */
    changeTier: (actor: Actor, ticketId: string, tier: Tier) => actOnTicket(actor, ticketId, { type: 'change_tier', tier }),
    /** Undoes the ticket's last divert, transfer, tier change or cancel within two minutes: it waits again exactly where it was. */
    async undoTriage(actor: Actor, ticketId: string): Promise<Ticket> {
      // The log keeps the ticket before the action (domain/triage-undo.ts says why it is read from there).
      const [action, before] = await ticketEventRepository.latest(db, ticketId, 2);
      const history = action ? { action, before: before?.ticket ?? null } : null;
      return actOnTicket(actor, ticketId, { type: 'undo_triage', history });
    },

    /** How many tickets one kiosk may issue per minute in the branch (its `issuesPerDevicePerMinute`). */
    async issuesPerDevicePerMinute(branchId: string): Promise<number> {
      // Every kiosk ticket asks: a loaded branch answers at once, without queueing behind its commands.
      const limit = engine.settingsOf(branchId)?.issuesPerDevicePerMinute ?? (await engine.read(branchId, (state) => state?.branch.settings.issuesPerDevicePerMinute));
      if (limit === undefined) throw notFound('branch', branchId);
      return limit;
    },

    /** Records that a kiosk was refused `refused` tickets for issuing too fast: the lobby manager's alert. */
    async recordThrottle(device: DeviceActor, refused: number): Promise<void> {
      await engine.run(device.branchId, { type: 'record_throttle', deviceId: device.id, deviceLabel: device.label, refused });
    },

    /** How many waiting tickets kiosk `deviceId` issued in the last `sinceMinutes`: what a bulk cancel would take back. */
    async deviceTicketCount(actor: Actor, branchId: string, deviceId: string, sinceMinutes: number): Promise<number> {
      assertStaff(actor, branchId, ['admin', 'manager']);
      const count = await engine.read(branchId, (state) => state && deviceTicketsSince(state, deviceId, sinceMinutes, clock.now()).length);
      if (count === undefined) throw notFound('branch', branchId);
      return count;
    },

    /** Cancels the waiting tickets kiosk `deviceId` issued in the last `sinceMinutes`; returns how many. */
    async cancelDeviceTickets(actor: Actor, branchId: string, deviceId: string, sinceMinutes: number): Promise<number> {
      const { result } = await engine.run(branchId, { type: 'cancel_device_tickets', actor, deviceId, sinceMinutes }, actorId(actor));
      return result.count ?? 0;
    },

    /** Records a customer sent to a self-service machine instead of taking a ticket. */
    async recordDiversion(actor: Actor, branchId: string, serviceId: string, machineKind: MachineKind): Promise<void> {
      assertCanIssue(actor, branchId);
      await engine.run(branchId, { type: 'record_diversion', actor, serviceId, machineKind }, actorId(actor));
    },

    /** A branch's name and language for the staff sign-in page: read from storage, so an unknown id holds no branch in memory. */
    async publicBranch(branchId: string): Promise<PublicBranch> {
      const row = await findBranch(db, branchId);
      if (!row) throw notFound('branch', branchId);
      const { id, name, defaultLocale } = toBranch(row);
      return { id, name, defaultLocale };
    },

    /** The ticket as the customer's phone shows it: anyone holding the ticket's id may read it. */
    async publicTicket(ticketId: string): Promise<PublicTicket> {
      const { branchId, finished } = await locateTicket(ticketId);
      const live = await engine.read(branchId, (state, view) => state && activePublicTicket(state, view, ticketId));
      if (live) return live;
      // Finished (or its service was since retired): as stored.
      const row = finished ? await findTicket(db, ticketId) : undefined;
      if (!row) throw notFound('ticket', ticketId);
      const [service, branch] = await Promise.all([findService(db, row.service_id), findBranch(db, row.branch_id)]);
      const counterNumber = row.counter_id ? await engine.read(branchId, (state) => state?.counters.get(row.counter_id!)?.number ?? null) : null;
      const { name, timeZone } = toBranch(branch!);
      return { ticket: toTicket(row), service: toService(service!), branchName: name, counterNumber, timeZone };
    },

    async getTicket(actor: Actor, ticketId: string): Promise<Ticket> {
      const row = await findTicket(db, ticketId);
      if (!row || (actor.branchId !== null && actor.branchId !== row.branch_id)) throw notFound('ticket', ticketId);
      return toTicket(row);
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
