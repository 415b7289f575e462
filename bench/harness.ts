/** Starts the load generator processes, gives scenarios their context, and runs the suite. */
import type { BenchOptions, RunContext } from './context.js';
import type { WorkerApi } from './load/worker-api.js';
import { spawnChild } from './proc/spawn.js';
import { machineInfo } from './report/machine.js';
import type { SuiteResult } from './report/types.js';
import type { Scenario } from './scenarios/types.js';
import type { ServerApi } from './servers/control.js';
import { SYSTEM_IDS, SYSTEMS, type SystemId } from './systems.js';
import { runScenarios } from './suite.js';

/** Two generators: ≤ ~10,000 sockets each at the largest size, well under the 20,000-descriptor limit. */
export const GENERATOR_PROCESSES = 2;

export interface HarnessOptions {
  /** Folder of the compiled child entries (see build-children.ts). */
  childDir: string;
  log?: (line: string) => void;
}

export async function runBench(scenarios: readonly Scenario[], options: BenchOptions, harness: HarnessOptions): Promise<SuiteResult> {
  const started = Date.now();
  const machine = machineInfo();
  const log = harness.log ?? (() => undefined);
  const workers = await Promise.all(Array.from({ length: GENERATOR_PROCESSES }, () => spawnChild<WorkerApi>(harness.childDir, 'load/worker', options.generatorExecArgv)));
  const clientKind = (system: SystemId) => options.clientOverride[system] ?? SYSTEMS[system].client;
  const ctx: RunContext = {
    options,
    workers,
    clientKind,
    log,
    startServer: async (system) => {
      const control = await spawnChild<ServerApi>(harness.childDir, SYSTEMS[system].server, options.serverExecArgv);
      return { control, url: await control.rpc.call('url', null) };
    },
  };
  try {
    const results = await runScenarios(scenarios, options, ctx);
    return {
      machine: { ...machine, loadAverage: [...machine.loadAverage, ...machineInfo().loadAverage] },
      mode: options.smoke ? 'smoke' : options.quick ? 'quick' : 'full',
      clients: Object.fromEntries(SYSTEM_IDS.map((system) => [system, clientKind(system)])),
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      scenarios: results,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
