import { EventEmitter } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServe } from '../../../cli/serve.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { OTHER_APP_ID, RawClient, TEST_APP_ID } from '../test-utils.js';
import { CERT_APP_ID, CERTIFICATE, official006 } from './official-tokens.js';

function capture() {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text) };
}

async function file(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'resignal-serve-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('resignal serve --apps', () => {
  it('documents --apps in --help', async () => {
    const out = capture();
    expect(await runServe(['--help'], { out: out.write })).toBe(0);
    expect(out.lines.join('')).toContain('--apps <file>');
  });

  it.each([
    ['a missing file', () => Promise.resolve(join(tmpdir(), 'resignal-no-such-apps.json'))],
    ['bad JSON', () => file('apps.json', '{ "x": ')],
    ['a bad App ID', () => file('apps.json', JSON.stringify({ 'not-an-app': {} }))],
    ['a bad certificate', () => file('apps.json', JSON.stringify({ [CERT_APP_ID]: { certificate: 'xyz' } }))],
  ])('exits with code 2 and a clear error for %s', async (_name, path) => {
    const err = capture();
    expect(await runServe(['--port', '0', '--apps', await path()], { err: err.write })).toBe(2);
    expect(err.lines.join('')).toMatch(/^resignal serve: --apps /);
  });

  it('serves only the listed apps and requires tokens for apps with a certificate', async () => {
    const apps = await file('apps.json', JSON.stringify({ [CERT_APP_ID]: { certificate: CERTIFICATE }, [TEST_APP_ID]: {} }));
    const out = capture();
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    const exit = runServe(['--port', '0', '--data', join(tmpdir(), 'resignal-serve-data'), '--apps', apps], { out: out.write, signals });
    await expect.poll(() => out.lines.join(''), { timeout: 5000 }).toContain('2 app(s)');
    const url = /http:\/\/[\d.:]+/.exec(out.lines.join(''))![0];
    const login = async (appId: string, uid: string, token?: string) => {
      const c = await RawClient.connect(url);
      const code = await c.errorCode('login', { v: PROTOCOL_VERSION, appId, uid, instance: 'i', ...(token ? { token } : {}) });
      c.ws.terminate();
      return code;
    };
    expect(await login(OTHER_APP_ID, 'u')).toBe('INVALID_APP_ID');
    expect(await login(CERT_APP_ID, 'u')).toBe('TOKEN_REQUIRED');
    expect(await login(CERT_APP_ID, 'u', official006('u'))).toBeNull();
    expect(await login(TEST_APP_ID, 'v')).toBeNull();
    (signals as unknown as EventEmitter).emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
  });
});
