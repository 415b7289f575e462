import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, found by walking up from this file (works from `rtm/server` and `dist/rtm/server`). */
function readPackageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'resignal' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export const SERVER_VERSION = readPackageVersion();
