/** The hall's notice board and interest-rate board (利率牌): the wall display reads them, managers and admins replace them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NOTICE_ROUTE, NoticeBoard } from '../../../protocol/notice-schemas.js';
import { BranchParams } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const notices: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['branch'], security: [{ bearerAuth: [] }], params: BranchParams };
  const service = app.lobby.notices;

  app.get(
    NOTICE_ROUTE,
    { schema: { ...base, summary: 'Notices and interest rates for the hall display', response: { 200: NoticeBoard } } },
    async (request) => service.board(actorOf(request), request.params.branchId),
  );

  app.put(
    NOTICE_ROUTE,
    {
      schema: {
        ...base,
        summary: 'Replace the notice and interest-rate boards (managers, admins); live screens resync at once',
        body: NoticeBoard,
        response: { 200: NoticeBoard },
      },
    },
    async (request) => service.replaceBoard(actorOf(request), request.params.branchId, request.body),
  );
};
export default notices;
