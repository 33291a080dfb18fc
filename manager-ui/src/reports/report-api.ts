/** The planning routes the reports and staffing pages read, over the console's signed-in ApiClient. */
import type { ApiClient } from '../../../protocol/api-client.js';
import type { ArrivalsReport, EstimateAccuracyReport, StaffingPlan } from '../../../protocol/forecast-schemas.js';
import type { StaffingLookup } from '../staffing/staffing-plan.js';
import { periodQuery, type ReportPeriod } from './report-period.js';

export function reportsApi(api: ApiClient, branchId: string) {
  const base = `/api/branches/${encodeURIComponent(branchId)}/reports`;
  return {
    /** Tickets per hour of the day per service, and mean service times. */
    arrivalsByHour: (period: ReportPeriod) => api.get<ArrivalsReport>(`${base}/arrivals-by-hour?${periodQuery(period)}`),
    /** The promised wait against the wait that followed. */
    estimateAccuracy: (period: ReportPeriod) => api.get<EstimateAccuracyReport>(`${base}/estimate-accuracy?${periodQuery(period)}`),
  };
}

/** The Erlang C staffing calculator, `GET /api/tools/staffing`. */
export function staffingLookup(api: ApiClient): StaffingLookup {
  return (query) => {
    const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    return api.get<StaffingPlan>(`/api/tools/staffing?${params}`);
  };
}
