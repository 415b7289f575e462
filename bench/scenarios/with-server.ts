import type { RunContext, RunningSystemServer } from '../context.js';
import { closeClients } from '../load/pool.js';
import type { SystemId } from '../systems.js';

/** A fresh server process for one measurement; clients and server are gone afterwards, even on failure. */
export async function withServer<T>(ctx: RunContext, system: SystemId, body: (server: RunningSystemServer) => Promise<T>): Promise<T> {
  const server = await ctx.startServer(system);
  try {
    return await body(server);
  } finally {
    await closeClients(ctx);
    await server.control.stop();
  }
}

export function asSystem(subject: string): SystemId {
  if (subject === 'resignal' || subject === 'raw-ws' || subject === 'socket.io') return subject;
  throw new Error(`unknown system ${subject}`);
}
