/**
 * Issue 4's durability promise, against the real binary: every offline message the server acknowledged as
 * cached survives a SIGKILL in the middle of the stream and is delivered exactly once after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import AgoraRTM, { type RtmClient } from '../rtm/index.js';
import { waitUntil } from './events.js';
import { freePort, requireBuild, startServerProcess, type ServerProcess } from './server-process.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const SENDERS = 4;
const KILL_AFTER = 80;
const dataDir = mkdtempSync(join(tmpdir(), 'resignal-durability-'));
const running: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('offline messages across a crash during delivery', () => {
  it('a receiver whose server dies while it is receiving gets every message exactly once after reconnecting', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resignal-redeliver-'));
    const port = await freePort();
    const first = await startServerProcess(['--port', String(port), '--data', folder]);
    running.push(first);
    const config = { endpoint: first.url, reconnectBaseMs: 50, reconnectMaxMs: 200 };
    const alice = AgoraRTM.createInstance(APP_ID, config);
    await alice.login({ uid: 'alice' });
    const texts = Array.from({ length: 150 }, (_, i) => `r${i}`);
    for (const text of texts) expect(await alice.sendMessageToPeer({ text }, 'bob', { enableOfflineMessaging: true })).toEqual({ hasPeerReceived: false });
    await alice.logout();

    const bob = AgoraRTM.createInstance(APP_ID, config);
    const received: string[] = [];
    let killing: Promise<unknown> | undefined;
    bob.on('MessageFromPeer', (message) => {
      received.push((message as { text: string }).text);
      // Kill the server as soon as the first stored message arrives: the rest may be sent but not acknowledged.
      killing ??= first.stop('SIGKILL');
    });
    await bob.login({ uid: 'bob' });
    await waitUntil(() => killing !== undefined, 10_000, 'the first offline message');
    await killing;
    const second = await startServerProcess(['--port', String(port), '--data', folder]);
    running.push(second);
    await waitUntil(() => texts.every((text) => received.includes(text)), 20_000, 'every message after the restart');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.length).toBe(texts.length);
    expect(new Set(received).size).toBe(texts.length);
    await bob.logout();
    expect(await second.stop('SIGTERM')).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});

describe('the data folder of the real binary', () => {
  it('a second server on a data folder in use exits 1 at start with a clear message', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resignal-locked-'));
    const first = await startServerProcess(['--port', String(await freePort()), '--data', folder]);
    running.push(first);
    const error = await startServerProcess(['--port', String(await freePort()), '--data', folder]).catch((e: unknown) => e);
    expect(String(error)).toMatch(/exited with 1/);
    expect(String(error)).toMatch(/two servers cannot share one data folder/);
    expect(await first.stop('SIGTERM')).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);
});

describe('offline messages across a server crash', () => {
  it('every message acknowledged as cached before a SIGKILL is delivered exactly once after the restart', async () => {
    requireBuild();
    const port = await freePort();
    const first = await startServerProcess(['--port', String(port), '--data', dataDir]);
    running.push(first);
    const config = { endpoint: first.url, reconnectBaseMs: 50, reconnectMaxMs: 200 };
    const senders: RtmClient[] = [];
    for (let i = 0; i < SENDERS; i++) {
      const client = AgoraRTM.createInstance(APP_ID, config);
      await client.login({ uid: `sender${i}` });
      senders.push(client);
    }

    const acknowledged = new Set<string>();
    let attempted = 0;
    let killed = false;
    const stream = async (client: RtmClient, index: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        const text = `s${index}-${n}`;
        attempted++;
        try {
          const result = await client.sendMessageToPeer({ text }, 'bob', { enableOfflineMessaging: true });
          expect(result.hasPeerReceived).toBe(false);
          acknowledged.add(text);
        } catch {
          return; // the server died under this send: not acknowledged, so no promise either way
        }
      }
    };
    const streams = senders.map((client, i) => stream(client, i));
    await waitUntil(() => acknowledged.size >= KILL_AFTER, 20_000, `${KILL_AFTER} acknowledged sends`);
    await first.stop('SIGKILL');
    killed = true;
    await Promise.all(streams);
    const promised = new Set(acknowledged);
    expect(promised.size).toBeGreaterThanOrEqual(KILL_AFTER);
    for (const client of senders) await client.logout();

    const second = await startServerProcess(['--port', String(port), '--data', dataDir]);
    running.push(second);
    const bob = AgoraRTM.createInstance(APP_ID, { endpoint: second.url });
    const received: string[] = [];
    bob.on('MessageFromPeer', (message, _peerId, props) => {
      expect(props.isOfflineMessage).toBe(true);
      if (message.messageType === 'TEXT' || message.messageType === undefined) received.push((message as { text: string }).text);
    });
    await bob.login({ uid: 'bob' });
    await waitUntil(() => [...promised].every((text) => received.includes(text)), 15_000, 'every acknowledged message');
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for duplicates to show up
    expect(new Set(received).size).toBe(received.length);
    expect(received.length).toBeLessThanOrEqual(attempted);
    await bob.logout();

    // Acknowledged by bob's client, so deleted: a later login gets nothing.
    const again = AgoraRTM.createInstance(APP_ID, { endpoint: second.url });
    const later: unknown[] = [];
    again.on('MessageFromPeer', (message) => later.push(message));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await again.login({ uid: 'bob' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(later).toEqual([]);
    await again.logout();
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
