/** Compiles the child process entries (servers, load generator) to plain JavaScript with esbuild. */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHILD_ENTRIES = ['servers/resignal', 'servers/raw-ws', 'servers/socketio', 'load/worker'] as const;

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** The sources: this file's folder when run from source; `<root>/bench` when bundled into `<root>/dist/bench`. */
function sourceDir(): string {
  return benchDir.split(path.sep).includes('dist') ? path.resolve(benchDir, '../../bench') : benchDir;
}

export async function buildChildren(outdir: string): Promise<void> {
  const src = sourceDir();
  await build({
    entryPoints: Object.fromEntries(CHILD_ENTRIES.map((entry) => [entry, path.join(src, `${entry}.ts`)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
