/** Closes past business days at start-up and then every `intervalMs`. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async function dayClosePlugin(app: FastifyInstance, { intervalMs }: { intervalMs: number }) {
    const sweep = async () => {
      try {
        const closed = await app.lobby.dayClose.closePastDaysEverywhere();
        if (closed > 0) app.log.info(`closed ${closed} ticket(s) left over from earlier business days`);
      } catch (err) {
        app.log.error({ err }, 'closing past business days failed');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await sweep();
      timer = setInterval(sweep, intervalMs);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'day-close', dependencies: ['lobby'] },
);
