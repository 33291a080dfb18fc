/** The opening and closing checks, machine faults and hall alerts in the authorisation matrix: managers and admins only. */
import type { CheckAnswer, TodaysChecks } from '../../../protocol/check-routes.js';
import type { RecordRoutes } from '../record-routes.js';
import { MANAGERS } from '../who-may.js';

const routes: RecordRoutes = {
  /** Today's checklist, answered all OK, kept as JSON: the example must answer every machine of the hall. */
  async setUp({ ids, call }) {
    const today: TodaysChecks = await call('manager', 'GET', `/api/branches/${ids.branchId}/checks/today`);
    const answers: CheckAnswer[] = today.checklist.map((entry) => ({ item: entry.item, machineId: entry.machineId, ok: true }));
    return { checkAnswers: JSON.stringify(answers) };
  },
  whoMay: {
    'GET /api/branches/:branchId/checks/today': MANAGERS,
    'PUT /api/branches/:branchId/checks/today/:kind': MANAGERS,
    'GET /api/branches/:branchId/checks': MANAGERS,
    'POST /api/branches/:branchId/machines/:machineId/fault': MANAGERS,
    'POST /api/branches/:branchId/machines/:machineId/fixed': MANAGERS,
    'GET /api/branches/:branchId/hall-alerts': MANAGERS,
  },
  examples: (ids) => {
    const branch = { branchId: ids.branchId };
    const machine = { ...branch, machineId: ids.machineId };
    return {
      'GET /api/branches/:branchId/checks/today': { params: branch },
      'PUT /api/branches/:branchId/checks/today/:kind': {
        params: { ...branch, kind: 'opening' },
        body: { items: JSON.parse(ids.records.checkAnswers ?? '[]') as CheckAnswer[] },
      },
      'GET /api/branches/:branchId/checks': { params: branch, query: { month: '2026-11' } },
      'POST /api/branches/:branchId/machines/:machineId/fault': { params: machine, body: { note: 'Card reader jammed' } },
      'POST /api/branches/:branchId/machines/:machineId/fixed': { params: machine },
      'GET /api/branches/:branchId/hall-alerts': { params: branch },
    };
  },
};
export default routes;
