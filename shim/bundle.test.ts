/*
 * The delivered files: the CommonJS entry (`require('resignal/shim')` is Signal) and the browser bundle (a plain
 * script defining the global Signal and the legacy globals, talking to the server that served it), each logging in
 * to a real server. Built by scripts/build-browser.mjs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../rtm/server/index.js';
import type { LegacySession, SignalFactory } from './legacy-types.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const root = join(import.meta.dirname, '..');
let server: RunningServer;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts/build-browser.mjs'), '--no-minify'], { cwd: root });
  server = await startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'resignal-bundle-')), log: false });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});

/** The size budget of docs/performance.md (bundle-size): what a page downloads, the production build, gzip -9. */
const GZIP_BUDGET_BYTES = 25 * 1024;

it.each(['resignal-signal.js', 'resignal-rtm.js'])('the production %s stays under 25 KB gzip', (file) => {
  // beforeAll wrote the readable build to dist/; the production (minified) files go to a folder of their own.
  const out = mkdtempSync(join(tmpdir(), 'resignal-browser-'));
  execFileSync(process.execPath, [join(root, 'scripts/build-browser.mjs'), '--browser-only', '--out-dir', out], { cwd: root });
  const gzipBytes = gzipSync(readFileSync(join(out, file)), { level: 9 }).byteLength;
  expect(gzipBytes).toBeGreaterThan(10 * 1024); // a real bundle, not an empty file
  expect(gzipBytes).toBeLessThan(GZIP_BUDGET_BYTES);
});

function loginOutcome(session: LegacySession): Promise<unknown[]> {
  return new Promise((resolve) => {
    session.onLoginSuccess = (uid) => resolve(['onLoginSuccess', uid]);
    session.onLoginFailed = (code) => resolve(['onLoginFailed', code]);
  });
}

it("require('resignal/shim') returns the Signal function itself, with the named exports on it", async () => {
  const Signal = createRequire(import.meta.url)(join(root, 'dist/shim/signal.cjs')) as SignalFactory & Record<string, unknown>;
  expect(typeof Signal).toBe('function');
  expect([Signal['LOGIN_E_NET'], Signal['LOGOUT_E_KICKED'], Signal['LOGIN_STATE_LOGINED'], Signal['SIGNALING_SDK_VERSION']]).toEqual([201, 103, 2, '1.4.3']);
  expect(typeof Signal['configureDeprecations']).toBe('function');
  const session = Signal(APP_ID, { endpoint: server.url }).login('cjs-user', '_no_need_token');
  expect(await loginOutcome(session)).toEqual(['onLoginSuccess', 0]);
  session.onLogout = () => undefined;
  session.logout();
});

it('the browser bundle defines Signal and the legacy globals and connects to the origin that served it', async () => {
  const code = readFileSync(join(root, 'dist/browser/resignal-signal.js'), 'utf8');
  const page: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    crypto: globalThis.crypto,
    WebSocket,
    location: { origin: 'http://page.invalid', protocol: 'http:' },
    document: { currentScript: { src: `${server.url}/sdk/resignal-signal.js` } },
  };
  page['window'] = page;
  runInNewContext(code, page, { filename: 'resignal-signal.js' });
  const Signal = page['Signal'] as SignalFactory;
  expect(typeof Signal).toBe('function');
  expect(typeof page['Signal_']).toBe('function');
  expect([page['LOGIN_STATE_NOT_LOGIN'], page['LOGIN_STATE_LOGINING'], page['LOGIN_STATE_LOGINED'], page['LOGIN_STATE_RECONNECTING']]).toEqual([0, 1, 2, 3]);
  expect(page['SIGNALING_SDK_VERSION']).toBe('1.4.3');
  const session = Signal(APP_ID).login('page-user', '_no_need_token');
  expect(await loginOutcome(session)).toEqual(['onLoginSuccess', 0]);
  session.onLogout = () => undefined;
  session.logout();
});

it('under CommonJS the browser bundle sets module.exports = Signal (UMD), like AgoraSig-1.4.3', () => {
  const code = readFileSync(join(root, 'dist/browser/resignal-signal.js'), 'utf8');
  const module = { exports: {} as unknown };
  runInNewContext(code, { module, exports: module.exports, console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL });
  expect(typeof module.exports).toBe('function');
  expect((module.exports as Record<string, unknown>)['LOGIN_E_TOKENWRONG']).toBe(206);
});

