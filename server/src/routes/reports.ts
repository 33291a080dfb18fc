/** Reports for managers: the accuracy of promised waits, and arrivals by hour for staffing. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ArrivalsReport, EstimateAccuracyReport, ReportQuery } from '../../../protocol/forecast-schemas.js';
import { BranchParams } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const reports: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['reports'], security: [{ bearerAuth: [] }], params: BranchParams, querystring: ReportQuery };
  const service = app.lobby.reports;

  app.get(
    '/api/branches/:branchId/reports/estimate-accuracy',
    {
      schema: {
        ...base,
        summary: 'Mean absolute error of the wait promised at issue against the wait that followed, and the share within ±5 minutes',
        response: { 200: EstimateAccuracyReport },
      },
    },
    async (request) => service.estimateAccuracy(actorOf(request), request.params.branchId, request.query),
  );

  app.get(
    '/api/branches/:branchId/reports/arrivals-by-hour',
    {
      schema: {
        ...base,
        summary: 'Tickets issued per hour of the day (branch time) per service, and mean service times: what staffing plans from',
        response: { 200: ArrivalsReport },
      },
    },
    async (request) => service.arrivalsByHour(actorOf(request), request.params.branchId, request.query),
  );
};
export default reports;
