import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { packageRoot } from '../../rtm/server/web/package-root.js';
import type { Scenario } from './types.js';

/** What a page downloads: resignal's two browser builds, and the official RTM Web SDK for comparison. */
const BUNDLES: Readonly<Record<string, () => string>> = {
  'resignal-signal.js (shim)': () => join(packageRoot(), 'dist/browser/resignal-signal.js'),
  'resignal-rtm.js (client)': () => join(packageRoot(), 'dist/browser/resignal-rtm.js'),
  'agora-rtm-sdk 1.6.0': () => createRequire(import.meta.url).resolve('agora-rtm-sdk'),
};

const KB = 1024;

function ensureBuilt(path: string): void {
  if (existsSync(path) || !path.includes(join('dist', 'browser'))) return;
  execFileSync(process.execPath, [join(packageRoot(), 'scripts/build-browser.mjs')], { cwd: packageRoot(), stdio: 'ignore' });
}

/**
 * Sizes of one bundle. The file is minified again in memory first, so the numbers are those of the production
 * build even when dist/ holds the readable `--no-minify` build some tests write (and nothing on disk changes).
 */
async function measure(subject: string): Promise<Record<string, number>> {
  const locate = BUNDLES[subject];
  if (!locate) throw new Error(`unknown bundle ${subject}`);
  const path = locate();
  ensureBuilt(path);
  const source = readFileSync(path, 'utf8');
  // The target of scripts/build-browser.mjs: an older one would lower its class fields again and measure that.
  const { code } = await transform(source, { loader: 'js', minify: true, target: 'es2022', legalComments: 'none', charset: 'utf8' });
  const minified = Buffer.from(code.length <= source.length ? code : source, 'utf8');
  return {
    minifiedKB: minified.byteLength / KB,
    gzipKB: gzipSync(minified, { level: 9 }).byteLength / KB,
    brotliKB: brotliCompressSync(minified, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).byteLength / KB,
  };
}

export const bundleSizeScenario: Scenario = {
  id: 'bundle-size',
  title: 'Browser bundle size',
  description:
    'Bytes a page downloads for the SDK: resignal\'s shim build (global `Signal`, the legacy drop-in, which contains the RTM client too) and native client build (global `AgoraRTM`), minified, then gzip -9 and brotli 11; the official `agora-rtm-sdk@1.6.0` Web SDK measured the same way for comparison. Target: under 25 KB gzip for each resignal build. Deterministic: one round.',
  metrics: [
    { key: 'minifiedKB', label: 'minified', unit: 'KB', digits: 1 },
    { key: 'gzipKB', label: 'gzip', unit: 'KB', digits: 1 },
    { key: 'brotliKB', label: 'brotli', unit: 'KB', digits: 1 },
  ],
  maxRounds: 1,
  cases: () => [{ label: 'browser builds', subjects: Object.keys(BUNDLES), measure: (subject) => measure(subject) }],
};
