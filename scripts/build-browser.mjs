// Builds the single-file deliverables of the shim with esbuild (run after `tsc -p tsconfig.build.json`):
//   dist/browser/resignal-signal.js  global `Signal` + legacy globals, UMD like AgoraSig-1.4.3 (`module.exports = Signal`)
//   dist/browser/resignal-rtm.js     global `AgoraRTM` (resignal's RTM 1.x client)
//   dist/shim/signal.cjs             `require('resignal/shim')` → Signal, for CommonJS apps on Node
//   dist/shim/signal.d.cts           its declarations
// Usage: node scripts/build-browser.mjs [--no-minify]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const minify = !process.argv.includes('--no-minify');
const banner = '/*! resignal: legacy Signaling SDK replacement on a self-hosted RTM 1.x service. MIT. */';

/** A browser IIFE wrapped so it behaves like a UMD bundle: CommonJS and AMD get the API, pages get globals. */
function umd(globalName, onGlobal) {
  return {
    banner: { js: `${banner}\n(function (root) {` },
    footer: { js: [
      `var api = ${globalName}.default;`,
      `if (typeof module === 'object' && module && typeof module.exports === 'object') module.exports = api;`,
      `else if (typeof define === 'function' && define.amd) define([], function () { return api; });`,
      onGlobal,
      `})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this);`,
    ].join('\n') },
  };
}

const browser = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noNodeWebSocket()],
};

/** The client imports `ws` only when there is no native WebSocket; in a browser file that import must not exist. */
function noNodeWebSocket() {
  return {
    name: 'no-node-websocket',
    setup(build) {
      build.onResolve({ filter: /^ws$/ }, () => ({ path: 'ws', namespace: 'no-node-websocket' }));
      build.onLoad({ filter: /.*/, namespace: 'no-node-websocket' }, () => ({
        contents: 'export const WebSocket = undefined; export default undefined;',
        loader: 'js',
      }));
    },
  };
}

await build({
  ...browser,
  entryPoints: [join(root, 'shim/bundle/browser-signal.ts')],
  outfile: join(root, 'dist/browser/resignal-signal.js'),
  globalName: '__resignalSignal',
  // The legacy globals are installed in every case: apps did `import './AgoraSig'` and then used the global.
  ...umd('__resignalSignal', '__resignalSignal.installGlobals(root);'),
});

await build({
  ...browser,
  entryPoints: [join(root, 'shim/bundle/browser-rtm.ts')],
  outfile: join(root, 'dist/browser/resignal-rtm.js'),
  globalName: '__resignalRtm',
  ...umd('__resignalRtm', 'else root.AgoraRTM = api;'),
});

await build({
  entryPoints: [join(root, 'shim/bundle/node-require.ts')],
  outfile: join(root, 'dist/shim/signal.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: ['node20'],
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: banner },
  footer: { js: 'module.exports = module.exports.default;' },
});

mkdirSync(join(root, 'dist/shim'), { recursive: true });
writeFileSync(
  join(root, 'dist/shim/signal.d.cts'),
  [
    '// `require(\'resignal/shim\')`: the legacy Signal factory, with the named exports of resignal/shim as properties.',
    'declare const Signal: typeof import("./index.js", { with: { "resolution-mode": "import" } }).Signal &',
    '  Omit<typeof import("./index.js", { with: { "resolution-mode": "import" } }), "default">;',
    'export = Signal;',
    '',
  ].join('\n'),
);
