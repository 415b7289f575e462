// Builds the single-file deliverables of the shim with esbuild (run after `tsc -p tsconfig.build.json`):
//   dist/browser/resignal-signal.js  global `Signal` + legacy globals, UMD like AgoraSig-1.4.3 (`module.exports = Signal`)
//   dist/browser/resignal-rtm.js     global `AgoraRTM` (resignal's RTM 1.x client)
//   dist/shim/signal.cjs             `require('resignal/shim')` → Signal, for CommonJS apps on Node
//   dist/shim/signal.d.cts           its declarations
// Usage: node scripts/build-browser.mjs [--no-minify] [--browser-only --out-dir DIR]
//   --browser-only --out-dir DIR  only the two browser files, into DIR (the size-budget test measures those)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const minify = !process.argv.includes('--no-minify');
const browserOnly = process.argv.includes('--browser-only');
const outDirIndex = process.argv.indexOf('--out-dir');
const browserDir = outDirIndex > 0 ? process.argv[outDirIndex + 1] : join(root, 'dist/browser');
if (!browserDir) throw new Error('build-browser: --out-dir needs a folder');
const banner = '/*! resignal | MIT */';

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
  // ES2022 keeps class fields and `#private` members native (ES2020 lowers each to WeakMap helpers: +2.5 KB gzip).
  target: ['es2022'],
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

