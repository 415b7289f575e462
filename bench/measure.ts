/** CPU of the server and of the load generators over a window of wall time. */
import os from 'node:os';
import type { RunContext, RunningSystemServer } from './context.js';
import { hrtimeMs, type ProcessUsage } from './servers/control.js';

export interface Window {
  wallMs: number;
  serverCpuMicros: number;
  generatorCpuMicros: number;
  /** The generators' user-space share of generatorCpuMicros (their JavaScript; the kernel's socket work excluded). */
  generatorUserCpuMicros: number;
  /** Busy CPU of the whole machine not spent in the server or the generators: other tenants, the kernel's idle work. */
  otherCpuMicros: number;
}

/** Busy time of every core of the machine, in microseconds (the kernel counts in clock ticks). */
function machineBusyMicros(): number {
  return os.cpus().reduce((sum, cpu) => sum + (cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq) * 1000, 0);
}

async function snapshot(ctx: RunContext, server: RunningSystemServer): Promise<{ server: ProcessUsage; workers: ProcessUsage[] }> {
  const [serverUsage, ...workers] = await Promise.all([
    server.control.rpc.call('usage', { gc: false }),
    ...ctx.workers.map((worker) => worker.rpc.call('usage', { gc: false })),
  ]);
  return { server: serverUsage, workers };
}

/** Runs `body` between two CPU snapshots of every process involved. */
export async function measureWindow<T>(ctx: RunContext, server: RunningSystemServer, body: () => Promise<T>): Promise<{ window: Window; value: T }> {
  const before = await snapshot(ctx, server);
  const machineBefore = machineBusyMicros();
  const started = hrtimeMs();
  const value = await body();
  const wallMs = hrtimeMs() - started;
  const machineAfter = machineBusyMicros();
  const after = await snapshot(ctx, server);
  const generatorCpuMicros = after.workers.reduce((sum, usage, index) => sum + usage.cpuMicros - before.workers[index]!.cpuMicros, 0);
  const generatorUserCpuMicros = after.workers.reduce((sum, usage, index) => sum + usage.userCpuMicros - before.workers[index]!.userCpuMicros, 0);
  const serverCpuMicros = after.server.cpuMicros - before.server.cpuMicros;
  const otherCpuMicros = Math.max(0, machineAfter - machineBefore - serverCpuMicros - generatorCpuMicros);
  return { window: { wallMs, serverCpuMicros, generatorCpuMicros, generatorUserCpuMicros, otherCpuMicros }, value };
}

/** CPU time as a share of one core, in percent (200 = both cores of this machine). */
export function corePercent(cpuMicros: number, wallMs: number): number {
  return wallMs > 0 ? (cpuMicros / 1000 / wallMs) * 100 : Number.NaN;
}
