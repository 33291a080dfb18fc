/**
 * The planning API as one table: the Erlang C calculator and staffing (any signed-in staff member),
 * the reports the staffing page plans from, and the triage screen's what-if forecast (managers).
 * The server registers these routes from it (server/src/routes/{tools,reports}.ts) and the staff
 * console calls them through `ApiClient.call`.
 */
import {
  ArrivalsReport,
  ErlangCFigures,
  ErlangCQuery,
  EstimateAccuracyReport,
  ReportQuery,
  StaffingPlan,
  StaffingQuery,
  WhatIfBody,
  WhatIfForecast,
} from './forecast-schemas.js';
import { defineRoute } from './route-kit.js';
import { BranchParams } from './schemas.js';

export const planningRoutes = {
  erlangC: defineRoute({
    method: 'GET',
    path: '/api/tools/erlang-c',
    summary: 'Erlang C (M/M/c) figures for a number of counters; 400 when the load reaches capacity',
    tags: ['tools'],
    querystring: ErlangCQuery,
    response: { 200: ErlangCFigures },
  }),
  staffing: defineRoute({
    method: 'GET',
    path: '/api/tools/staffing',
    summary: 'Fewest counters meeting a service level (e.g. 80% called within 600 s), with their Erlang C figures',
    tags: ['tools'],
    querystring: StaffingQuery,
    response: { 200: StaffingPlan },
  }),
  whatIf: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/what-if',
    summary: 'Predicted longest and mean wait of the next hour with and without an action, from the live hall (managers)',
    tags: ['tools'],
    params: BranchParams,
    body: WhatIfBody,
    response: { 200: WhatIfForecast },
  }),
  estimateAccuracy: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/reports/estimate-accuracy',
    summary: 'Mean absolute error of the wait promised at issue against the wait that followed, and the share within ±5 minutes',
    tags: ['reports'],
    params: BranchParams,
    querystring: ReportQuery,
    response: { 200: EstimateAccuracyReport },
  }),
  arrivalsByHour: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/reports/arrivals-by-hour',
    summary: 'Tickets issued per hour of the day (branch time) per service, and mean service times: what staffing plans from',
    tags: ['reports'],
    params: BranchParams,
    querystring: ReportQuery,
    response: { 200: ArrivalsReport },
  }),
} as const;