/** Evaluates a TypeScript module that imports nothing at run time (the API map) and returns its exports. */
async function evaluate(stdin) {
  const { outputFiles } = await build({ stdin, bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The rule most IDs follow (`session.messageInstantSend` → SIG_MESSAGE_INSTANT_SEND); rows that follow it carry no ID. */
const idOf = (owner, name) =>
  `SIG_${owner === 'invoke' ? 'INVOKE_' : ''}${name.replace(/^io\.agora\.signal\./, '').replace(/([a-z\d])([A-Z])/g, '$1_$2').replace(/\W+/g, '_').toUpperCase()}`;

/**
 * The RTM counterpart with its argument lists elided, for the browser's warnings and usage report (the full text
 * is in docs/api-map.md, which every warning links): `await client.login({ uid: account, token })` →
 * `client.login(…)`, `client.on('MessageFromPeer', (message, peerId) => …)` → `client.on('MessageFromPeer', …)`.
 */
function abbreviateRtm(rtm) {
  if (rtm === null) return null;
  let out = '';
  for (let i = 0; i < rtm.length; i++) {
    if (rtm[i] !== '(' || !/[\w$]/.test(rtm[i - 1] ?? '')) {
      out += rtm[i];
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < rtm.length && depth > 0; j++) depth += rtm[j] === '(' ? 1 : rtm[j] === ')' ? -1 : 0;
    const args = rtm.slice(i + 1, j - 1);
    const event = /^'[^']*'/.exec(args)?.[0];
    out += args === '' ? '()' : event === undefined ? '(…)' : args === event ? `(${event})` : `(${event}, …)`;
    i = j - 1;
  }
  return out.replace(/(^|; )(await |const \w+ = )/g, '$1');
}

/**
 * The shim's browser build carries the API map's rows with their run-time fields only: ID, how the app names the
 * element (owner, name, aliases, kind: for lookups and the warning text), the RTM counterpart and the support
 * level (warning and usage report), abbreviated by `abbreviateRtm`. Signatures, differences, notes and codemod
 * plans stay in Node and in docs/api-map.md. The rows are generated from shim/api-map.ts itself (there is still
 * one table), and the build fails unless every generated entry gives the same ID, docs anchor, support and
 * warning as the map (with the RTM counterpart abbreviated).
 */
function runtimeApiMap(surfaces) {
  // The error descriptions are doc text too (docs/api-map.md#legacy-error-codes): undefined in this build.
  const DESCRIPTIONS = 'export const LEGACY_ERROR_DESCRIPTIONS: Readonly<Record<LegacyErrorName, string>> = {';
  const withoutDescriptions = (rest) => {
    const from = rest.indexOf(DESCRIPTIONS);
    const to = rest.indexOf('\n};', from);
    if (from < 0 || to < 0) throw new Error(`runtime-api-map: cannot find "${DESCRIPTIONS}" in shim/api-map.ts`);
    return `${rest.slice(0, from)}export const LEGACY_ERROR_DESCRIPTIONS = undefined;${rest.slice(to + 3)}`;
  };
  const START = 'const ROWS = [';
  const END = '] as const satisfies readonly ApiRowInput[];';
  const FIELDS = ['id', 'api', 'owner', 'name', 'kind', 'rtm', 'support', 'warning', 'docs'];
  return {
    name: 'runtime-api-map',
    setup(build) {
      build.onLoad({ filter: /[\\/]shim[\\/]flat[\\/]/ }, (args) => {
        if (surfaces.includes('flat')) return undefined;
        throw new Error(`${args.path} is in the bundle, but the runtime API map of this build has no flat rows`);
      });
      build.onLoad({ filter: /[\\/]shim[\\/]api-map\.ts$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const start = source.indexOf(START);
        const end = source.indexOf(END);
        if (start < 0 || end < start) throw new Error(`runtime-api-map: cannot find "${START}…${END}" in ${args.path}`);
        const module = (rows) => ({ contents: `${source.slice(0, start)}const ROWS = ${rows};${withoutDescriptions(source.slice(end + END.length))}`, loader: 'ts', resolveDir: dirname(args.path) });
        const full = (await evaluate({ contents: source, loader: 'ts', resolveDir: dirname(args.path) })).API_MAP.filter((e) => surfaces.includes(e.api));
        const rtmOf = (e) => abbreviateRtm(e.rtm);
        // [owner, name, kind, support, rtm, id?, aliases?, warning?]: trailing fields only where the map needs them.
        const table = (withWarning) => {
          const rows = full.map((e) => {
            const row = [e.owner, e.name, e.kind, e.support, rtmOf(e), idOf(e.owner, e.name) === e.id ? 0 : e.id, e.aliases.length > 0 ? e.aliases : 0];
            if (withWarning.has(e.id)) row.push(e.warning);
            while (row.at(-1) === 0) row.pop();
            return row;
          });
          return (
            `${JSON.stringify(rows)}.map(([owner, name, kind, support, rtm, id, aliases, warning]) => ` +
            `({ id: id || (${idOf})(owner, name), api: owner === 'Flat' ? 'flat' : 'web', owner, name, aliases: aliases || [], kind, signature: '', rtm, support, differences: [], warning }))`
          );
        };
        // A row whose warning the map does not derive (an explicit `warning`) carries its text.
        const shortWarning = (e) => (e.rtm === null ? e.warning : e.warning.replace(e.rtm, () => rtmOf(e)));
        const derived = (await evaluate(module(table(new Set())))).API_MAP_BY_ID;
        const explicit = new Set(full.filter((e) => derived[e.id]?.warning !== shortWarning(e)).map((e) => e.id));
        const rows = table(explicit);
        const check = (await evaluate(module(rows))).API_MAP;
        if (check.length !== full.length) throw new Error('runtime-api-map: the runtime rows are not those of shim/api-map.ts');
        full.forEach((e, i) => {
          const got = check[i];
          const want = { ...e, rtm: rtmOf(e), warning: explicit.has(e.id) ? e.warning : shortWarning(e) };
          if (FIELDS.some((key) => got[key] !== want[key]) || got.aliases.join() !== e.aliases.join()) {
            throw new Error(`runtime-api-map: the runtime row of ${e.id} differs from shim/api-map.ts`);
          }
        });
        return module(rows);
      });
    },
  };
}

/** resignal-signal.js: its client serves the shim only, which never sends media nor uses metadata, peer status subscriptions or renewToken (see rtm/client/lean/). */
function leanClient() {
  return {
    name: 'lean-client',
    setup(build) {
      build.onResolve({ filter: /^\.\/(media|media-message|metadata-api|presence|token-renewal)\.js$/ }, (args) => {
        if (!/[\\/]rtm[\\/]client$/.test(args.resolveDir)) return undefined;
        return { path: join(root, 'rtm/client/lean', args.path.replace(/\.js$/, '.ts')) };
      });
    },
  };
}

await build({
  ...browser,
  entryPoints: [join(root, 'shim/bundle/browser-signal.ts')],
  outfile: join(browserDir, 'resignal-signal.js'),
  globalName: '__resignalSignal',
  plugins: [...browser.plugins, runtimeApiMap(['web']), leanClient()],
  // The legacy globals are installed in every case: apps did `import './AgoraSig'` and then used the global.
  ...umd('__resignalSignal', '__resignalSignal.installGlobals(root);'),
});

await build({
  ...browser,
  entryPoints: [join(root, 'shim/bundle/browser-rtm.ts')],
  outfile: join(browserDir, 'resignal-rtm.js'),
  globalName: '__resignalRtm',
  ...umd('__resignalRtm', 'else root.AgoraRTM = api;'),
});

if (!browserOnly) await buildNodeEntries();

/** The CommonJS entries and their declarations, for Node apps. */
async function buildNodeEntries() {
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

  // dist/rtm/index.cjs: `const AgoraRTM = require('resignal')` for CommonJS apps (what the codemod emits for them).
  await build({
    entryPoints: [join(root, 'rtm/index.ts')],
    outfile: join(root, 'dist/rtm/index.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: ['node20'],
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: banner },
    footer: { js: 'module.exports = Object.assign(module.exports.default, module.exports);' },
  });
  writeFileSync(
    join(root, 'dist/rtm/index.d.cts'),
    [
      "// `require('resignal')`: the AgoraRTM namespace, with the named exports of resignal as properties.",
      'declare const AgoraRTM: typeof import("./index.js", { with: { "resolution-mode": "import" } }).default &',
      '  Omit<typeof import("./index.js", { with: { "resolution-mode": "import" } }), "default">;',
      'export = AgoraRTM;',
      '',
    ].join('\n'),
  );
}
