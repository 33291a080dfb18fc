/** Rows to the admin API's wire objects (protocol/admin-schemas.ts). */
import type { Selectable } from 'kysely';
import type { DeviceTokenTable, ServiceRow, UserRow } from '../../../../db/schema.js';
import type { AdminService, AdminUser, DeviceKind, DeviceToken } from '../../../../protocol/admin-schemas.js';
import { toService, toUser } from '../../repositories/mappers.js';

export const toAdminService = (row: ServiceRow): AdminService => ({ ...toService(row), active: row.active === 1 });

/** Never includes the password hash. */
export const toAdminUser = (row: UserRow): AdminUser => ({ ...toUser(row), active: row.active === 1, createdAt: row.created_at });

/** Never includes the token hash. */
export const toDeviceToken = (row: Selectable<DeviceTokenTable>): DeviceToken => ({
  id: row.id,
  branchId: row.branch_id,
  kind: row.kind as DeviceKind,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
