/*
 * The demo pages in real headless Chromium, two browser contexts as two users: the legacy chat (a Signaling-era
 * page on the shim bundle) and the same page converted by the codemod (on the native RTM bundle), talking to each
 * other through a real server. Asserts what the pages show, and that nothing is logged as an error.
 * Screenshots go to test-output/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../rtm/server/index.js';
import { ChatPage, type ChatKind } from './chat-page.js';
import { CHROMIUM, launchChromium, openWatchedPage, type WatchedPage } from './chromium.js';

const root = join(import.meta.dirname, '../..');
const screenshots = join(root, 'test-output/screenshots');
let server: RunningServer;
let browser: Browser;
let workDir: string;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/browser/resignal-rtm.js'))) execFileSync(process.execPath, [join(root, 'scripts/build-browser.mjs')], { cwd: root });
  execFileSync(process.execPath, [join(root, 'scripts/build-demo.mjs')], { cwd: root });
  // A private copy of the bundles: another test file rebuilds dist/browser while this one runs.
  workDir = mkdtempSync(join(tmpdir(), 'resignal-demo-'));
  cpSync(join(root, 'dist/browser'), join(workDir, 'browser'), { recursive: true });
  server = await startServer({ port: 0, log: false, dataDir: join(workDir, 'data'), webDirs: { browser: join(workDir, 'browser'), demo: join(root, 'dist/demo') } });
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function open(path: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, `${server.url}${path}`);
  opened.push(watched);
  return watched;
}

async function openChat(kind: ChatKind, account: string): Promise<{ chat: ChatPage; watched: WatchedPage }> {
  const watched = await open(ChatPage.path(kind, account));
  return { chat: new ChatPage(watched.page, kind, account), watched };
}

async function close(...pages: WatchedPage[]): Promise<void> {
  for (const watched of pages) await watched.context.close();
}

/** The global the page's SDK tag defined, and that no module loader was around to take it instead. */
async function globalsOf(chat: ChatPage): Promise<Record<string, string>> {
  return chat.page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { Signal: typeof w['Signal'], AgoraRTM: typeof w['AgoraRTM'], define: typeof w['define'], require: typeof w['require'] };
  });
}

