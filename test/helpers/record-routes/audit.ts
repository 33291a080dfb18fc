/** The audit log's routes in the authorisation matrix: admins only (managers may not read what they did). */
import type { RecordRoutes } from '../record-routes.js';
import { ADMIN } from '../who-may.js';

const LIST = '/api/branches/:branchId/admin/audit-log';
const CSV = '/api/branches/:branchId/admin/audit-log.csv';

const routes: RecordRoutes = {
  whoMay: {
    [`GET ${LIST}`]: ADMIN,
    [`GET ${CSV}`]: ADMIN,
  },
  examples: (ids) => ({
    [`GET ${LIST}`]: { params: { branchId: ids.branchId }, query: { recordType: 'complaint', from: '2026-11-01', to: '2026-11-30', limit: 20 } },
    [`GET ${CSV}`]: { params: { branchId: ids.branchId }, query: { from: '2026-11-01', to: '2026-11-30' } },
  }),
};
export default routes;
