/**
 * The one way a change goes through a branch: read the held state, decide purely, write once,
 * publish once. Each branch's state is loaded once and kept current by its own changes; the
 * branch's event sequence number guards every write, so a change made elsewhere (an admin edit,
 * another server) is noticed and the change decided again on fresh state.
 *
 * Commands and snapshot reads queue per branch and run in batches: every command that arrives
 * while the previous batch is being written is decided in order on the state the earlier ones
 * left, and the whole batch is committed in one durable transaction (group commit) before any of
 * them is answered. A batch's queue figures and estimates are computed once, after its changes.
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { BranchConfiguredEvent, CounterEvent, DomainEvent, TicketEvent } from '../../../protocol/messages.js';
import { recentThrottleAlerts } from '../../../protocol/throttle-alerts.js';
import { byQueuePlace, NO_SHOWS_KEPT } from '../../../protocol/late-arrival.js';
import { businessDay } from '../domain/business-day.js';
import type { Audience, BranchSettings, QueueSummary, Snapshot, Ticket } from '../../../protocol/schemas.js';
import { toWireTicket, type BranchState, type Change, type TicketRecord } from '../domain/branch-state.js';
import { decideAndEvolve, servicesWithOpenVipCounter, type Command, type Decision, type EventDraft } from '../domain/commands.js';
import { branchFigures } from '../domain/branch-figures.js';
import { publicQueues } from '../domain/queue-opening.js';
import { AppError, notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type { EventBus } from '../realtime/event-bus.js';
import { loadBranchState, SequenceMoved, writeBranchChanges } from '../repositories/branch-state-repository.js';
import { inTransaction } from '../repositories/db.js';

/** Queue figures and every waiting ticket's position and estimate, as of one sequence number. */
export interface BranchView {
  seq: number;
  at: string;
  queues: QueueSummary[];
  figures: Map<string, { position: number; estimatedWaitSeconds: number }>;
  /** The calendar's next change (an opening, lunch, a cut-off), epoch ms: the view is replayed from then; null: none. */
  validUntilMs: number | null;
}

/** A snapshot and its JSON, built once per sequence number and audience and shared by every reader. */
export interface SharedSnapshot {
  snapshot: Snapshot;
  /** The snapshot as JSON, for the HTTP route. */
  json: string;
  /** The snapshot as a live socket message. */
  frame: string;
}

/**
 * What a command did, once committed: its result and its events as written, with the tickets and
 * counters after it (the published copies may carry queue figures computed after the reply).
 */
export interface Applied {
  result: Decision['result'];
  events: DomainEvent[];
}

/** Reads the committed state; runs synchronously between batches, so it never sees a change still being written. */
export type StateReader<T> = (state: BranchState | undefined, view: () => BranchView) => T;

/** A replay this fast (ms) runs after every batch; a slower one is shared by the batches of the next few ms. */
const CHEAP_REPLAY_MS = 2;
/** How long a drain waits for more commands before an expensive replay, and how long at most it defers one. */
const WAIT_FOR_MORE_MS = 3;
const REPLAY_DEFER_MS = 50;

/** setTimeout's limit is about 24.8 days; a later calendar change is re-armed by the next replay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How old the last replay may be for a new ticket's promise to be read from it. */
const FRESH_VIEW_SECONDS = 2;

/** How often a batch is decided again after another writer moved the branch's sequence. */
const RETRIES_ON_MOVED_SEQUENCE = 5;

type Job =
  | { kind: 'command'; command: Command; actorId: string | null; resolve: (applied: Applied) => void; reject: (err: unknown) => void }
  | { kind: 'read'; use: (state: BranchState | undefined) => void; needsState: boolean };

/** An event committed and answered, waiting for the queue figures it is published with. */
interface PendingEvent {
  draft: EventDraft;
  base: Omit<DomainEvent, 'type' | 'queues'>;
}

