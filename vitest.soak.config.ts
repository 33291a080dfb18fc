/**
 * `npm run test:soak`: the long proofs kept apart from `npm test`. test/soak holds the runs that only make
 * sense long (crash cycles, a full disk); the fuzz and model tests of the normal suite run again here with
 * many more cases (they read LOBBYFLOW_SOAK).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts', 'test/server/fuzz.test.ts', 'test/domain/queue-model.test.ts', 'test/server/queue-model-db.test.ts'],
    env: { LOBBYFLOW_SOAK: '1' },
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
