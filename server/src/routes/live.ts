import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BranchParams } from '../../../protocol/schemas.js';
import { actorOf, tokenOf } from '../plugins/auth.js';
import { serveLiveSocket } from '../realtime/live-socket.js';

export interface LiveRouteOptions {
  pingIntervalMs: number;
  /** Unsent bytes past which a socket that stopped reading is dropped. */
  maxBufferedBytes?: number;
}

const live: FastifyPluginAsyncTypebox<LiveRouteOptions> = async (app, { pingIntervalMs, maxBufferedBytes }) => {
  app.addHook('onRequest', app.authenticate);
  app.get(
    '/api/branches/:branchId/live',
    {
      websocket: true,
      schema: {
        tags: ['realtime'],
        summary: 'WebSocket: a snapshot, then every event of the branch (token in ?token=, cookie, or header)',
        params: BranchParams,
        querystring: Type.Object({ token: Type.Optional(Type.String()) }),
      },
      // Refuse before the upgrade, so a wrong branch gets a plain 403 or 404.
      preHandler: async (request) => app.lobby.snapshots.assertReadable(actorOf(request), request.params.branchId),
    },
    (socket, request) => {
      const actor = actorOf(request);
      serveLiveSocket({
        socket,
        branchId: request.params.branchId,
        hub: app.lobby.hub,
        loadSnapshot: () => app.lobby.snapshots.snapshot(actor, request.params.branchId),
        pingIntervalMs,
        maxBufferedBytes,
        stillAuthorized: async () => {
          const token = tokenOf(request);
          return token !== undefined && (await app.lobby.auth.resolve(token)) !== null;
        },
        onError: (err) => request.log.error({ err }, 'live socket snapshot failed'),
      });
    },
  );
};
export default live;
