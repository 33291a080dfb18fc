/** The branch's operating calendar: admins and managers read and replace it (services/admin/calendar.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CALENDAR_ROUTE, CalendarBody } from '../../../protocol/calendar-schemas.js';
import { BranchParams } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const calendar: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['admin'], security: [{ bearerAuth: [] }], params: BranchParams };
  const service = app.lobby.admin.calendar;

  app.get(
    CALENDAR_ROUTE,
    { schema: { ...base, summary: 'The operating calendar: opening hours, lunch, special days, issuing windows, cut-offs and quotas (null: none)', response: { 200: CalendarBody } } },
    async (request) => service.get(actorOf(request), request.params.branchId),
  );

  app.put(
    CALENDAR_ROUTE,
    {
      schema: {
        ...base,
        summary: 'Replace the operating calendar (null removes it: tickets at any hour); kiosks follow it at once',
        body: CalendarBody,
        response: { 200: CalendarBody },
      },
    },
    async (request) => service.replace(actorOf(request), request.params.branchId, request.body),
  );
};
export default calendar;
