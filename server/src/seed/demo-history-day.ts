/**
 * One business day of the demo branch's past (seed/demo-history.ts): the lobby simulator runs the
 * day, and its customers become tickets with their times, counter and teller, the events the engine
 * would have logged for them (issue, call, start, complete; recall and no-show; the manager's
 * diversions; counters opening, pausing for lunch and closing; the kiosk's diversions before a
 * ticket) and the day's number sequences.
 */
import type { NewTicket } from '../../../db/schema.js';
import type { DomainEvent } from '../../../protocol/messages.js';
import type { Counter, MachineKind, Ticket } from '../../../protocol/schemas.js';
import { DEMO_BRANCH_ID, DEMO_SERVICES, demoServiceId } from '../demo/demo-branch-layout.js';
import { startOfDay } from '../domain/complaint-rules.js';
import { formatTicketNumber } from '../domain/ticket-number.js';
import { DEMO_MIX, demoProfile } from '../simulator/branch-profile.js';
import { daySetup, NO_SHOW_MS, simulateLobby, type CustomerRecord } from '../simulator/lobby-simulation.js';
import { lognormal, type Random } from '../simulator/random.js';
import { historyId } from './demo-history-records.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OPENING_HOUR = 9;
/**
 * Customers per hour from 09:00 across all services on an ordinary Tuesday: a crowd at the door
 * at opening, a dip mid-morning, the lunchtime peak (office workers at 12:00), a quiet afternoon.
 */
export const HISTORY_ARRIVALS = [42, 32, 26, 41, 36, 23, 25, 19];
/** Share of tickets issued by the lobby manager on the tablet rather than at the kiosk. */
const STAFF_ISSUED_SHARE = 0.12;
/** Share of customers who gave up waiting whom the manager sent to a self-service machine instead. */
const MANAGER_DIVERT_SHARE = 0.4;

/** An event before its sequence number is known (each member of the union keeps its own fields). */
type WithoutSeq<E> = E extends unknown ? Omit<E, 'seq'> : never;
export type HistoryEvent = WithoutSeq<DomainEvent>;

