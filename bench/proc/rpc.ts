/**
 * Request/reply over the IPC channel of a forked child. The parent side wraps a ChildProcess; the child side
 * serves an object of async methods. Values travel with `serialization: 'advanced'` (structured clone).
 */
import type { ChildProcess } from 'node:child_process';

type Method = (params: never) => unknown;
export type Api = { [name: string]: Method };

interface CallMessage {
  id: number;
  method: string;
  params: unknown;
}

type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type Params<A extends Api, K extends keyof A> = Parameters<A[K]>[0];
export type Result<A extends Api, K extends keyof A> = Awaited<ReturnType<A[K]>>;

export class RpcClient<A extends Api> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ReplyMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error));
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`child exited (${code ?? signal ?? '?'})`));
      this.pending.clear();
    });
  }

  call<K extends keyof A & string>(method: K, params: Params<A, K>): Promise<Result<A, K>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: CallMessage = { id, method, params };
      this.child.send(message, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }
}

/** Child side: answers calls until the parent disconnects, then runs `cleanup` (if any) and exits. */
export function serveRpc(api: Api, cleanup?: () => Promise<void>): void {
  const send = (reply: ReplyMessage): void => {
    process.send?.(reply);
  };
  process.on('message', (message: CallMessage) => {
    const method = api[message.method];
    if (!method) {
      send({ id: message.id, ok: false, error: `unknown method ${message.method}` });
      return;
    }
    Promise.resolve()
      .then(() => method(message.params as never))
      .then(
        (value) => send({ id: message.id, ok: true, value }),
        (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => {
    void (cleanup ?? (() => Promise.resolve()))()
      .catch((error: unknown) => console.error('cleanup failed', error))
      .finally(() => process.exit(0));
  });
  // spawnChild waits for this first message before it returns.
  process.send?.({ ready: true });
}
