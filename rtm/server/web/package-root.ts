import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed `resignal` package: the nearest parent of this file with a package.json named
 * "resignal". Works from the source tree (rtm/server/web, under vitest) and from the build (dist/rtm/server/web).
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'resignal') return dir;
      } catch {
        // not a readable manifest: keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`resignal: no package.json named "resignal" above ${from}`);
    dir = parent;
  }
}

/** Where the build puts the browser bundles and the demo pages. */
export function webDirs(root: string = packageRoot()): { browser: string; demo: string } {
  return { browser: join(root, 'dist', 'browser'), demo: join(root, 'dist', 'demo') };
}
