/** Device health in the authorisation matrix: a kiosk reports its own print failures; managers resolve them. */
import type { HallAlerts } from '../../../protocol/check-routes.js';
import type { RecordRoutes } from '../record-routes.js';
import { MANAGERS } from '../who-may.js';

const routes: RecordRoutes = {
  /** The demo kiosk reports a failed print, for the managers to resolve. */
  async setUp({ ids, call }) {
    await call('kiosk', 'POST', `/api/branches/${ids.branchId}/devices/print-failure`, { kind: 'print_failed', detail: 'window.print threw' });
    const alerts: HallAlerts = await call('manager', 'GET', `/api/branches/${ids.branchId}/hall-alerts`);
    return { deviceFaultId: alerts.deviceFaults[0]!.id };
  },
  whoMay: {
    'POST /api/branches/:branchId/devices/print-failure': ['kiosk'],
    'POST /api/branches/:branchId/device-faults/:faultId/resolve': MANAGERS,
  },
  examples: (ids) => ({
    'POST /api/branches/:branchId/devices/print-failure': { params: { branchId: ids.branchId }, body: { kind: 'paper_out' } },
    'POST /api/branches/:branchId/device-faults/:faultId/resolve': { params: { branchId: ids.branchId, faultId: ids.records.deviceFaultId ?? 'none' } },
  }),
};
export default routes;
