/**
 * The queue as a model-based test at the pure level: random sequences of issues, calls, ticket
 * actions, counter changes and clock advances are decided and evolved on an in-memory branch, and
 * the queue's rules (test/helpers/queue-rules.ts) must hold after every step. The log of events
 * the commands produced must also replay, through `evolve`, to the very state the commands left.
 * LOBBYFLOW_SOAK=1 (npm run test:soak) runs many more and longer sequences.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { BranchSettings, Counter, MachineKind, Service } from '../../protocol/schemas.js';
import type { Actor } from '../../server/src/domain/actor.js';
import { evolve, learnTimes, type BranchState, type Change, type TicketRecord } from '../../server/src/domain/branch-state.js';
import { decideAndEvolve, type EventDraft } from '../../server/src/domain/commands.js';
import { ticketNumberValue } from '../../server/src/domain/ticket-number.js';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';
import { commandFor, describeStep, newModel, stepArbitrary, type People, type QueueModel, type Step } from '../helpers/queue-model.js';
import { checkStep, expectSame } from '../helpers/queue-rules.js';

const SOAK = process.env.LOBBYFLOW_SOAK === '1';

// 10:00 in Shanghai on Monday 23 November 2026.
const MORNING = new Date('2026-11-23T02:00:00.000Z');

function service(prefix: string, targetMinutes: number, selfServiceKind: MachineKind | null = null): Service {
  const name = { en: prefix, zhHant: prefix, zhHans: prefix };
  return { id: `s-${prefix}`, branchId: 'b1', prefix, name, selfServiceKind, targetWaitSeconds: targetMinutes * 60, defaultServiceSeconds: 300, icon: '', sortOrder: 0 };
}

function counter(n: number, serves: string, { vip = false, open = false } = {}): Counter {
  return {
    id: `c${n}`,
    branchId: 'b1',
    number: n,
    vip,
    lowCounter: false,
    serviceIds: [...serves].map((prefix) => `s-${prefix}`),
    status: open ? 'open' : 'closed',
    tellerId: open ? `u-teller${n}` : null,
    tellerName: open ? `Teller ${n}` : null,
    currentTicketId: null,
    statusChangedAt: MORNING.toISOString(),
  };
}

const people: People = {
  manager: { kind: 'user', id: 'u-manager', role: 'manager', branchId: 'b1', username: 'manager' },
  kiosk: { kind: 'device', id: 'kiosk-1', deviceKind: 'kiosk', branchId: 'b1', label: 'Kiosk 1' },
  tellers: [1, 2, 3, 4, 5, 6].map((n) => ({
    actor: { kind: 'user', id: `u-teller${n}`, role: 'teller', branchId: 'b1', username: `teller${n}` },
    info: { id: `u-teller${n}`, displayName: `Teller ${n}`, role: 'teller', branchId: 'b1', active: true },
  })),
};

/**
 * A branch with four services (targets differ; cash and cards point to self-service machines) and
 * five counters: three open, a fourth closed, and the VIP counter closed.
 */
function openingBranch(settings: BranchSettings): BranchState {
  const services = new Map([service('A', 10, 'atm'), service('B', 10), service('C', 15, 'self_service_terminal'), service('V', 5)].map((s) => [s.id, s]));
  const counters = [counter(1, 'AB', { open: true }), counter(2, 'AC', { open: true }), counter(3, 'BC', { open: true }), counter(4, 'ABC'), counter(5, 'VABC', { vip: true })];
  return {
    seq: 0,
    branch: { id: 'b1', name: { en: 'Branch', zhHant: '支行', zhHans: '支行' }, timeZone: 'Asia/Shanghai', defaultLocale: 'zh-Hant', settings },
    services,
    counters: new Map(counters.map((c) => [c.id, c])),
    machines: [],
    tickets: new Map(),
    lastNumbers: new Map(),
    learning: { today: '2026-11-23', recent: new Map(), todays: new Map(), times: learnTimes(services.values(), new Map(), new Map()) },
    tieredCalls: new Map(),
    recentCalls: [],
    throttleAlerts: new Map(),
  };
}

/** The settings the call rules read, at random; the rest as a new branch has them. */
const settingsArbitrary: fc.Arbitrary<BranchSettings> = fc
  .record({
    regularCountersTakeVip: fc.constantFrom('when_no_vip_counter' as const, 'always' as const, 'never' as const),
    maxCallsAheadOfOverdue: fc.integer({ min: 1, max: 3 }),
  })
  .map((rules) => ({ ...DEFAULT_SETTINGS, ...rules }));

/** The pure run's model: the test's memory, the branch it started from, and every event so far. */
interface PureModel extends QueueModel {
  initial: BranchState;
  log: EventDraft[];
}

/** The rows an event stands for: what a reader of the log alone would apply. */
function changesOf(event: EventDraft): Change[] {
  const changes: Change[] = [];
  const { ticket, counter } = event;
  if (ticket && event.type === 'ticket.issued') {
    changes.push({ kind: 'number', prefix: ticket.number.slice(0, -3), day: ticket.businessDay, value: ticketNumberValue(ticket.number) });
  }
  if (ticket) changes.push({ kind: 'ticket', ticket, inserted: event.type === 'ticket.issued' });
  if (counter) changes.push({ kind: 'counter', counter });
  if (event.alert) changes.push({ kind: 'throttle_alert', alert: event.alert });
  return changes;
}

/** Folds the event log over the branch it started from. */
function replay(initial: BranchState, log: readonly EventDraft[]): BranchState {
  const state = structuredClone(initial);
  for (const event of log) for (const change of changesOf(event)) evolve(state, change);
  return state;
}

/** A ticket that left the hall as its last event left it. */
const finishedIn = (log: readonly EventDraft[]) => (ticketId: string): TicketRecord | undefined => log.findLast((e) => e.ticket?.id === ticketId)?.ticket;

/** One step of the pure run: decide and evolve the command, then check the rules and the replay. */
class PureStep implements fc.Command<PureModel, BranchState> {
  constructor(readonly step: Step) {}

  check = () => true;

  run(model: PureModel, state: BranchState): void {
    const { step } = this;
    if (step.kind === 'advance') {
      model.now = new Date(model.now.getTime() + step.seconds * 1000);
      return;
    }
    const ticketId = `t${String(model.arrivals.size + 1).padStart(4, '0')}`;
    const command = commandFor(step, state, model, { ticketId, finished: finishedIn(model.log) });
    if (!command) return;
    const before = structuredClone(state);
    const outcome = decideAndEvolve(state, command, model.now);
    if (outcome.ok) model.log.push(...outcome.decision.events);
    checkStep(model, command, before, state, outcome.ok);
    expectSame(replay(model.initial, model.log), state, 'the event log does not replay to the state');
  }

  toString = () => describeStep(this.step);
}

describe('the queue as a model', () => {
  it('keeps every rule through random days of the hall, and its event log replays to its state', () => {
    // Time moves by up to 16 hours at once, so sequences run into the next business day.
    const steps = fc.commands([stepArbitrary({ longestAdvanceSeconds: 16 * 3600 }).map((step) => new PureStep(step))], { size: 'max', maxCommands: SOAK ? 150 : 80 });
    fc.assert(
      fc.property(settingsArbitrary, steps, (settings, sequence) => {
        const initial = openingBranch(settings);
        fc.modelRun(() => ({ model: { ...newModel(MORNING, people), initial, log: [] }, real: structuredClone(initial) }), sequence);
      }),
      { numRuns: SOAK ? 10_000 : 200 },
    );
  }, SOAK ? 30 * 60_000 : 60_000);
});