class HeldBranch {
  state: BranchState | undefined = undefined;
  view: BranchView | undefined = undefined;
  snapshots = new Map<Audience, SharedSnapshot>();
  jobs: Job[] = [];
  running = false;
  /** Committed events not yet published, in sequence order, and since when the oldest waits. */
  unpublished: PendingEvent[] = [];
  unpublishedSince = 0;
  /** How long the last replay of the whole queue took, ms. */
  replayMs = 0;
  /** Wakes a drain that waits to see whether more commands come before it replays. */
  wake: (() => void) | null = null;
  /** The timer that tells the screens when the calendar moves on, and the moment it is set for. */
  hoursTimer: ReturnType<typeof setTimeout> | null = null;
  hoursTimerAt: number | null = null;
  constructor(readonly id: string) {}
}

export interface BranchEngineDeps {
  db: Kysely<Database>;
  clock: Clock;
  bus: EventBus;
}

export function createBranchEngine({ db, clock, bus }: BranchEngineDeps) {
  const branches = new Map<string, HeldBranch>();
  let closed = false;

  const held = (branchId: string) => {
    let branch = branches.get(branchId);
    if (!branch) branches.set(branchId, (branch = new HeldBranch(branchId)));
    return branch;
  };

  function enqueue(branch: HeldBranch, job: Job): void {
    branch.jobs.push(job);
    branch.wake?.();
    if (!branch.running) {
      branch.running = true;
      // Let every request that arrived in this turn of the event loop join the batch.
      setImmediate(() => void drain(branch));
    }
  }

  async function drain(branch: HeldBranch): Promise<void> {
    try {
      while (branch.jobs.length > 0 || branch.unpublished.length > 0) {
        if (branch.jobs.length > 0) await runBatch(branch, branch.jobs.splice(0));
        if (branch.unpublished.length > 0 && !(await moreComing(branch))) publishPending(branch);
      }
    } finally {
      branch.running = false;
    }
  }

  /**
   * Whether to take the next commands before replaying the queue for the screens. A cheap replay
   * runs at once. An expensive one (a very long queue) is shared by the commands that arrive within
   * a few milliseconds, so a burst of presses is not held up by one replay each; the screens then
   * hear of them together, at most REPLAY_DEFER_MS later.
   */
  async function moreComing(branch: HeldBranch): Promise<boolean> {
    if (branch.replayMs <= CHEAP_REPLAY_MS || Date.now() - branch.unpublishedSince >= REPLAY_DEFER_MS) return false;
    if (branch.jobs.length > 0) return true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), WAIT_FOR_MORE_MS);
      const done = () => {
        clearTimeout(timer);
        branch.wake = null;
        resolve();
      };
      branch.wake = done;
    });
    return branch.jobs.length > 0;
  }

  /** Publishes the committed events with the queue figures after the last of them: one replay for all. */
  function publishPending(branch: HeldBranch): void {
    if (branch.unpublished.length === 0) return;
    const view = branch.state ? viewOf(branch, branch.state) : undefined;
    const events = branch.unpublished.map(({ draft, base }) => toEvent(draft, { ...base, queues: view?.queues ?? [] }, view?.figures ?? new Map()));
    branch.unpublished = [];
    bus.publish(branch.id, events);
  }

  /** One replay of the call rules over the whole queue, timed. */
  function replay(branch: HeldBranch, state: BranchState, now: Date): BranchView {
    const started = performance.now();
    const view = describe(state, now);
    branch.replayMs = performance.now() - started;
    armHoursTimer(branch, view.validUntilMs, now.getTime());
    return view;
  }

  /**
   * At the calendar's next change the queues' openings change with no command to publish them: a
   * `branch.hours_changed` event then carries the new figures to every screen (and its view arms the next).
   */
  function armHoursTimer(branch: HeldBranch, atMs: number | null, nowMs: number): void {
    if (branch.hoursTimerAt === atMs) return;
    if (branch.hoursTimer) clearTimeout(branch.hoursTimer);
    branch.hoursTimer = null;
    branch.hoursTimerAt = atMs;
    if (atMs === null || closed) return;
    // At least a second: a calendar that names "now" as its next change must not spin.
    const delay = Math.min(Math.max(atMs - nowMs, 1000), MAX_TIMER_MS);
    branch.hoursTimer = setTimeout(() => {
      branch.hoursTimer = null;
      branch.hoursTimerAt = null;
      if (closed) return;
      // Nothing waits on it: should it fail, the next command or read still shows the new figures.
      enqueue(branch, { kind: 'command', command: { type: 'mark_hours_changed' }, actorId: null, resolve: () => {}, reject: () => {} });
    }, delay);
    branch.hoursTimer.unref?.();
  }

  async function runBatch(branch: HeldBranch, batch: Job[]): Promise<void> {
    let jobs = batch;
    for (let attempt = 0; ; attempt++) {
      try {
        if (jobs.some((job) => job.kind === 'command' || job.needsState)) branch.state ??= await loadBranchState(db, branch.id);
      } catch (err) {
        for (const job of jobs) job.kind === 'read' ? job.use(undefined) : job.reject(err);
        return;
      }
      const state = branch.state;
      // Reads are answered first, from committed state only.
      for (const job of jobs) if (job.kind === 'read') job.use(state);
      jobs = jobs.filter((job) => job.kind === 'command');
      const commands = jobs as Extract<Job, { kind: 'command' }>[];
      if (commands.length === 0) return;
      if (!state) return commands.forEach((job) => job.reject(notFound('branch', branch.id)));
      try {
        return await decideAndCommit(branch, state, commands);
      } catch (err) {
        // Memory ran ahead of the database: forget it, and decide again on what was stored.
        branch.state = undefined;
        if (err instanceof SequenceMoved && attempt < RETRIES_ON_MOVED_SEQUENCE) continue;
        return commands.forEach((job) => job.reject(err));
      }
    }
  }

  async function decideAndCommit(branch: HeldBranch, state: BranchState, commands: Extract<Job, { kind: 'command' }>[]): Promise<void> {
    const now = clock.now();
    const at = now.toISOString();
    const fromSeq = state.seq;
    const decided: { job: (typeof commands)[number]; decision?: Decision; refusal?: AppError }[] = [];
    const changes: Change[] = [];
    for (const job of commands) {
      const outcome = decideAndEvolve(state, job.command, now);
      if (outcome.ok) changes.push(...outcome.decision.changes);
      decided.push(outcome.ok ? { job, decision: outcome.decision } : { job, refusal: outcome.refusal });
    }
    if (!decided.some((entry) => entry.decision && (entry.decision.changes.length > 0 || entry.decision.events.length > 0))) {
      // Refusals, or a call with nobody waiting: nothing to write or publish.
      for (const entry of decided) entry.refusal ? entry.job.reject(entry.refusal) : entry.job.resolve({ result: entry.decision!.result, events: [] });
      return;
    }

    // Most batches (calls, starts, completions, a regular ticket per service) can be answered from
    // the change alone; the replay of the whole queue then runs once, after the reply.
    const prompt = promptFigures(branch.view, state, changes, now);
    const view = prompt ? undefined : replay(branch, state, now);
    const figures = view?.figures ?? prompt!;
    // Record the wait promised to each new customer, so the estimate's accuracy can be measured.
    for (const change of changes) {
      if (change.kind === 'ticket' && change.inserted) change.ticket.issueEstimateSeconds = figures.get(change.ticket.id)?.estimatedWaitSeconds ?? null;
    }
    const drafts: { entry: (typeof decided)[number]; draft: EventDraft }[] = [];
    for (const entry of decided) for (const draft of entry.decision?.events ?? []) drafts.push({ entry, draft });
    const bases = drafts.map(({ entry }, i) => ({ branchId: branch.id, seq: fromSeq + i + 1, at, actorId: entry.job.actorId }));
    const written = drafts.map(({ draft }, i) => toEvent(draft, { ...bases[i], queues: view?.queues ?? [] }, figures));

    await inTransaction(db, (trx) => writeBranchChanges(trx, branch.id, fromSeq, changes, written));
    state.seq = fromSeq + written.length;
    for (const entry of decided) {
      if (entry.refusal) entry.job.reject(entry.refusal);
      else entry.job.resolve({ result: entry.decision!.result, events: written.filter((_, i) => drafts[i].entry === entry) });
    }
    if (view) branch.view = { ...view, seq: state.seq };
    if (branch.unpublished.length === 0) branch.unpublishedSince = Date.now();
    branch.unpublished.push(...drafts.map(({ draft }, i) => ({ draft, base: bases[i] })));
    // Let the replies go out before the queue is replayed for the screens.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Reads a branch's committed state (undefined when there is no such branch) through `use`. */
  function read<T>(branchId: string, use: StateReader<T>, needsState = true): Promise<T> {
    const branch = held(branchId);
    return new Promise<T>((resolve, reject) =>
      enqueue(branch, {
        kind: 'read',
        needsState,
        use: (state) => {
          try {
            resolve(use(state, () => viewOf(branch, state!)));
          } catch (err) {
            reject(err);
          }
        },
      }),
    );
  }

  /** The view of the state's sequence number: computed at most once per sequence number. */
  function viewOf(branch: HeldBranch, state: BranchState): BranchView {
    const now = clock.now();
    const expired = branch.view?.validUntilMs != null && now.getTime() >= branch.view.validUntilMs;
    if (branch.view?.seq !== state.seq || expired) {
      branch.view = replay(branch, state, now);
      branch.snapshots.clear();
    }
    return branch.view;
  }

  return {
    /** Runs a command in its branch and answers once it is durable and published. */
    run(branchId: string, command: Command, actorId: string | null = null): Promise<Applied> {
      return new Promise((resolve, reject) => enqueue(held(branchId), { kind: 'command', command, actorId, resolve, reject }));
    },

    read,

    /** The snapshot for an audience, shared by every screen that asks at the same sequence number. */
    snapshot(branchId: string, audience: Audience): Promise<SharedSnapshot | undefined> {
      const branch = held(branchId);
      return read(branchId, (state, view) => {
        if (!state) return undefined;
        const current = view();
        const cached = branch.snapshots.get(audience);
        if (cached?.snapshot.seq === state.seq) return cached;
        const snapshot = buildSnapshot(state, current, audience);
        const json = JSON.stringify(snapshot);
        const shared = { snapshot, json, frame: `{"type":"snapshot",${json.slice(1)}` };
        branch.snapshots.set(audience, shared);
        return shared;
      });
    },

    /**
     * Forgets a branch's held state after a change written outside the engine (configuration, or a
     * direct write): the next command or read loads it again. `events` of that change are published
     * in order with the engine's own, carrying the last known queue figures.
     */
    reload(branchId: string, events: readonly BranchConfiguredEvent[] = []): Promise<void> {
      const branch = held(branchId);
      return read(branchId, () => {
        publishPending(branch);
        const queues = branch.view?.queues ?? [];
        bus.publish(branchId, events.map((event) => ({ ...event, queues })));
        branch.state = undefined;
        branch.view = undefined;
        branch.snapshots.clear();
      }, false);
    },

    /** Stops the calendar timers (the server is closing). */
    close(): void {
      closed = true;
      for (const branch of branches.values()) if (branch.hoursTimer) clearTimeout(branch.hoursTimer);
    },

    /** The branch holding an active ticket, when it is loaded. */
    branchOfTicket(ticketId: string): string | undefined {
      for (const branch of branches.values()) if (branch.state?.tickets.has(ticketId)) return branch.id;
      return undefined;
    },

    /** A loaded branch's settings as committed, read at once (no queueing behind its commands). */
    settingsOf(branchId: string): BranchSettings | undefined {
      return branches.get(branchId)?.state?.branch.settings;
    },

    /** The branch of a counter, when it is loaded. */
    branchOfCounter(counterId: string): string | undefined {
      for (const branch of branches.values()) if (branch.state?.counters.has(counterId)) return branch.id;
      return undefined;
    },
  };
}

