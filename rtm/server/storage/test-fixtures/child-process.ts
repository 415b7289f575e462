import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles store-child.ts (and the store sources) into one ESM file; the native better-sqlite3 stays external. */
export async function bundleStoreChild(outDir: string): Promise<string> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const outfile = path.join(outDir, 'store-child.mjs');
  await build({
    entryPoints: [path.join(here, 'store-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'native-sqlite-external',
        setup(builder) {
          builder.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
        },
      },
    ],
  });
  return outfile;
}

export type Child = ChildProcessByStdio<null, Readable, Readable>;

export function startChild(bundle: string, mode: 'stream' | 'hold', dataDir: string): Child {
  return spawn(process.execPath, [bundle, mode, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Complete stdout lines; resolves once `enough(lines)` is true. A partial last line is never counted. */
export function collectLines(child: Child, enough: (lines: readonly string[]) => boolean): { lines: string[]; reached: Promise<void> } {
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (enough(lines)) resolve();
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${stderr}`)));
  });
  return { lines, reached };
}

export function killAndWait(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
