import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BranchParams } from '../../../protocol/schemas.js';
import { LIVE_CLOSE } from '../../../protocol/messages.js';
import { unauthenticated } from '../domain/actor.js';
import { tokenOf } from '../plugins/auth.js';
import { serveLiveSocket } from '../realtime/live-socket.js';
import { hearsHint, hintMessage } from '../realtime/record-hints.js';
import { audienceOf } from '../services/snapshot-service.js';

export interface LiveRouteOptions {
  pingIntervalMs: number;
  /** Unsent bytes past which a socket that stopped reading is dropped. */
  maxBufferedBytes?: number;
}

const live: FastifyPluginAsyncTypebox<LiveRouteOptions> = async (app, { pingIntervalMs, maxBufferedBytes }) => {
  // A token that no longer holds (a revoked device, an ended session) is told so over the socket,
  // with the close code the live client stops on: an HTTP 401 would look to a browser like a lost
  // connection, and a reloaded kiosk would retry for ever. No token at all is refused as usual.
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    if (!token) throw unauthenticated();
    request.actor = await app.lobby.auth.resolve(token);
  });
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
      preHandler: async (request) => {
        if (request.actor) await app.lobby.snapshots.assertReadable(request.actor, request.params.branchId);
      },
    },
    (socket, request) => {
      const actor = request.actor;
      if (!actor) return socket.close(LIVE_CLOSE.UNAUTHORIZED, 'session ended or device revoked');
      const { branchId } = request.params;
      // Device health: the hall's kiosks and displays are known to be there while their socket is.
      const left = app.lobby.presence.connected(actor, branchId);
      socket.on('close', left);
      serveLiveSocket({
        socket,
        branchId: request.params.branchId,
        audience: audienceOf(actor),
        hub: app.lobby.hub,
        loadSnapshot: () => app.lobby.snapshots.snapshot(actor, request.params.branchId),
        pingIntervalMs,
        maxBufferedBytes,
        stillAuthorized: async () => {
          const token = tokenOf(request);
          return token !== undefined && (await app.lobby.auth.resolve(token)) !== null;
        },
        onError: (err) => request.log.error({ err }, 'live socket snapshot failed'),
        listenToHints: (send) => app.lobby.hints.listen(branchId, (hint) => hearsHint(actor, hint) && send(hintMessage(hint))),
      });
    },
  );
};
export default live;
