/** Who is asking: a signed-in staff member or a registered hall device. */
import type { Role } from '../../../protocol/schemas.js';
import { AppError, forbidden } from '../errors.js';

export type DeviceKind = 'kiosk' | 'display';

export type Actor =
  | { kind: 'user'; id: string; role: Role; branchId: string | null; username: string }
  | { kind: 'device'; id: string; deviceKind: DeviceKind; branchId: string; label: string };

/** A signed-in staff member. */
export type StaffActor = Extract<Actor, { kind: 'user' }>;

/** Id recorded in the event log: the staff member, or null for a device. */
export const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

const worksIn = (actor: Actor, branchId: string) => actor.branchId === null || actor.branchId === branchId;

/** Any signed-in actor of the branch may read it. */
export function assertCanRead(actor: Actor, branchId: string): void {
  if (!worksIn(actor, branchId)) throw forbidden(`not allowed to see branch ${branchId}`);
}

/** Kiosks and staff may issue tickets; displays may not. */
export function assertCanIssue(actor: Actor, branchId: string): void {
  assertCanRead(actor, branchId);
  if (actor.kind === 'device' && actor.deviceKind !== 'kiosk') throw forbidden('a display cannot issue tickets');
}

/** Staff with one of `roles`, in the branch (an admin anywhere). */
export function assertStaff(actor: Actor, branchId: string, roles: readonly Role[]): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw forbidden('this action needs a staff member');
  if (!worksIn(actor, branchId)) throw forbidden(`not allowed to act in branch ${branchId}`);
  if (!roles.includes(actor.role)) throw forbidden(`this action needs the role ${roles.join(' or ')}`);
}

/** Managers and admins act on any counter; a teller only on the counter they hold. */
export function assertActsOnCounter(actor: Actor, counter: { branchId: string; tellerId: string | null; number: number }) {
  assertStaff(actor, counter.branchId, ['admin', 'manager', 'teller']);
  if (actor.role === 'teller' && counter.tellerId !== actor.id) {
    throw forbidden(`counter ${counter.number} is not yours: open it first`);
  }
}

/**
 * Personal data (complaints, the customer resource sheet, referrals, the diary) is for the branch's
 * managers and admins. Account managers see the referrals made to them: their service checks that.
 */
export function assertSeesPersonalData(actor: Actor, branchId: string): asserts actor is StaffActor {
  assertStaff(actor, branchId, ['admin', 'manager']);
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'sign in first, or send a device token');
