/**
 * Figure 6: bytes a browser downloads to open each screen (kiosk, display, manager, ticket page):
 * the page's HTML plus the JS and CSS it loads up front (script src, stylesheets, modulepreload
 * links, and static imports between the JS files; lazily imported chunks such as translations are
 * not counted). Fetched from lobbyflow with `accept-encoding: gzip, br`:
 *   raw        the files' own size
 *   served     bytes on the wire as served (equal to raw when the server does not compress)
 *   gzip -9    what gzip would make of each file, for comparison (the ceiling column)
 * lobbyflow builds the front-ends itself at start when dist/ui is missing or stale.
 */
import http from 'node:http';
import { brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { describeError, log, type ScenarioContext } from './harness.js';
import { startLobby } from './lobby-server.js';
import { measure, row, type Row } from './report.js';

const SCREENS = [
  { name: 'kiosk screen', path: '/kiosk-ui/?branch=demo&token=demo-kiosk' },
  { name: 'display screen', path: '/display-ui/?branch=demo&token=demo-display' },
  { name: 'manager screen', path: '/manager-ui/' },
  { name: 'ticket page', path: '/kiosk-ui/ticket.html?branch=demo' },
] as const;

interface Fetched {
  raw: Buffer;
  wireBytes: number;
  encoding: string;
  contentType: string;
}

function fetchAsBrowser(url: string): Promise<Fetched> {
  return new Promise((resolveFetch, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url} → ${res.statusCode}`));
        const wire = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const raw =
          encoding === 'gzip' ? gunzipSync(wire) : encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'deflate' ? inflateSync(wire) : wire;
        resolveFetch({ raw, wireBytes: wire.length, encoding, contentType: String(res.headers['content-type'] ?? '') });
      });
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url}: no answer`)));
    req.on('error', reject);
  });
}

/** Same-origin JS/CSS URLs an HTML page loads up front. */
function htmlReferences(html: string, base: URL): URL[] {
  const urls: URL[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) urls.push(new URL(match[1], base));
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = /\brel=["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/i.test(rel)) urls.push(new URL(href, base));
  }
  return urls.filter((u) => u.origin === base.origin);
}

/** Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not `import()`. */
function moduleReferences(js: string, base: URL): URL[] {
  const urls: URL[] = [];
  for (const match of js.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.(?:js|mjs|css))["']/g)) {
    urls.push(new URL(match[1], base));
  }
  return urls.filter((u) => u.origin === base.origin);
}

interface ScreenBytes {
  files: number;
  raw: number;
  served: number;
  gzip: number;
  encodings: Set<string>;
}

async function screenBytes(baseUrl: string, path: string): Promise<ScreenBytes> {
  const pageUrl = new URL(path, baseUrl);
  const seen = new Set<string>();
  const totals: ScreenBytes = { files: 0, raw: 0, served: 0, gzip: 0, encodings: new Set() };
  const queue: URL[] = [pageUrl];
  while (queue.length) {
    const url = queue.shift()!;
    const key = url.origin + url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = await fetchAsBrowser(url.href);
    totals.files++;
    totals.raw += file.raw.length;
    totals.served += file.wireBytes;
    totals.gzip += gzipSync(file.raw, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    totals.encodings.add(file.encoding);
    const text = file.raw.toString('utf8');
    if (url === pageUrl || file.contentType.includes('html')) queue.push(...htmlReferences(text, url));
    else if (file.contentType.includes('javascript') || url.pathname.endsWith('.js')) queue.push(...moduleReferences(text, url));
  }
  return totals;
}

export async function screenBytesFigure({ settings, scope }: ScenarioContext): Promise<Row[]> {
  log('figure 6: starting lobbyflow with its front-ends (it builds them first when dist/ui is missing or stale)');
  let lobby;
  try {
    lobby = scope.track(await startLobby(settings.lobbyRoot, { ui: true }));
  } catch (err) {
    return [row({ figure: '6. bytes per screen', unit: 'KB', lobbyflow: measure([null], describeError(err)) })];
  }
  try {
    const rows: Row[] = [];
    for (const screen of SCREENS) {
      try {
        const bytes = await screenBytes(lobby.baseUrl, screen.path);
        rows.push(
          row({
            figure: `6. ${screen.name}, as served`,
            unit: 'KB',
            lobbyflow: measure([bytes.served / 1024]),
            ceiling: measure([bytes.gzip / 1024]),
            ceilingLabel: 'same files, gzip -9',
            notes: [`${bytes.files} files (HTML + JS/CSS loaded up front), served with content-encoding: ${[...bytes.encodings].join(', ')}`],
          }),
          row({ figure: `6. ${screen.name}, raw`, unit: 'KB', lobbyflow: measure([bytes.raw / 1024]) }),
        );
      } catch (err) {
        rows.push(row({ figure: `6. ${screen.name}, as served`, unit: 'KB', lobbyflow: measure([null], describeError(err)) }));
      }
    }
    return rows;
  } finally {
    await lobby.stop();
  }
}