describe.skipIf(!CHROMIUM)('demo pages in headless Chromium', () => {
  it('the index page states the server URL and links the pages', async () => {
    const index = await open('/');
    await index.page.waitForFunction(() => document.getElementById('server-url')?.textContent?.startsWith('http'));
    expect(await index.page.textContent('#server-url')).toBe(server.url);
    expect(await index.page.textContent('#ws-url')).toBe(`${server.url.replace('http', 'ws')}/rtm`);
    const links = await index.page.$$eval('a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/demo/legacy-chat.html?account=alice', '/demo/legacy-chat.html?account=bob', '/demo/converted-chat.html', '/demo/status.html', '/metrics']));
    await index.page.screenshot({ path: join(screenshots, 'index.png'), fullPage: true });
    expect(index.errors).toEqual([]);
    await close(index);
  });

  it('the converted page is the codemod output, on the native bundle, and lists the TODOs it left', async () => {
    const { chat, watched } = await openChat('converted', 'reader');
    expect(await globalsOf(chat)).toEqual({ Signal: 'undefined', AgoraRTM: 'object', define: 'undefined', require: 'undefined' });
    const scripts = await chat.page.$$eval('script[src]', (tags) => tags.map((tag) => tag.getAttribute('src')));
    expect(scripts).toEqual(['/sdk/resignal-rtm.js', '/demo/converted-chat.js']);
    const report = chat.page.locator('#codemod-report');
    expect(Number(await report.getAttribute('data-converted'))).toBeGreaterThan(20);
    const todos = Number(await report.getAttribute('data-todos'));
    // The whole legacy chat converts, hang-ups included: nothing is left for a human.
    expect(todos).toBe(0);
    expect(await chat.page.locator('#codemod-report li').count()).toBe(todos);
    const source = await (await fetch(`${server.url}/demo/converted-chat.js`)).text();
    expect(source).toContain('AgoraRTM.createInstance(');
    expect(source).not.toMatch(/\bSignal\(/);
    expect(source.match(/TODO\(resignal: /g)?.length ?? 0).toBe(todos);
    await chat.page.click('#codemod-report summary');
    await chat.page.screenshot({ path: join(screenshots, 'converted-chat-report.png'), fullPage: true });
    expect(watched.errors).toEqual([]);
    await close(watched);
  });

  const pairs: [ChatKind, ChatKind][] = [
    ['legacy', 'legacy'],
    ['legacy', 'converted'],
    ['converted', 'legacy'],
    ['converted', 'converted'],
  ];

  it.each(pairs)('%s page ↔ %s page: peer and channel messages, members, an invitation accepted then hung up, one refused', async (kindA, kindB) => {
    const tag = `${kindA[0]}${kindB[0]}`;
    const [a, b] = [`alice-${tag}`, `bob-${tag}`];
    const channel = `lobby-${tag}`;
    const { chat: A, watched: pageA } = await openChat(kindA, a);
    const { chat: B, watched: pageB } = await openChat(kindB, b);
    // The SDK tag is a plain script: its global exists and no module loader was involved.
    for (const chat of [A, B]) {
      const globals = await globalsOf(chat);
      expect(chat.kind === 'legacy' ? globals['Signal'] : globals['AgoraRTM']).toBe(chat.kind === 'legacy' ? 'function' : 'object');
      expect([globals['define'], globals['require']]).toEqual(['undefined', 'undefined']);
    }

    await Promise.all([A.login(), B.login()]);

    // Peer messages, both ways.
    await A.sendPeer(b, 'hi bob');
    await B.waitForLog(`${a} → me: hi bob`);
    await A.waitForLog(`me → ${b}: hi bob`);
    await B.sendPeer(a, 'hello alice');
    await A.waitForLog(`${b} → me: hello alice`);
    await B.waitForLog(`me → ${a}: hello alice`);

    // Joining: the member lists, and the join seen by the member already there.
    await A.join(channel);
    await A.waitForMembers([a]);
    await B.join(channel);
    await B.waitForMembers([a, b]);
    await A.waitForLog(`${b} joined ${channel}`);
    await A.waitForMembers([a, b]);

    // Channel messages, both ways; the sender sees its own (legacy behaviour, kept by the codemod).
    await A.sendChannel('hello channel');
    await B.waitForLog(`[${channel}] ${a}: hello channel`);
    await A.waitForLog(`[${channel}] ${a}: hello channel`);
    await B.sendChannel('hi all');
    await A.waitForLog(`[${channel}] ${b}: hi all`);
    await B.waitForLog(`[${channel}] ${b}: hi all`);

    // An invitation accepted (A calls B), then hung up by A…
    await A.call(b, channel);
    await B.waitForLog(`Incoming call from ${a} for channel ${channel}`);
    expect(await B.incomingText()).toBe(`${a} is calling you (channel ${channel})`);
    await A.waitForLog(`${b} is ringing`);
    await B.answer(true);
    await B.waitForLog(`Accepted the call from ${a}`);
    await A.waitForLog(`${b} accepted the call`);
    // Hanging up an accepted call: legacy channelInviteEnd(), converted to the legacy hang-up message RTM carries.
    await A.click('#hangup');
    await A.waitForLog(`Call to ${b} ended`);
    await B.waitForLog(`${a} ended the call`);
    // The hang-up message is consumed by the call, as legacy did: never shown as a peer message.
    expect((await B.logLines()).filter((line) => line.includes('Endcall') || line.includes('CallEnd'))).toEqual([]);

    // …and one refused (B calls A).
    await B.call(a, channel);
    await A.waitForLog(`Incoming call from ${b} for channel ${channel}`);
    await A.answer(false);
    await A.waitForLog(`Refused the call from ${b}`);
    await B.waitForLog(`${a} refused the call`);

    // Leaving: the other member sees it.
    await B.leave();
    await B.waitForLog(`Left channel ${channel}`);
    await B.waitForMembers([]);
    await A.waitForLog(`${b} left ${channel}`);
    await A.waitForMembers([a]);

    if (tag === 'lc') {
      await A.page.screenshot({ path: join(screenshots, 'legacy-chat.png'), fullPage: true });
      await B.page.screenshot({ path: join(screenshots, 'converted-chat.png'), fullPage: true });
    }

    await A.click('#logout');
    await A.waitForLog('Logged out, code 101');
    await B.click('#logout');
    await B.waitForLog('Logged out, code 101');

    expect(pageA.errors).toEqual([]);
    expect(pageB.errors).toEqual([]);
    await close(pageA, pageB);
  });

  it('the status page shows users, channels, message rates, node and engine from the server metrics', async () => {
    const { chat, watched } = await openChat('legacy', 'status-watcher');
    await chat.login();
    await chat.join('status-room');
    const status = await open('/demo/status.html');
    await status.page.waitForFunction(() => document.getElementById('users')?.textContent === '1', undefined, { timeout: 10_000 });
    expect(await status.page.textContent('#channels')).toBe('1');
    expect(await status.page.textContent('#engine')).toBe('embedded');
    expect(await status.page.textContent('#node')).toBe(server.options.nodeId);
    expect(Number(await status.page.textContent('#rate-in'))).toBeGreaterThanOrEqual(0);
    const totals = await status.page.$$eval('#totals tr', (rows): Record<string, string> =>
      Object.fromEntries(rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? ''])),
    );
    expect(Number(totals['logins'])).toBeGreaterThanOrEqual(7);
    expect(Number(totals['peer messages in'])).toBeGreaterThanOrEqual(6);
    expect(Number(totals['channel messages in'])).toBeGreaterThanOrEqual(6);
    expect(Number(totals['channel deliveries (fan-out)'])).toBeGreaterThanOrEqual(6);
    await status.page.screenshot({ path: join(screenshots, 'status.png'), fullPage: true });
    expect(status.errors).toEqual([]);
    expect(watched.errors).toEqual([]);
    await close(status, watched);
  });
});
