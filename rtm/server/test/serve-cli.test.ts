import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runServe } from '../../../cli/serve.js';

function capture() {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text) };
}

describe('resignal serve', () => {
  it('prints help', async () => {
    const out = capture();
    expect(await runServe(['--help'], { out: out.write })).toBe(0);
    expect(out.lines.join('')).toContain('--port');
  });

  it('rejects bad arguments with exit code 2', async () => {
    const err = capture();
    expect(await runServe(['--port', 'abc'], { err: err.write })).toBe(2);
    expect(await runServe(['--nope'], { err: err.write })).toBe(2);
  });

  it('starts, serves /healthz, and closes on SIGTERM', async () => {
    const out = capture();
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    const exit = runServe(['--port', '0', '--data', './data-test'], { out: out.write, signals });
    await expect.poll(() => out.lines.join(''), { timeout: 5000 }).toMatch(/^resignal listening on http:\/\/127\.0\.0\.1:\d+ \(engine: embedded, data: \.\/data-test\)/);
    const url = /http:\/\/[\d.:]+/.exec(out.lines.join(''))![0];
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    (signals as unknown as EventEmitter).emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
  });
});