export type BranchEngine = ReturnType<typeof createBranchEngine>;

/**
 * One replay of the call rules over the whole queue: every waiting ticket's position and estimate,
 * each service's figures and opening under the branch's calendar (before opening and at lunch the
 * counters count from the next start of service).
 */
function describe(state: BranchState, now: Date): BranchView {
  const figures = branchFigures(state, now);
  return { seq: state.seq, at: now.toISOString(), queues: figures.queues, figures: figures.tickets, validUntilMs: figures.validUntilMs };
}

function wireTicket(ticket: TicketRecord, figures: BranchView['figures']): Ticket {
  return toWireTicket(ticket, ticket.status === 'waiting' ? figures.get(ticket.id) : undefined);
}

function toEvent(draft: EventDraft, base: Omit<DomainEvent, 'type'>, figures: BranchView['figures']): DomainEvent {
  if (draft.ticket) {
    const event: TicketEvent = { ...base, type: draft.type as TicketEvent['type'], ticket: wireTicket(draft.ticket, figures), counter: draft.counter };
    return draft.calledDirectly ? { ...event, calledDirectly: true } : event;
  }
  if (draft.counter) return { ...base, type: draft.type as CounterEvent['type'], counter: draft.counter };
  if (draft.diversion) return { ...base, type: 'customer.diverted', diversion: draft.diversion };
  if (draft.alert) return { ...base, type: 'device.throttled', alert: draft.alert };
  if (draft.type === 'branch.hours_changed') return { ...base, type: 'branch.hours_changed' };
  return { ...base, type: 'branch.configured' };
}