/** One simulated business day as rows. */
export interface HistoryDay {
  day: string;
  openingMs: number;
  closingMs: number;
  tickets: NewTicket[];
  numbers: { prefix: string; last: number }[];
  /** Counter id → teller id that day. */
  tellers: Map<string, string>;
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();

export interface DayInput {
  day: string;
  index: number;
  seed: number;
  factor: number;
  timeZone: string;
  counters: Counter[];
  tellerOf: (counter: Counter, week: number) => { id: string; display_name: string };
  managerId: string;
  kioskId: string | null;
  random: Random;
  ids: Random;
}

/** An activity at a counter: a served customer, or the minute spent calling one who had gone. */
interface Slot {
  customer: CustomerRecord;
  startMs: number;
  endMs: number;
  noShow: boolean;
}

/** One business day: the simulator's customers, turned into tickets, events and numbers. */
export function simulateDay(input: DayInput): HistoryDay & { events: HistoryEvent[] } {
  const { day, random, ids } = input;
  const profile = demoProfile();
  for (const service of profile.services) service.arrivalsPerHour = HISTORY_ARRIVALS.map((n) => n * input.factor * (DEMO_MIX[service.label] ?? 0));
  const openingMs = startOfDay(day, input.timeZone).getTime() + OPENING_HOUR * HOUR;
  const setup = daySetup(profile, { seed: input.seed, openingMs });
  const closingMs = setup.arrivalsUntilMs;
  const run = simulateLobby(setup);
  const services = new Map(profile.services.map((s) => [s.id, s]));
  const selfService = new Map(DEMO_SERVICES.map((s) => [demoServiceId(s.prefix), s.selfService]));
  const week = Math.floor(input.index / 5);
  const tellers = new Map(input.counters.map((c) => [c.id, input.tellerOf(c, week)]));

  // Who gave up waiting: some were sent to a machine by the manager, the rest are no-shows when called.
  const customers = [...run.customers].sort((a, b) => a.issuedAtMs - b.issuedAtMs);
  const divertedBy = new Map<string, { atMs: number; kind: MachineKind }>();
  for (const c of customers) {
    const kind = selfService.get(c.serviceId);
    if (c.abandonedAtMs !== null && kind && random() < MANAGER_DIVERT_SHARE) {
      divertedBy.set(c.id, { atMs: c.issuedAtMs + (c.abandonedAtMs - c.issuedAtMs) * (0.5 + 0.4 * random()), kind });
    }
  }

  // Each counter's day: served customers at their call, no-shows in the minute before a later call.
  const slots = new Map<string, Slot[]>();
  for (const counter of input.counters) {
    const mine = customers.filter((c) => c.counterId === counter.id && !divertedBy.has(c.id));
    const served = mine.filter((c) => c.calledAtMs !== null).sort((a, b) => a.calledAtMs! - b.calledAtMs!);
    const stacked = served.map(() => 0);
    const counterSlots: Slot[] = served.map((c) => ({ customer: c, startMs: c.calledAtMs!, endMs: Infinity, noShow: false }));
    for (const gone of mine.filter((c) => c.calledAtMs === null && c.abandonedAtMs !== null)) {
      let placed = false;
      for (let j = 0; j < served.length && !placed; j++) {
        const startMs = served[j]!.calledAtMs! - NO_SHOW_MS * (stacked[j]! + 1);
        const after = Math.max(gone.abandonedAtMs!, j > 0 ? served[j - 1]!.calledAtMs! + NO_SHOW_MS : -Infinity);
        if (startMs >= after) {
          stacked[j]!++;
          counterSlots.push({ customer: gone, startMs, endMs: startMs + NO_SHOW_MS, noShow: true });
          placed = true;
        }
      }
      if (!placed) {
        const latest = Math.max(0, ...counterSlots.map((s) => (s.noShow ? s.endMs : s.startMs + 5 * MINUTE)));
        const startMs = Math.max(gone.abandonedAtMs! + MINUTE, latest);
        counterSlots.push({ customer: gone, startMs, endMs: startMs + NO_SHOW_MS, noShow: true });
      }
    }
    counterSlots.sort((a, b) => a.startMs - b.startMs);
    for (const [i, slot] of counterSlots.entries()) {
      if (slot.noShow) continue;
      // The simulator calls the next customer the moment a counter frees: the next call bounds this service.
      const nextMs = counterSlots[i + 1]?.startMs ?? Infinity;
      const meanSeconds = services.get(slot.customer.serviceId)?.meanServiceSeconds ?? 300;
      slot.endMs = Math.min(slot.startMs + lognormal(random, meanSeconds, 0.6) * 1000, nextMs);
    }
    slots.set(counter.id, counterSlots);
  }
  const slotOf = new Map([...slots.values()].flat().map((s) => [s.customer.id, s]));

  // Numbers restart each business day, per service, in the order tickets were issued.
  const lastNumber = new Map<string, number>();
  const tickets: NewTicket[] = [];
  const events: HistoryEvent[] = [];
  const base = (atMs: number, actorId: string | null) => ({ branchId: DEMO_BRANCH_ID, at: iso(atMs), actorId, queues: [] });
  const counterAt = (counterId: string, currentTicketId: string | null, since: number): Counter => {
    const counter = input.counters.find((c) => c.id === counterId)!;
    const teller = tellers.get(counterId)!;
    return { ...counter, status: 'open', tellerId: teller.id, tellerName: teller.display_name, currentTicketId, statusChangedAt: iso(since), pauseReason: null };
  };
  const openedAt = (counterId: string, atMs: number) => {
    const shifts = setup.counters.find((c) => c.id === counterId)!.shifts;
    const shift = [...shifts].reverse().find(([from]) => from <= atMs) ?? shifts[0]!;
    return shift[0] === openingMs ? openingMs - 3 * MINUTE : shift[0];
  };

  // When each customer stopped waiting (called, sent to a machine, or gone), per service in issue order.
  const leftAt = new Map<string, { issuedAtMs: number; leftAtMs: number }[]>();
  for (const c of customers) {
    const left = divertedBy.get(c.id)?.atMs ?? slotOf.get(c.id)?.startMs ?? c.abandonedAtMs ?? Infinity;
    const ofService = leftAt.get(c.serviceId) ?? [];
    ofService.push({ issuedAtMs: c.issuedAtMs, leftAtMs: left });
    leftAt.set(c.serviceId, ofService);
  }

  for (const c of customers) {
    const service = services.get(c.serviceId)!;
    const number = (lastNumber.get(service.label) ?? 0) + 1;
    lastNumber.set(service.label, number);
    const id = historyId(c.issuedAtMs, ids);
    const byStaff = random() < STAFF_ISSUED_SHARE;
    const issued: Ticket = {
      id,
      branchId: DEMO_BRANCH_ID,
      number: formatTicketNumber(service.label, number),
      serviceId: c.serviceId,
      tier: c.tier,
      status: 'waiting',
      issuedAt: iso(c.issuedAtMs),
      calledAt: null,
      startedAt: null,
      endedAt: null,
      counterId: null,
      callCount: 0,
      divertedTo: null,
    };
    const estimate = c.estimateSeconds === null ? null : Math.round(c.estimateSeconds);
    const position = peopleWaiting(c, leftAt.get(c.serviceId)!);
    events.push({ ...base(c.issuedAtMs, byStaff ? input.managerId : null), type: 'ticket.issued', ticket: { ...issued, position, estimatedWaitSeconds: estimate ?? 0 } });

    let final: Ticket;
    const diversion = divertedBy.get(c.id);
    const slot = slotOf.get(c.id);
    if (diversion) {
      final = { ...issued, status: 'diverted', divertedTo: diversion.kind, endedAt: iso(diversion.atMs) };
      events.push({ ...base(diversion.atMs, input.managerId), type: 'ticket.diverted', ticket: final });
    } else if (slot && slot.noShow) {
      const teller = tellers.get(slot.customer.counterId!)!.id;
      const since = openedAt(c.counterId!, slot.startMs);
      const called: Ticket = { ...issued, status: 'called', calledAt: iso(slot.startMs), counterId: c.counterId, callCount: 1 };
      const recalled: Ticket = { ...called, calledAt: iso(slot.startMs + 30_000), callCount: 2 };
      final = { ...recalled, status: 'no_show', endedAt: iso(slot.endMs) };
      events.push({ ...base(slot.startMs, teller), type: 'ticket.called', ticket: called, counter: counterAt(c.counterId!, id, since) });
      events.push({ ...base(slot.startMs + 30_000, teller), type: 'ticket.recalled', ticket: recalled, counter: counterAt(c.counterId!, id, since) });
      events.push({ ...base(slot.endMs, teller), type: 'ticket.no_show', ticket: final, counter: counterAt(c.counterId!, null, since) });
    } else if (slot) {
      const teller = tellers.get(c.counterId!)!.id;
      const since = openedAt(c.counterId!, slot.startMs);
      // The walk to the counter: up to a minute, never more than a third of the visit.
      const startedMs = slot.startMs + Math.min((15 + 45 * random()) * 1000, (slot.endMs - slot.startMs) / 3);
      const called: Ticket = { ...issued, status: 'called', calledAt: iso(slot.startMs), counterId: c.counterId, callCount: 1 };
      const started: Ticket = { ...called, status: 'serving', startedAt: iso(startedMs) };
      final = { ...started, status: 'done', endedAt: iso(slot.endMs) };
      events.push({ ...base(slot.startMs, teller), type: 'ticket.called', ticket: called, counter: counterAt(c.counterId!, id, since) });
      events.push({ ...base(startedMs, teller), type: 'ticket.started', ticket: started, counter: counterAt(c.counterId!, id, since) });
      events.push({ ...base(slot.endMs, teller), type: 'ticket.completed', ticket: final, counter: counterAt(c.counterId!, null, since) });
    } else {
      // Gone before any counter reached them: the day's close cancelled the ticket.
      const atMs = Math.max(closingMs, c.abandonedAtMs ?? c.issuedAtMs) + 5 * MINUTE;
      final = { ...issued, status: 'cancelled', endedAt: iso(atMs) };
      events.push({ ...base(atMs, null), type: 'ticket.cancelled', ticket: final });
    }
    tickets.push({
      id,
      branch_id: DEMO_BRANCH_ID,
      service_id: c.serviceId,
      number: final.number,
      business_day: day,
      tier: c.tier,
      status: final.status,
      customer_ref: null,
      customer_id: null,
      issued_at: final.issuedAt,
      queued_at: null,
      called_at: final.calledAt,
      started_at: final.startedAt,
      ended_at: final.endedAt,
      counter_id: final.counterId,
      call_count: final.callCount,
      diverted_to: final.divertedTo,
      issued_by: byStaff ? input.managerId : null,
      issued_by_device: byStaff ? null : input.kioskId,
      issue_estimate_seconds: estimate,
    });
  }

  events.push(...counterEvents(input, setup.counters, slots, tellers, openingMs, closingMs));
  events.push(...kioskDiversions(run.diverted, selfService, openingMs, random));
  // In the order they happened; at the same instant, what ends comes before what begins.
  const rank = (type: string) => (/completed|no_show|diverted|cancelled|paused|closed/.test(type) ? 0 : 1);
  const order = events.map((e, i) => ({ e, i, at: e.at, rank: rank(e.type) }));
  order.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.rank - b.rank || a.i - b.i));

  return {
    day,
    openingMs,
    closingMs,
    tickets,
    events: order.map((o) => o.e),
    numbers: [...lastNumber].map(([prefix, last]) => ({ prefix, last })),
    tellers: new Map([...tellers].map(([counterId, teller]) => [counterId, teller.id])),
  };
}

