/**
 * How the bench starts server processes: lobbyflow the way its `npm start` script does (read from
 * BENCH_ROOT/package.json), and the ceiling server the same way, so that process figures (RSS) compare
 * like with like.
 *
 *   "start": "tsx server/src/server.ts"                       → node --import tsx server/src/server.ts
 *   "start": "npm run build:server && node <flags> <file.js>" → `npm run build:server` once per bench run,
 *                                                               then node <flags> <file.js>; the ceiling is
 *                                                               transpiled to JavaScript and run with the same flags
 *
 * BENCH_START=tsx ignores the start script: both run as `node --import tsx <file.ts>`.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { BENCH_REPO, log, readSettings, runCommand } from './harness.js';

export interface Launch {
  /** Shell commands run once, in the lobbyflow root, before the first start (e.g. a build). */
  prepare: string[];
  /** Node arguments for lobbyflow (flags and entry point), run in the lobbyflow root. */
  lobbyArgs: string[];
  /** Node flags shared by the ceiling server. */
  nodeFlags: string[];
  /** Whether the entry points run through tsx (TypeScript) or as compiled JavaScript. */
  viaTsx: boolean;
  /** For the report. */
  describe: string;
}

const TSX_LAUNCH: Launch = {
  prepare: [],
  lobbyArgs: ['--import', 'tsx', 'server/src/server.ts'],
  nodeFlags: [],
  viaTsx: true,
  describe: 'node --import tsx server/src/server.ts',
};

/** Reads the start script of the lobbyflow root. */
export function resolveLaunch(root: string, env: NodeJS.ProcessEnv = process.env): Launch {
  if (env.BENCH_START === 'tsx') return { ...TSX_LAUNCH, describe: `${TSX_LAUNCH.describe} (BENCH_START=tsx)` };
  let start: string | undefined;
  try {
    start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start;
  } catch {
    /* no package.json */
  }
  if (!start) return TSX_LAUNCH;
  const steps = start.split('&&').map((s) => s.trim());
  const last = steps.pop()!.split(/\s+/);
  if (last[0] === 'tsx' && last.length === 2 && !last[1].startsWith('-')) {
    return { prepare: steps, lobbyArgs: ['--import', 'tsx', last[1]], nodeFlags: [], viaTsx: true, describe: `${steps.map((s) => `${s} && `).join('')}node --import tsx ${last[1]}` };
  }
  if (last[0] === 'node') {
    const scriptAt = last.findIndex((t, i) => i > 0 && !t.startsWith('-'));
    if (scriptAt > 0) {
      const nodeFlags = last.slice(1, scriptAt);
      const lobbyArgs = last.slice(1);
      return { prepare: steps, lobbyArgs, nodeFlags, viaTsx: lobbyArgs[scriptAt - 1].endsWith('.ts'), describe: start };
    }
  }
  log(`cannot read the start script "${start}"; running ${TSX_LAUNCH.describe}`);
  return TSX_LAUNCH;
}

let active: Launch | undefined;

/** The launch of this bench run (from BENCH_ROOT's start script). */
export function activeLaunch(): Launch {
  active ??= resolveLaunch(readSettings().lobbyRoot);
  return active;
}

let prepared: Promise<void> | undefined;

/** Runs the launch's preparation (once per bench run). */
export function prepareLaunch(root: string, launch: Launch): Promise<void> {
  prepared ??= (async () => {
    for (const step of launch.prepare) {
      log(`running "${step}" in ${root}`);
      await runCommand('sh', ['-c', step], root, 5 * 60_000);
    }
  })();
  return prepared;
}

let ceilingScript: { dir: string; file: string } | undefined;

/** Node arguments and working directory for the ceiling server, run like lobbyflow. */
export function ceilingCommand(launch: Launch): { cwd: string; args: string[] } {
  if (launch.viaTsx) return { cwd: BENCH_REPO, args: [...launch.nodeFlags, '--import', 'tsx', 'test/bench/ceiling-server.ts'] };
  if (!ceilingScript) {
    // Transpile to an .mjs beside a link to this repository's node_modules, so its imports resolve.
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-bench-ceiling-js-'));
    symlinkSync(join(BENCH_REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const source = readFileSync(join(BENCH_REPO, 'test/bench/ceiling-server.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const file = join(dir, 'ceiling-server.mjs');
    writeFileSync(file, outputText);
    ceilingScript = { dir, file };
  }
  return { cwd: ceilingScript.dir, args: [...launch.nodeFlags, ceilingScript.file] };
}

/** Removes the transpiled ceiling (end of the run). */
export function removeCeilingScript() {
  if (ceilingScript) rmSync(ceilingScript.dir, { recursive: true, force: true });
  ceilingScript = undefined;
}
