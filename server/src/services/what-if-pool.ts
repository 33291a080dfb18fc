/**
 * Runs what-if forecasts on a small pool of worker threads (piscina), so that a manager's forecast
 * never holds up a kiosk's ticket. Each forecast has a time budget, and only a few may run or wait
 * at once: a manager pressing the button again and again cannot queue an hour of work.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import { AppError } from '../errors.js';
import type { WhatIfTask } from '../simulator/what-if-worker.js';

export interface WhatIfPoolOptions {
  /** Worker threads; by default all cores but one (for the server itself), between 1 and 2. */
  threads?: number;
  /** Forecasts that may wait for a free thread; more are refused with FORECAST_BUSY (default 2). */
  queued?: number;
  /** Longest a forecast may take, its wait included, before it is stopped with FORECAST_TIMEOUT (default 5 s). */
  budgetMs?: number;
}

/** An idle worker thread ends after this long; the next forecast starts a new one. */
const IDLE_MS = 60_000;

const defaultThreads = () => Math.min(2, Math.max(1, availableParallelism() - 1));

/**
 * The worker module: the TypeScript source when the server runs from source (tsx, Vitest), the
 * emitted JavaScript in a build. Vitest compiles TypeScript in its own module runner, which a worker
 * thread does not share, so from source the worker registers tsx (resolved from here, not the cwd).
 */
function workerModule(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = new URL(`../simulator/what-if-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const tsx = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: fileURLToPath(worker), execArgv: fromSource ? ['--import', tsx()] : [] };
}

export function createWhatIfPool(options: WhatIfPoolOptions = {}) {
  const threads = options.threads ?? defaultThreads();
  const capacity = threads + (options.queued ?? 2);
  const budgetMs = options.budgetMs ?? 5_000;
  let pool: Piscina<WhatIfTask, WhatIfForecast> | null = null;
  let inFlight = 0;

  /** The threads start with the first forecast, not with the server. */
  const piscina = () => (pool ??= new Piscina({ ...workerModule(), minThreads: 0, maxThreads: threads, idleTimeout: IDLE_MS }));

  return {
    /** Simulates `task` on a worker thread; FORECAST_BUSY when too many wait, FORECAST_TIMEOUT past the budget. */
    async forecast(task: WhatIfTask): Promise<WhatIfForecast> {
      if (inFlight >= capacity) {
        throw new AppError('FORECAST_BUSY', `${inFlight} what-if forecasts are already running or waiting; try again in a few seconds`);
      }
      inFlight++;
      const signal = AbortSignal.timeout(budgetMs);
      try {
        return await piscina().run(task, { signal });
      } catch (error) {
        if (!signal.aborted) throw error;
        throw new AppError('FORECAST_TIMEOUT', `the forecast did not finish within ${budgetMs / 1000} s and was stopped; try fewer runs or a shorter period`);
      } finally {
        inFlight--;
      }
    },
    /** Ends the worker threads; a forecast still running fails. */
    async close(): Promise<void> {
      await pool?.destroy();
      pool = null;
    },
  };
}

export type WhatIfPool = ReturnType<typeof createWhatIfPool>;
