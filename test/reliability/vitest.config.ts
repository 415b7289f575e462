/**
 * `npm run test:reliability`: the same files as in `npm test`, at full size (RESIGNAL_RELIABILITY=full), one file
 * at a time so the heavy scenarios (5,000-client storm, SIGKILL under load) do not compete for the CPU.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    env: { RESIGNAL_RELIABILITY: 'full' },
  },
});