/** How many of the service's customers issued before `c` were still waiting when it was issued. */
function peopleWaiting(c: CustomerRecord, ofService: readonly { issuedAtMs: number; leftAtMs: number }[]): number {
  let ahead = 0;
  for (const other of ofService) {
    if (other.issuedAtMs >= c.issuedAtMs) break;
    if (other.leftAtMs > c.issuedAtMs) ahead++;
  }
  return ahead;
}

/** Each counter opens with its teller, pauses for lunch when its shift says so, and closes after its last customer. */
function counterEvents(
  input: DayInput,
  shiftsOf: readonly { id: string; shifts: readonly (readonly [number, number])[] }[],
  slots: Map<string, Slot[]>,
  tellers: Map<string, { id: string; display_name: string }>,
  openingMs: number,
  closingMs: number,
): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const counter of input.counters) {
    const teller = tellers.get(counter.id)!;
    const mine = slots.get(counter.id) ?? [];
    const wire = (status: Counter['status'], atMs: number): Counter => ({
      ...counter,
      status,
      tellerId: status === 'closed' ? null : teller.id,
      tellerName: status === 'closed' ? null : teller.display_name,
      currentTicketId: null,
      statusChangedAt: iso(atMs),
      pauseReason: status === 'paused' ? 'lunch' : null,
    });
    const event = (type: 'counter.opened' | 'counter.paused' | 'counter.closed', atMs: number) =>
      events.push({ branchId: DEMO_BRANCH_ID, at: iso(atMs), actorId: teller.id, queues: [], type, counter: wire(type === 'counter.opened' ? 'open' : type === 'counter.paused' ? 'paused' : 'closed', atMs) });
    const shifts = shiftsOf.find((c) => c.id === counter.id)?.shifts ?? [];
    for (const [from, to] of shifts) {
      event('counter.opened', from === openingMs ? openingMs - 3 * MINUTE : from);
      // A counter finishes the customer in front of it before it pauses or closes.
      const busyUntil = Math.max(0, ...mine.filter((s) => s.startMs < to).map((s) => s.endMs));
      if (Number.isFinite(to)) event('counter.paused', Math.max(to, busyUntil));
      else event('counter.closed', Math.max(closingMs, busyUntil) + MINUTE);
    }
  }
  return events;
}

/** Customers the kiosk sent to a machine before a ticket: the simulator counts them; their times follow the day's arrivals. */
function kioskDiversions(diverted: Map<string, number>, selfService: Map<string, MachineKind | null>, openingMs: number, random: Random): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const hours = HISTORY_ARRIVALS.map((n, hour) => [hour, n] as const);
  for (const [serviceId, count] of diverted) {
    const machineKind = selfService.get(serviceId);
    if (!machineKind) continue;
    for (let i = 0; i < count; i++) {
      let u = random() * HISTORY_ARRIVALS.reduce((a, b) => a + b, 0);
      const hour = hours.find(([, n]) => (u -= n) < 0)?.[0] ?? 0;
      const atMs = openingMs + hour * HOUR + random() * HOUR;
      events.push({ branchId: DEMO_BRANCH_ID, at: iso(atMs), actorId: null, queues: [], type: 'customer.diverted', diversion: { serviceId, machineKind } });
    }
  }
  return events;
}
