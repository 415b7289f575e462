/**
 * Slow-header sockets (docs/reliability.md, defect 5): a client that never finishes its request headers is closed
 * after `headersTimeoutMs` (default 10 s; `resignal serve --headers-timeout`) instead of Node's 60 s. No timing
 * is asserted beyond "closed well before Node's default would have".
 */
import { EventEmitter } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runServe } from '../../../cli/serve.js';
import { startServer, type RunningServer } from '../index.js';
import { RawClient } from '../test-utils.js';

/** Opens a TCP socket, writes `partial`, resolves once the server closed it (or rejects after `boundMs`). */
function closedByServer(port: number, partial: string, boundMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(partial));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept a slow-header socket open for ${boundMs} ms`));
    }, boundMs);
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const PARTIAL_UPGRADE = 'GET /rtm HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n';
const PARTIAL_REQUEST = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';

describe('slow request headers', () => {
  const servers: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('defaults to a 10 s headers timeout and checks that it does not exceed the request timeout', async () => {
    const server = await startServer({ port: 0, log: false });
    servers.push(server);
    expect(server.options.headersTimeoutMs).toBe(10_000);
    expect(server.options.requestTimeoutMs).toBe(300_000);
    await expect(startServer({ port: 0, log: false, headersTimeoutMs: 5000, requestTimeoutMs: 1000 })).rejects.toThrow(/headersTimeoutMs/);
  });

  it('closes a socket that never finishes its upgrade or request headers; other clients are served meanwhile', async () => {
    const server = await startServer({ port: 0, log: false, headersTimeoutMs: 400 });
    servers.push(server);
    const slow = [closedByServer(server.port, PARTIAL_UPGRADE, 20_000), closedByServer(server.port, PARTIAL_REQUEST, 20_000)];
    const { client } = await RawClient.login(server.url, 'alice');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await Promise.all(slow);
    // The logged-in WebSocket is not subject to the header timeout.
    await new Promise((resolve) => setTimeout(resolve, 600));
    client.send({ t: 'ping' });
    await client.next((frame) => frame.t === 'pong');
    client.ws.terminate();
  });

  it('resignal serve --headers-timeout', async () => {
    const err: string[] = [];
    expect(await runServe(['--headers-timeout', '0'], { err: (text) => void err.push(text) })).toBe(2);
    expect(err.join('')).toContain('--headers-timeout');
    const out: string[] = [];
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    const exit = runServe(['--port', '0', '--data', './data-test', '--headers-timeout', '300', '--no-demo'], { out: (text) => void out.push(text), signals });
    await expect.poll(() => out.join(''), { timeout: 5000 }).toMatch(/resignal listening on http:\/\/127\.0\.0\.1:\d+/);
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(out.join(''))![1]);
    await closedByServer(port, PARTIAL_UPGRADE, 20_000);
    (signals as unknown as EventEmitter).emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
  });
});
