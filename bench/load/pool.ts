/** Parent side of the load generators: spreads clients over the worker processes and merges their results. */
import type { RunContext } from '../context.js';
import type { ClientKind } from './clients/types.js';
import type { OpenResult } from './worker-api.js';

/** Client i lives in worker i % workers. */
export function workerIndexOf(index: number, ctx: RunContext): number {
  return index % ctx.workers.length;
}

export function spread<T>(items: readonly T[], ctx: RunContext): T[][] {
  const shares: T[][] = ctx.workers.map(() => []);
  items.forEach((item, index) => shares[workerIndexOf(index, ctx)]!.push(item));
  return shares;
}

export function uidList(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

export interface OpenOptions {
  channel?: string;
  /** Per worker; 0 = all at once. */
  concurrency: number;
  /** Throw unless every client logged in (default true). */
  strict?: boolean;
}

/** Opens `uids` spread over the workers (uid i in worker i % n). */
export async function openClients(ctx: RunContext, kind: ClientKind, url: string, uids: readonly string[], options: OpenOptions): Promise<OpenResult> {
  const shares = spread(uids, ctx);
  const results = await Promise.all(
    ctx.workers.map(async (worker, index) =>
      shares[index]!.length === 0
        ? null
        : await worker.rpc.call('open', { kind, url, uids: shares[index]!, concurrency: options.concurrency, ...(options.channel === undefined ? {} : { channel: options.channel }) }),
    ),
  );
  const opened = results.filter((result): result is OpenResult => result !== null);
  const merged: OpenResult = {
    opened: opened.reduce((n, r) => n + r.opened, 0),
    failed: opened.reduce((n, r) => n + r.failed, 0),
    loginMs: opened.flatMap((r) => r.loginMs),
    startedAtMs: Math.min(...opened.map((r) => r.startedAtMs)),
    finishedAtMs: Math.max(...opened.map((r) => r.finishedAtMs)),
  };
  const firstError = opened.find((r) => r.firstError !== undefined)?.firstError;
  if (firstError !== undefined) merged.firstError = firstError;
  if ((options.strict ?? true) && merged.failed > 0) throw new Error(`${merged.failed} of ${uids.length} clients failed to open: ${firstError ?? '?'}`);
  return merged;
}

export async function closeClients(ctx: RunContext): Promise<void> {
  await Promise.all(ctx.workers.map((worker) => worker.rpc.call('closeAll', null)));
}
