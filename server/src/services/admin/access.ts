/** What every branch administration operation shares: who may do it, and how refusals read. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { LocalizedName, Role } from '../../../../protocol/schemas.js';
import { AppError, notFound } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import type { Db } from '../../repositories/db.js';
import { assertStaff, type Actor } from '../../domain/actor.js';
import type { RunInBranch } from '../branch-transaction.js';

export interface AdminDeps {
  db: Kysely<Database>;
  clock: Clock;
  runInBranch: RunInBranch;
}

export type StaffActor = Extract<Actor, { kind: 'user' }>;

const ADMIN_ROLES: readonly Role[] = ['admin', 'manager'];

/** Admins anywhere and managers in their own branch may configure it (or only `roles`); the branch must exist. */
export async function branchAdmin(db: Db, actor: Actor, branchId: string, roles: readonly Role[] = ADMIN_ROLES): Promise<StaffActor> {
  assertStaff(actor, branchId, roles);
  if (!(await branchRepository.exists(db, branchId))) throw notFound('branch', branchId);
  return actor;
}

/** A 400 naming the field, in the same `body/field: …` form as schema errors. */
export const invalid = (field: string, problem: string) => new AppError('VALIDATION_FAILED', `body/${field}: ${problem}`);

export const conflict = (message: string) => new AppError('CONFLICT', message);

/** Trims a required text; whitespace alone is refused like an empty field. */
export function text(field: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw invalid(field, 'must not be blank');
  return trimmed;
}

export function localizedName(field: string, name: LocalizedName): LocalizedName {
  return { en: text(`${field}/en`, name.en), zhHant: text(`${field}/zhHant`, name.zhHant), zhHans: text(`${field}/zhHans`, name.zhHans) };
}

/**
 * Turns a unique-constraint failure into a 409. The services check first so the message is
 * precise; this covers the race where two admins save at once.
 */
export function onDuplicate(message: string) {
  return (err: unknown): never => {
    const code = (err as { code?: unknown })?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') throw conflict(message);
    throw err;
  };
}

/** Validation strips unknown fields, so `{"colour": 1}` arrives as `{}`: refuse it rather than save nothing. */
export function requireChanges(body: object): void {
  if (Object.keys(body).length === 0) throw new AppError('VALIDATION_FAILED', 'body: name at least one field to change');
}