/**
 * The figures a batch's replies need, when they follow from the change alone: null when the whole
 * queue must be replayed first. A ticket called, started or ended needs no position or estimate.
 * A regular ticket issued now is the newest of all, so the call rule reaches it only when a counter
 * serving its service would otherwise have nobody to call: exactly when the last replay said a
 * new ticket of that service would be called. It stands behind everyone in its lane.
 */
function promptFigures(previous: BranchView | undefined, state: BranchState, changes: readonly Change[], now: Date): BranchView['figures'] | null {
  const figures: BranchView['figures'] = new Map();
  const issuedIn = new Set<string>();
  for (const change of changes) {
    if (change.kind !== 'ticket' || change.ticket.status !== 'waiting') continue;
    const { ticket } = change;
    if (!change.inserted || ticket.tier !== 'regular' || previous?.seq !== state.seq || issuedIn.has(ticket.serviceId)) return null;
    issuedIn.add(ticket.serviceId);
    const promised = previous.queues.find((q) => q.serviceId === ticket.serviceId);
    if (!promised) return null;
    const vipLane = servicesWithOpenVipCounter(state).has(ticket.serviceId);
    let ahead = 0;
    for (const other of state.tickets.values()) {
      if (other.status === 'waiting' && other.serviceId === ticket.serviceId && other.id !== ticket.id && !(vipLane && other.tier === 'vip')) ahead++;
    }
    const elapsedSeconds = (now.getTime() - Date.parse(previous.at)) / 1000;
    // Time moves the replay's figures only roughly along (a called customer's time has not begun): past two seconds, replay again.
    if (elapsedSeconds > FRESH_VIEW_SECONDS) return null;
    figures.set(ticket.id, { position: ahead, estimatedWaitSeconds: Math.max(0, Math.round(promised.estimatedWaitSeconds - elapsedSeconds)) });
  }
  return figures;
}

