/** One Vite build for the landing page and the three front-ends; the server serves dist/ui. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const page = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  // Kiosks and displays load the screens over the branch network: the server sends these .gz and .br copies.
  plugins: [compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 })],
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        landing: page('index.html'),
        kiosk: page('kiosk-ui/index.html'),
        ticket: page('kiosk-ui/ticket.html'),
        display: page('display-ui/index.html'),
        manager: page('manager-ui/index.html'),
        // The phone page's push service worker: a fixed name at the root, so its scope covers the pages.
        'push-sw': page('kiosk-ui/src/mobile/push-sw.ts'),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'push-sw' ? 'push-sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    // `npm run dev:ui` serves the pages with hot reload and sends the API to `npm run dev`.
    proxy: { '/api': { target: 'http://localhost:3000', ws: true }, '/docs': 'http://localhost:3000' },
  },
});
