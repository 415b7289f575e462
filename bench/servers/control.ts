/** The control channel every benchmark server child serves: its URL, and its own CPU time and memory on request. */
import { serveRpc } from '../proc/rpc.js';

export interface ProcessUsage {
  /** process.cpuUsage() user + system, in microseconds. */
  cpuMicros: number;
  /** process.cpuUsage() user only (JavaScript, GC and JIT threads; not the kernel's socket work), in microseconds. */
  userCpuMicros: number;
  /** process.hrtime in milliseconds: the same clock in every process of this machine. */
  atMs: number;
  rss: number;
  heapUsed: number;
}

export interface UsageParams {
  /** Run a full collection first (children are started with --expose-gc), for memory figures. */
  gc: boolean;
}

export type ServerApi = {
  url(params: null): string;
  usage(params: UsageParams): ProcessUsage;
};

export function hrtimeMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function readUsage(params: UsageParams): ProcessUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (params.gc && gc) {
    gc();
    gc();
  }
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, userCpuMicros: cpu.user, atMs: hrtimeMs(), rss: memory.rss, heapUsed: memory.heapUsed };
}

export interface StartedServer {
  url: string;
  /** Runs when the parent disconnects, before the child exits (e.g. to remove temporary files). */
  close?: () => Promise<void>;
}

/** Starts the server, then serves the control channel. The child exits when the parent disconnects. */
export async function runServerChild(start: () => Promise<StartedServer>): Promise<void> {
  const server = await start();
  const api: ServerApi = { url: () => server.url, usage: readUsage };
  serveRpc(api, server.close);
}