/** Newest no-show first: the one a late customer most likely comes back for. */
const byEndedDesc = (a: TicketRecord, b: TicketRecord) => (b.endedAt ?? '').localeCompare(a.endedAt ?? '') || b.id.localeCompare(a.id);

/** Today's no-shows for the staff, newest first (at most NO_SHOWS_KEPT): yesterday's stay out until a new day's ticket clears them. */
function todaysNoShows(state: BranchState, at: string): Ticket[] {
  const today = businessDay(new Date(at), state.branch.timeZone);
  const noShows = [...(state.noShows?.values() ?? [])].filter((t) => t.businessDay === today);
  return noShows.sort(byEndedDesc).slice(0, NO_SHOWS_KEPT).map((t) => toWireTicket(t));
}

/** Everything a screen needs to draw the branch. The hall's screens get the tickets at a counter, not the queue. */
function buildSnapshot(state: BranchState, view: BranchView, audience: Audience): Snapshot {
  const tickets: Ticket[] = [];
  for (const t of [...state.tickets.values()].sort(byQueuePlace)) {
    if (audience === 'staff' || t.status !== 'waiting') tickets.push(wireTicket(t, view.figures));
  }
  return {
    seq: state.seq,
    audience,
    at: view.at,
    branch: state.branch,
    services: [...state.services.values()],
    counters: [...state.counters.values()],
    machines: state.machines,
    queues: audience === 'staff' ? view.queues : publicQueues(view.queues),
    tickets,
    recentCalls: state.recentCalls,
    ...(audience === 'staff' ? { throttleAlerts: recentThrottleAlerts(state.throttleAlerts.values(), Date.parse(view.at)), noShows: todaysNoShows(state, view.at) } : {}),
  };
}
