/** The screens reach kiosks and displays compressed: the build writes .br and .gz copies and the server sends them. */
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, UI_DIST } from '../../server/src/ui-build.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let script: string;
beforeAll(async () => {
  await ensureUiBuilt(() => {});
  t = await createTestApp({ uiRoot: UI_DIST });
  const page = await t.app.inject({ url: '/kiosk-ui/' });
  script = /<script type="module" crossorigin src="([^"]+)"/.exec(page.body)![1];
}, 120_000);
afterAll(() => t?.close());

describe('screen assets', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends the kiosk script %s-compressed to a browser that accepts it', async (encoding, decompress) => {
    const res = await t.app.inject({ url: script, headers: { 'accept-encoding': `${encoding}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    const raw = readFileSync(join(UI_DIST, script));
    expect(res.rawPayload.length).toBeLessThan(raw.length / 2);
    expect(decompress(res.rawPayload).equals(raw)).toBe(true);
  });

  it('sends it as it is to a client that accepts no encoding', async () => {
    const res = await t.app.inject({ url: script, headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(readFileSync(join(UI_DIST, script)))).toBe(true);
  });
});
