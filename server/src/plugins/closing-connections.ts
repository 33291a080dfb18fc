/**
 * Once the server is shutting down, every answer closes its connection. Node closes the connections
 * that are idle when it stops listening, but a connection busy with a request then becomes idle with
 * keep-alive and would hold the shutdown until the client dropped it (seconds, or the 72 s timeout).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async function closingConnectionsPlugin(app: FastifyInstance) {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
  },
  { name: 'closing-connections' },
);
