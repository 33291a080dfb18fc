/** The audit log's routes (protocol auditRoutes) over the console's signed-in ApiClient, for one branch. */
import type { ApiClient } from '../../../protocol/api-client.js';
import { auditRoutes, type AuditLogFilter, type AuditLogPage } from '../../../protocol/audit-routes.js';
import { routeUrl } from '../../../protocol/route-kit.js';

export type AuditApi = ReturnType<typeof auditApi>;

/** Leaves out the filter's empty fields, so the URL names only what was chosen. */
const chosen = (filter: AuditLogFilter): AuditLogFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as AuditLogFilter;

export function auditApi(api: ApiClient, branchId: string) {
  return {
    branchId,
    /** One page, newest first; pass the previous page's `nextBeforeId` for the next. */
    page: (filter: AuditLogFilter, beforeId?: number, limit?: number): Promise<AuditLogPage> =>
      api.call(auditRoutes.list, { branchId, ...chosen(filter), beforeId, limit }),
    /** Where the browser downloads the filter as CSV (the session cookie signs the request). */
    csvUrl: (filter: AuditLogFilter): string => routeUrl(auditRoutes.csv, { branchId, ...chosen(filter) }),
  };
}
