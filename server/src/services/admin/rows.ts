/** Rows to the admin API's wire objects (protocol/admin-schemas.ts); device tokens map in the repository. */
import type { ServiceRow, UserRow } from '../../../../db/schema.js';
import type { AdminService, AdminUser } from '../../../../protocol/admin-schemas.js';
import { toService, toUser } from '../../repositories/mappers.js';

export const toAdminService = (row: ServiceRow): AdminService => ({ ...toService(row), active: row.active === 1 });

/** Never includes the password hash. */
export const toAdminUser = (row: UserRow): AdminUser => ({ ...toUser(row), active: row.active === 1, createdAt: row.created_at });
