/** The real binary: help, serve + /healthz + graceful stop, and a client surviving a server SIGKILL + restart. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import AgoraRTM from '../rtm/index.js';
import { nextEvent, recordEvents, waitUntil } from './events.js';
import { BIN, freePort, requireBuild, startServerProcess, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const APP_ID = '0123456789abcdef0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'resignal-process-'));
const running: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('resignal binary', () => {
  it('prints usage with --help and exits 0; unknown commands exit 2', async () => {
    requireBuild();
    const help = await run(process.execPath, [BIN, '--help']);
    expect(help.stdout).toContain('serve');
    await expect(run(process.execPath, [BIN, 'no-such-command'])).rejects.toMatchObject({ code: 2 });
  });

  it('serves /healthz and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = await startServerProcess(['--port', String(port), '--data', dataDir]);
    running.push(server);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('a client stays RECONNECTING through a server SIGKILL and recovers when a server is back on the address', async () => {
    const port = await freePort();
    const first = await startServerProcess(['--port', String(port), '--data', dataDir]);
    running.push(first);
    const config = { endpoint: first.url, reconnectBaseMs: 50, reconnectMaxMs: 200 };
    const alice = AgoraRTM.createInstance(APP_ID, config);
    const bob = AgoraRTM.createInstance(APP_ID, config);
    await alice.login({ uid: 'alice' });
    await bob.login({ uid: 'bob' });
    const aliceRoom = alice.createChannel('room');
    await aliceRoom.join();
    await alice.subscribePeersOnlineStatus(['bob']);
    const states = recordEvents(alice, ['ConnectionStateChanged']);

    await first.stop('SIGKILL');
    await waitUntil(() => alice.connectionState === 'RECONNECTING' && bob.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed reconnect attempts
    expect(alice.connectionState).toBe('RECONNECTING');

    const second = await startServerProcess(['--port', String(port), '--data', dataDir]);
    running.push(second);
    await waitUntil(() => alice.connectionState === 'CONNECTED' && bob.connectionState === 'CONNECTED', 15_000, 'CONNECTED again');
    expect(states.trace).toEqual([
      ['ConnectionStateChanged', 'RECONNECTING', 'INTERRUPTED'],
      ['ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS'],
    ]);

    // Re-joined on the new server: bob joining sees alice as a member, and alice sees bob join.
    const bobRoom = bob.createChannel('room');
    const joined = nextEvent(aliceRoom, 'MemberJoined');
    await bobRoom.join();
    expect(await joined).toEqual(['bob']);
    expect((await bobRoom.getMembers()).sort()).toEqual(['alice', 'bob']);
    // Re-subscribed: bob logging out is pushed to alice.
    const offline = nextEvent(alice, 'PeersOnlineStatusChanged');
    await bob.logout();
    expect(await offline).toEqual([{ bob: 'OFFLINE' }]);
    await alice.logout();
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 60_000);
});
