import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../../cli/serve.js';
import { startRedis, type TestRedis } from '../../../test/redis-server.js';

function capture() {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text) };
}

let redis: TestRedis;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-serve-redis-'));

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('resignal serve --redis', () => {
  it('runs the Redis engine and store, reports it, and closes on SIGTERM', async () => {
    const out = capture();
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    const exit = runServe(['--port', '0', '--data', dataDir, '--redis', redis.url, '--presence-grace', '1000'], { out: out.write, signals });
    await expect.poll(() => out.lines.join(''), { timeout: 10_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(engine: redis at 127\.0\.0\.1:\d+, media: /);
    const url = /http:\/\/[\d.:]+/.exec(out.lines.join(''))![0];
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', engine: 'redis' });
    (signals as unknown as EventEmitter).emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
  });

  it('rejects a bad URL or grace before starting', async () => {
    const err = capture();
    expect(await runServe(['--port', '0', '--data', dataDir, '--redis', 'http://example.com'], { err: err.write })).toBe(1);
    expect(err.lines.join('')).toContain('redis://');
    expect(await runServe(['--port', '0', '--presence-grace', '-5'], { err: err.write })).toBe(2);
  });

  it('fails with exit code 1 when Redis cannot be reached', async () => {
    const err = capture();
    const closed = `redis://127.0.0.1:${redis.port + 1}`;
    expect(await runServe(['--port', '0', '--data', dataDir, '--redis', closed], { err: err.write })).toBe(1);
    expect(err.lines.join('')).toMatch(/could not start/);
  }, 30_000);
});
