/** The planning routes the reports and staffing pages read (protocol planningRoutes), over the console's signed-in ApiClient. */
import type { ApiClient } from '../../../protocol/api-client.js';
import { planningRoutes } from '../../../protocol/planning-routes.js';
import { reportRoutes, type FiguresBreakdown } from '../../../protocol/report-routes.js';
import type { StaffingLookup } from '../staffing/staffing-plan.js';
import type { ReportPeriod } from './report-period.js';

export function reportsApi(api: ApiClient, branchId: string) {
  return {
    /** Tickets per hour of the day per service, and mean service times. */
    arrivalsByHour: (period: ReportPeriod) => api.call(planningRoutes.arrivalsByHour, { branchId, ...period }),
    /** The promised wait against the wait that followed. */
    estimateAccuracy: (period: ReportPeriod) => api.call(planningRoutes.estimateAccuracy, { branchId, ...period }),
    /** The queue's figures, overall and by `by` (a teller gets their own tickets' only). */
    figures: (period: ReportPeriod, by: FiguresBreakdown) => api.call(reportRoutes.figures, { branchId, ...period, by }),
    /** The period's complaints, referrals, faults and pauses (managers). */
    recordFigures: (period: ReportPeriod) => api.call(reportRoutes.recordFigures, { branchId, ...period }),
  };
}

/** The Erlang C staffing calculator, `GET /api/tools/staffing`. */
export function staffingLookup(api: ApiClient): StaffingLookup {
  return (query) => api.call(planningRoutes.staffing, query);
}
