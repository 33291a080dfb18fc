/**
 * Branch administration: what admins and lobby managers configure, and the branches themselves
 * (admins only). One service per kind of record (services/admin/); changes that screens show emit
 * `branch.configured`, so every live screen resyncs.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../lib/clock.js';
import { createBranchSettingsAdmin } from './admin/branch-settings.js';
import { createCalendarAdmin } from './admin/calendar.js';
import { createBranchDirectory } from './admin/branches.js';
import { createCounterAdmin } from './admin/counters.js';
import { createDeviceTokenAdmin } from './admin/device-tokens.js';
import { createLoginLockAdmin } from './admin/login-locks.js';
import { createMachineAdmin } from './admin/machines.js';
import { createServiceAdmin } from './admin/services.js';
import { createStaffAdmin } from './admin/staff.js';
import type { RunInBranch } from './branch-transaction.js';

export interface AdminServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The same unit of work as the queue: one transaction, sequenced events, published on commit. */
  runInBranch: RunInBranch;
}

export function createAdminService(deps: AdminServiceDeps) {
  return {
    services: createServiceAdmin(deps),
    counters: createCounterAdmin(deps),
    machines: createMachineAdmin(deps),
    staff: createStaffAdmin(deps),
    loginLocks: createLoginLockAdmin(deps),
    deviceTokens: createDeviceTokenAdmin(deps),
    branch: createBranchSettingsAdmin(deps),
    calendar: createCalendarAdmin(deps),
    branches: createBranchDirectory(deps),
  };
}

export type BranchAdmin = ReturnType<typeof createAdminService>;
