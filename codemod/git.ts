import { execFile } from 'node:child_process';

/**
 * Uncommitted changes under `paths` as `git status --porcelain` lists them; empty when clean or
 * when the paths are not in a git work tree (nothing to protect there).
 */
export function dirtyFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', ['status', '--porcelain', '--', ...paths], { cwd }, (error, stdout) => {
      if (error) {
        resolve([]);
        return;
      }
      resolve(stdout.split('\n').filter((line) => line.trim() !== ''));
    });
  });
}
