/**
 * The built CLI (`dist/cli/resignal.js serve …`) as a real child process, for tests that stop a server with
 * SIGTERM or kill it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository root: the nearest folder with a package.json (this file may also run bundled elsewhere). */
function repositoryRoot(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(import.meta.dirname, '..');
  }
}

export const BIN = path.join(repositoryRoot(), 'dist', 'cli', 'resignal.js');

export interface ServerProcess {
  /** http://host:port, as printed by the server. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Sends `signal` and resolves the exit code once the process is gone (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Fails clearly when the CLI was not built (npm test runs `npm run build` first). */
export function requireBuild(): void {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test builds before running the tests).`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `resignal serve <args>` and resolves once it listens. Without `--port` in `args` it picks a free port. */
export function startServerProcess(args: string[], timeoutMs = 15_000): Promise<ServerProcess> {
  requireBuild();
  const portArgs = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, [BIN, 'serve', ...portArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`resignal serve did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/[\d.:[\]]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onExit);
      resolve({
        url: match[1]!,
        child,
        output: () => output,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    }, 20);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(error);
    };
    const onExit = (code: number | null): void => fail(new Error(`resignal serve exited with ${String(code)}:\n${output}`));
    child.once('exit', onExit);
  });
}
