import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { RpcClient, type Api } from './rpc.js';

export interface Child<A extends Api> {
  readonly rpc: RpcClient<A>;
  readonly process: ChildProcess;
  /** Kills the child and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Forks a compiled child entry (`<childDir>/<entry>.js`) and resolves once it has announced itself. */
export async function spawnChild<A extends Api>(childDir: string, entry: string, execArgv: string[] = []): Promise<Child<A>> {
  const child = fork(path.join(childDir, `${entry}.js`), [], {
    execArgv: ['--expose-gc', ...execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const rpc = new RpcClient<A>(child);
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${entry} exited during start-up (${code ?? 'signal'})`)));
    child.once('message', () => resolve());
  });
  child.removeAllListeners('error');
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    rpc,
    process: child,
    stop: async () => {
      // A graceful exit lets --cpu-prof write its profile; SIGKILL is the fallback for a wedged child.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
