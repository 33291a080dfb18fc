/**
 * The queue's command model (test/helpers/queue-model.ts) against the real app: every step goes
 * over HTTP with the actor it names, onto a real SQLite file, and the queue's rules
 * (test/helpers/queue-rules.ts) must hold of the state the server holds after each step. When a sequence ends, the branch loaded again from
 * the database must equal the state held: what was written replays to what was held.
 * LOBBYFLOW_SOAK=1 (npm run test:soak) runs many more and longer sequences.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { routeUrl, type RouteSpec } from '../../protocol/route-kit.js';
import { queueRoutes } from '../../protocol/queue-routes.js';
import type { LoginReply } from '../../protocol/schemas.js';
import type { Actor } from '../../server/src/domain/actor.js';
import type { BranchState } from '../../server/src/domain/branch-state.js';
import type { Command } from '../../server/src/domain/commands.js';
import { manualClock } from '../../server/src/lib/clock.js';
import { commandFor, describeStep, newModel, stepArbitrary, type People, type QueueModel, type Step } from '../helpers/queue-model.js';
import { checkStep, expectSame } from '../helpers/queue-rules.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

const SOAK = process.env.LOBBYFLOW_SOAK === '1';

/** 23:45 in Shanghai: a sequence often runs past midnight, into a new business day. */
const LATE_EVENING = '2026-11-23T15:45:00.000Z';

/** Who acts in the hall: the demo branch's manager, tellers and kiosk, with the headers that carry their tokens. */
interface Staff {
  people: People;
  headers: Map<string, Record<string, string>>;
}

/** The app of one run, and who acts in it. */
interface Hall extends Staff {
  t: TestApp;
}

/**
 * The demo branch with its staff signed in and three counters open, made once per file: seven
 * sign-ins (a password hash each) cost more than a whole run, so every run starts from a copy of
 * this database instead.
 */
async function signInOnce(dir: string): Promise<Staff> {
  const t = await createTestApp({ dir, clock: manualClock(LATE_EVENING) });
  try {
    const signIn = async (username: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      return res.json<LoginReply>();
    };
    const [manager, ...tellers] = await Promise.all(['manager', 'teller1', 'teller2', 'teller3', 'teller4', 'teller5', 'teller6'].map(signIn));
    const actor = ({ user }: LoginReply) => ({ kind: 'user' as const, id: user.id, role: user.role, branchId: user.branchId, username: user.username });
    const people: People = {
      manager: actor(manager),
      kiosk: { kind: 'device', id: 'demo-kiosk', deviceKind: 'kiosk', branchId: BRANCH, label: 'Demo kiosk' },
      tellers: tellers.map((reply) => ({ actor: actor(reply), info: { ...reply.user, active: true } })),
    };
    const headers = new Map<string, Record<string, string>>([manager, ...tellers].map(({ user, token }) => [user.id, { authorization: `Bearer ${token}` }]));
    headers.set(people.kiosk.id, t.kiosk);
    // Tellers 1 to 3 at their counters; the rest, and the VIP counter, closed.
    for (const n of [1, 2, 3]) {
      const res = await t.app.inject({ method: 'POST', url: routeUrl(queueRoutes.openCounter, { counterId: counter(n) }), headers: headers.get(tellers[n - 1].user.id), payload: {} });
      if (res.statusCode !== 200) throw new Error(`open counter ${n}: ${res.body}`);
    }
    return { people, headers };
  } finally {
    await t.close();
  }
}

const signedIn = mkdtempSync(join(tmpdir(), 'lobbyflow-model-'));
let staff: Promise<Staff> | undefined;
afterAll(() => rmSync(signedIn, { recursive: true, force: true }));

/** A fresh app on a copy of the signed-in database, its clock at LATE_EVENING again. */
async function openHall(): Promise<Hall> {
  staff ??= signInOnce(signedIn);
  const { people, headers } = await staff;
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-model-run-'));
  cpSync(signedIn, dir, { recursive: true });
  const t = await createTestApp({ dir, seed: false, clock: manualClock(LATE_EVENING) });
  const close = async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { t: { ...t, close }, people, headers };
}

/** A copy of the branch's state as the server holds it now. */
const heldState = (t: TestApp) =>
  t.app.lobby.engine.read(BRANCH, (state) => {
    if (!state) throw new Error(`branch ${BRANCH} is not there`);
    return structuredClone(state);
  });

/** The route a command goes through, its path's values and its body. */
function requestFor(command: Extract<Command, { actor: Actor }>): { route: RouteSpec; input: object; body?: object } {
  switch (command.type) {
    case 'issue':
      return { route: queueRoutes.issueTicket, input: { branchId: BRANCH }, body: { serviceId: command.serviceId, tier: command.tier } };
    case 'call_next':
      return { route: queueRoutes.callNext, input: { counterId: command.counterId } };
    case 'open_counter':
      return { route: queueRoutes.openCounter, input: { counterId: command.counterId }, body: command.tellerId ? { tellerId: command.tellerId } : {} };
    case 'pause_counter':
      return { route: queueRoutes.pauseCounter, input: { counterId: command.counterId } };
    case 'close_counter':
      return { route: queueRoutes.closeCounter, input: { counterId: command.counterId } };
    case 'transfer':
      return { route: queueRoutes.transfer, input: { ticketId: command.ticketId }, body: { serviceId: command.serviceId } };
    case 'divert':
      return { route: queueRoutes.divert, input: { ticketId: command.ticketId }, body: { machineKind: command.machineKind } };
    case 'change_tier':
      return { route: queueRoutes.changeTier, input: { ticketId: command.ticketId }, body: { tier: command.tier } };
    case 'no_show':
      return { route: queueRoutes.noShow, input: { ticketId: command.ticketId } };
    case 'recall':
    case 'start':
    case 'complete':
    case 'cancel':
      return { route: queueRoutes[command.type], input: { ticketId: command.ticketId } };
    default:
      throw new Error(`the model does not send ${command.type}`);
  }
}