it('the RTM bundle defines the global AgoraRTM', () => {
  const code = readFileSync(join(root, 'dist/browser/resignal-rtm.js'), 'utf8');
  const page: Record<string, unknown> = { console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL, document: { currentScript: { src: `${server.url}/x.js` } } };
  runInNewContext(code, page);
  const AgoraRTM = page['AgoraRTM'] as { createInstance: (appId: string) => unknown; VERSION: string; END_CALL_PREFIX: string };
  expect(AgoraRTM.VERSION).toBe('1.6.0');
  expect(typeof AgoraRTM.createInstance(APP_ID)).toBe('object');
});

it('the browser bundle warns with the ID, the RTM counterpart (argument lists elided) and the docs link', () => {
  const code = readFileSync(join(root, 'dist/browser/resignal-signal.js'), 'utf8');
  const warnings: string[] = [];
  const page: Record<string, unknown> = { console: { ...console, warn: (message: string) => warnings.push(message) }, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL };
  runInNewContext(code, page);
  const Signal = page['Signal'] as SignalFactory & { getLegacyUsageReport: () => unknown[]; LEGACY_ERROR_CODES: unknown };
  const signal = Signal(APP_ID);
  signal.getSDKVersion();
  signal.setDoLog(false);
  expect(warnings).toEqual([
    '[resignal] SIG_SIGNAL: Signal() is legacy Signaling API. RTM 1.x: AgoraRTM.createInstance(…). See docs/api-map.md#sig_signal',
    '[resignal] SIG_GET_SDK_VERSION: signal.getSDKVersion() is legacy Signaling API. RTM 1.x: AgoraRTM.VERSION. See docs/api-map.md#sig_get_sdk_version',
    '[resignal] SIG_SET_DO_LOG: signal.setDoLog() is legacy Signaling API. RTM 1.x: client.updateConfig(…). See docs/api-map.md#sig_set_do_log',
  ]);
  expect(Signal.getLegacyUsageReport()).toEqual(
    expect.arrayContaining([{ id: 'SIG_SET_DO_LOG', count: 1, rtm: 'client.updateConfig(…)', support: 'emulated' }]),
  );
  expect(Signal.LEGACY_ERROR_CODES).toMatchObject({ LOGIN_E_NET: 201 });
});

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

const LEGACY_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>legacy</title></head><body>
<script src="/sdk/resignal-signal.js"></script>
<script>
  var trace = [];
  var signal = Signal('${APP_ID}');
  var session = signal.login('page-alice', '_no_need_token');
  trace.push(['status', session.getStatus(), LOGIN_STATE_LOGINING, typeof Signal_]);
  session.onLoginSuccess = function (uid) {
    trace.push(['onLoginSuccess', uid]);
    var channel = session.channelJoin('page-room');
    channel.onChannelJoined = function () {
      trace.push(['onChannelJoined']);
      channel.messageChannelSend('hello page', function () { trace.push(['sendCb'].concat([].slice.call(arguments))); });
    };
    channel.onChannelUserList = function (users) { trace.push(['onChannelUserList', users]); };
    channel.onMessageChannelReceive = function (account, uid, msg) { trace.push(['onMessageChannelReceive', account, uid, msg]); };
  };
  window.__trace = trace;
</script></body></html>`;

it.skipIf(!CHROMIUM)('a legacy page in headless Chromium swaps one <script> tag and works unchanged', async () => {
  const bundle = readFileSync(join(root, 'dist/browser/resignal-signal.js'), 'utf8');
  const removeScript = server.addRoute({
    method: 'GET',
    path: '/sdk/resignal-signal.js',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(bundle);
    },
  });
  const removePage = server.addRoute({
    method: 'GET',
    path: '/legacy.html',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(LEGACY_PAGE);
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/legacy.html`);
    await page.waitForFunction(() => (window as unknown as { __trace: unknown[] }).__trace.length >= 6, undefined, { timeout: 15_000 });
    const trace = await page.evaluate(() => (window as unknown as { __trace: unknown[] }).__trace);
    expect(trace).toEqual([
      ['status', 1, 1, 'function'],
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onChannelUserList', [['page-alice', 0]]],
      ['onMessageChannelReceive', 'page-alice', 0, 'hello page'],
      ['sendCb'],
    ]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    removeScript();
    removePage();
  }
}, 30_000);
