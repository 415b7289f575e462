import type { WorkerApi } from './load/worker-api.js';
import type { Child } from './proc/spawn.js';
import type { ServerApi } from './servers/control.js';
import type { ClientKind } from './load/clients/types.js';
import type { SystemId } from './systems.js';

export interface BenchOptions {
  /** Caps sizes and shortens windows for a fast run. */
  quick: boolean;
  rounds: number;
  /** Tiny sizes for the smoke test: counts, not speed. */
  smoke: boolean;
  /** Scenario ids to run; all when empty. */
  only: string[];
  /** Subjects (systems) to measure; all when empty. */
  subjects: string[];
  /** Overrides the send window of the throughput scenarios (e.g. a long one for a CPU profile). */
  windowMs?: number;
  /** Extra node flags for server children, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  serverExecArgv: string[];
  /** Extra node flags for the load generator processes (e.g. a CPU profile of the clients). */
  generatorExecArgv: string[];
  /** Client used against each system (resignal: the lean protocol client unless overridden). */
  clientOverride: Partial<Record<SystemId, ClientKind>>;
}

export interface RunningSystemServer {
  readonly url: string;
  readonly control: Child<ServerApi>;
}

export interface RunContext {
  readonly options: BenchOptions;
  readonly workers: readonly Child<WorkerApi>[];
  startServer(system: SystemId): Promise<RunningSystemServer>;
  clientKind(system: SystemId): ClientKind;
  log(line: string): void;
}
