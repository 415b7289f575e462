/** Builds the storm worker with esbuild and forks as many as needed (each holds at most `perWorker` clients). */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnChild, type Child } from '../../../bench/proc/spawn.js';
import type { StormApi } from './worker-api.js';

/** This folder; when bundled (npm run soak) the sources are found from the package root instead. */
const moduleDir = path.dirname(fileURLToPath(import.meta.url));
const here = existsSync(path.join(moduleDir, 'worker.ts')) ? moduleDir : path.resolve('test/reliability/storm');

export interface StormWorkers {
  readonly workers: Child<StormApi>[];
  stop(): Promise<void>;
}

export async function startStormWorkers(count: number): Promise<StormWorkers> {
  // Inside the repository so the bundle resolves node_modules and is an ES module (package.json "type").
  const dir = await mkdtemp(path.resolve(here, '../../../node_modules/.cache/resignal-storm-'));
  await build({
    entryPoints: { worker: path.join(here, 'worker.ts') },
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const workers = await Promise.all(Array.from({ length: count }, () => spawnChild<StormApi>(dir, 'worker')));
  return {
    workers,
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
