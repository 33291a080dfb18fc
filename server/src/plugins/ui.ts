/** Serves the built front-ends (dist/ui) and the landing page at `/`. */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async function uiPlugin(app: FastifyInstance, { root }: { root: string }) {
    if (!existsSync(root)) {
      app.log.warn(`no front-end build in ${root}: run "npm run build:ui" (npm start does it for you)`);
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      // The build writes .br and .gz beside each asset; the client's Accept-Encoding picks one.
      preCompressed: true,
      // Hashed assets may be cached for long; pages must always be fresh.
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  },
  { name: 'ui' },
);
