/** Debian's Chromium driven by playwright-core, against a real server with the built front-ends. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureUiBuilt, PROJECT_ROOT, UI_DIST } from '../../server/src/ui-build.js';
import { createTestApp, type TestApp } from './test-app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots for people to look at; git ignores the folder. */
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface BrowserTestApp extends TestApp {
  base: string;
  port: number;
}

/** A listening server with the front-ends, on a temporary database (optionally an existing folder). */
export async function startUiServer(options: Parameters<typeof createTestApp>[0] = {}): Promise<BrowserTestApp> {
  await ensureUiBuilt(() => {});
  const t = await createTestApp({ ...options, uiRoot: UI_DIST });
  const base = await t.app.listen({ port: (options as { port?: number }).port ?? 0, host: '127.0.0.1' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { ...t, base, port: Number(new URL(base).port) };
}