/** Sends a command as its actor would; whether the server accepted it. A refusal must be a client error with a code. */
async function send(hall: Hall, command: Command): Promise<boolean> {
  if (command.type === 'close_past_days') {
    await hall.t.app.lobby.dayClose.closePastDays(BRANCH);
    return true;
  }
  if (!('actor' in command)) throw new Error(`the model does not send ${command.type}`);
  const { route, input, body } = requestFor(command);
  const res = await hall.t.app.inject({ method: route.method, url: routeUrl(route, input), headers: hall.headers.get(command.actor.id), payload: body });
  if (res.statusCode < 300) return true;
  if (res.statusCode >= 500 || typeof res.json().code !== 'string') throw new Error(`${route.path}: ${res.statusCode} ${res.body}`);
  return false;
}

/** One step over HTTP, checked on the state the server holds before and after it. */
class AppStep implements fc.AsyncCommand<QueueModel, Hall> {
  constructor(readonly step: Step) {}

  check = () => true;

  async run(model: QueueModel, hall: Hall): Promise<void> {
    const { step } = this;
    if (step.kind === 'advance') {
      hall.t.clock.advance(step.seconds * 1000);
      model.now = hall.t.clock.now();
      return;
    }
    const before = await heldState(hall.t);
    const command = commandFor(step, before, model, { ticketId: '', finished: () => undefined });
    if (!command) return;
    const accepted = await send(hall, command);
    checkStep(model, command, before, await heldState(hall.t), accepted);
  }

  toString = () => describeStep(this.step);
}

/**
 * What the database must give back as it was held: the sequence number, the active tickets, the
 * counters, the last numbers, the latest calls, and the priority and VIP calls the fairness rule
 * can still count (those since the oldest active ticket arrived; the held state drops older ones lazily).
 */
function persisted(state: BranchState) {
  const arrivals = [...state.tickets.values()].map((t) => t.issuedAt).sort();
  const counting = (calls: string[]) => calls.filter((at) => arrivals.length > 0 && at >= arrivals[0]);
  const tieredCalls = new Map([...state.tieredCalls].map(([counterId, calls]) => [counterId, counting(calls)] as const).filter(([, calls]) => calls.length > 0));
  const { seq, tickets, counters, lastNumbers, recentCalls } = state;
  return { seq, tickets, counters, lastNumbers, recentCalls, tieredCalls };
}

async function expectDatabaseGivesBackHeldState(t: TestApp): Promise<void> {
  const held = await heldState(t);
  await t.app.lobby.engine.reload(BRANCH);
  expectSame(persisted(await heldState(t)), persisted(held), 'the branch loaded from the database is not the state held');
}

describe('the queue model against the real app', () => {
  it(
    'keeps every rule over HTTP, and the database gives back the state the server held',
    async () => {
      const steps = fc.commands([stepArbitrary({ longestAdvanceSeconds: 20 * 60 }).map((step) => new AppStep(step))], { size: 'max', maxCommands: SOAK ? 80 : 30 });
      await fc.assert(
        fc.asyncProperty(steps, async (sequence) => {
          const hall = await openHall();
          try {
            await fc.asyncModelRun(() => ({ model: newModel(hall.t.clock.now(), hall.people), real: hall }), sequence);
            await expectDatabaseGivesBackHeldState(hall.t);
          } finally {
            await hall.t.close();
          }
        }),
        { numRuns: SOAK ? 300 : 10 },
      );
    },
    SOAK ? 30 * 60_000 : 60_000,
  );
});

describe('what the model found', () => {
  it('loads the fairness rule’s calls as they were, though the ticket was transferred and moved to regular since, and drops its call from the recent calls both ways', async () => {
    const hall = await openHall();
    const post = async (url: string, actor: Actor, payload?: object) =>
      (await hall.t.app.inject({ method: 'POST', url, headers: hall.headers.get(actor.id), payload })).json<{ id: string }>();
    const [teller1] = hall.people.tellers.map((t) => t.actor);
    try {
      const ticket = await post(`/api/branches/${BRANCH}/tickets`, hall.people.manager, { serviceId: service('A'), tier: 'priority' });
      await post(`/api/counters/${counter(1)}/call-next`, teller1);
      await post(`/api/tickets/${ticket.id}/transfer`, teller1, { serviceId: service('B') });
      await post(`/api/tickets/${ticket.id}/tier`, hall.people.manager, { tier: 'regular' });
      const held = await heldState(hall.t);
      // A transferred ticket waits again: the hall's screens no longer show its call (protocol/recent-calls.ts).
      expect(held.recentCalls).toEqual([]);
      expect(held.tieredCalls.get(counter(1))).toHaveLength(1);

      await hall.t.app.lobby.engine.reload(BRANCH);
      const loaded = await heldState(hall.t);
      expect(loaded.recentCalls).toEqual(held.recentCalls);
      expect(loaded.tieredCalls).toEqual(held.tieredCalls);
    } finally {
      await hall.t.close();
    }
  });
});
