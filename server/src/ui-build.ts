/** Builds the front-ends with Vite when dist/ui is missing or older than their sources. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder of package.json: two levels up from the sources, four from the compiled server in dist/server. */
export const PROJECT_ROOT = [resolve(import.meta.dirname, '../..'), resolve(import.meta.dirname, '../../../..')].find((dir) =>
  existsSync(join(dir, 'package.json')),
)!;
/** Where the build goes: dist/ui, or LOBBYFLOW_UI_DIST (a checkout shared by several people building at once). */
export const UI_DIST = process.env.LOBBYFLOW_UI_DIST ? resolve(process.env.LOBBYFLOW_UI_DIST) : join(PROJECT_ROOT, 'dist/ui');
const STAMP = join(UI_DIST, '.built-at');
const SOURCES = ['index.html', 'index.css', 'vite.config.ts', 'protocol', 'kiosk-ui', 'display-ui', 'manager-ui'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether the build is missing or older than any source file. */
export function uiBuildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const builtAt = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(PROJECT_ROOT, source)) > builtAt);
}

/** Runs `vite build` in-process when needed. */
export async function ensureUiBuilt(log: (message: string) => void = console.log): Promise<void> {
  if (!uiBuildIsStale()) return;
  log('building the front-ends (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: UI_DIST } });
  writeFileSync(STAMP, new Date().toISOString());
}
