import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BranchParams } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';
import { createNoticeService } from '../services/notice-service.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const LocalizedText = (maxLength: number) =>
  Type.Object({ en: Text(maxLength), zhHant: Text(maxLength), zhHans: Text(maxLength) }, { additionalProperties: false });

/** The hall's notice board and interest-rate board (利率牌), as the wall display scrolls them. The handlers' types check it against the service's NoticeBoard. */
export const NoticeBoard = Type.Object(
  {
    notices: Type.Array(LocalizedText(300), { maxItems: 20 }),
    rates: Type.Array(
      Type.Object(
        { label: LocalizedText(60), value: Type.String({ minLength: 1, maxLength: 16, description: 'As shown, e.g. "1.25%"' }) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

const notices: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['branch'], security: [{ bearerAuth: [] }], params: BranchParams };
  const service = createNoticeService({ db: app.lobby.db, clock: app.lobby.clock });

  app.get(
    '/api/branches/:branchId/notices',
    { schema: { ...base, summary: 'Notices and interest rates for the hall display', response: { 200: NoticeBoard } } },
    async (request) => service.board(actorOf(request), request.params.branchId),
  );

  app.put(
    '/api/branches/:branchId/notices',
    {
      schema: { ...base, summary: 'Replace the notice and interest-rate boards (managers, admins)', body: NoticeBoard, response: { 200: NoticeBoard } },
    },
    async (request) => service.replaceBoard(actorOf(request), request.params.branchId, request.body),
  );
};
export default notices;
