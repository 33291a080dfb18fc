/** Everything a screen needs to draw a branch, from the branch engine's held state. */
import type { Audience, Counter, Machine, Service } from '../../../protocol/schemas.js';
import { assertCanRead, type Actor } from '../domain/actor.js';
import type { BranchState } from '../domain/branch-state.js';
import { notFound } from '../errors.js';
import type { BranchEngine, SharedSnapshot } from './branch-engine.js';

/** Staff see every active ticket; the hall's kiosks and displays see the tickets at a counter. */
export const audienceOf = (actor: Actor): Audience => (actor.kind === 'device' ? 'public' : 'staff');

export function createSnapshotService({ engine }: { engine: BranchEngine }) {
  /** Reads the branch's held state through `pick`, once the actor may read it; 404 when there is no such branch. */
  async function readBranch<T>(actor: Actor, branchId: string, pick: (state: BranchState) => T): Promise<T> {
    assertCanRead(actor, branchId);
    const found = await engine.read(branchId, (state) => (state ? { value: pick(state) } : undefined));
    if (!found) throw notFound('branch', branchId);
    return found.value;
  }

  return {
    /** Checks that the actor may read the branch and that it exists. */
    assertReadable: (actor: Actor, branchId: string): Promise<void> => readBranch(actor, branchId, () => undefined),

    /** The branch's active services, for a kiosk or screen that needs only those. */
    services: (actor: Actor, branchId: string): Promise<Service[]> => readBranch(actor, branchId, (state) => [...state.services.values()]),
    counters: (actor: Actor, branchId: string): Promise<Counter[]> => readBranch(actor, branchId, (state) => [...state.counters.values()]),
    machines: (actor: Actor, branchId: string): Promise<Machine[]> => readBranch(actor, branchId, (state) => state.machines),

    /** The snapshot for the actor's audience, built once per sequence number and shared. */
    async snapshot(actor: Actor, branchId: string): Promise<SharedSnapshot> {
      assertCanRead(actor, branchId);
      const shared = await engine.snapshot(branchId, audienceOf(actor));
      if (!shared) throw notFound('branch', branchId);
      return shared;
    },
  };
}
