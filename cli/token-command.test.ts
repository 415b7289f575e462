import { describe, expect, it } from 'vitest';
import { verifyLoginToken } from '../rtm/token/index.js';
import { runTokenCommand } from './token-command.js';

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runTokenCommand(argv, { write: (chunk: string) => (out += chunk) }, { write: (chunk: string) => (err += chunk) });
  return { code, out, err };
}

const verify = (token: string, uid: string) =>
  verifyLoginToken({ appId: APP_ID, certificate: CERTIFICATE, uid, token, now: Date.now() / 1000 });

describe('resignal token', () => {
  it('prints a 006 RTM token by default that verifies', async () => {
    const { code, out, err } = await run('rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'alice');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^006\S+\n$/);
    const result = verify(out.trim(), 'alice');
    expect(result).toMatchObject({ ok: true, format: '006' });
    expect(result.ok && result.expiresAt! - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it('prints a 007 RTM token with --format 007 and --expire', async () => {
    const { code, out } = await run('rtm', `--app-id=${APP_ID}`, `--certificate=${CERTIFICATE}`, '--uid', 'bob', '--expire', '120', '--format', '007');
    expect(code).toBe(0);
    const result = verify(out.trim(), 'bob');
    expect(result).toMatchObject({ ok: true, format: '007' });
    expect(result.ok && result.expiresAt! - Date.now() / 1000).toBeLessThanOrEqual(120);
  });

  it('prints a legacy Signaling token that verifies', async () => {
    const { code, out } = await run('token', 'signaling', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--account', 'carol');
    expect(code).toBe(0);
    expect(out).toMatch(/^1:970CA35de60c44645bbae8a215061b33:\d+:[0-9a-f]{32}\n$/);
    expect(verify(out.trim(), 'carol')).toMatchObject({ ok: true, format: 'signaling' });
  });

  it('warns that a 006 token lives 24 h at most', async () => {
    const { code, err } = await run('rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'alice', '--expire', '172800');
    expect(code).toBe(0);
    expect(err).toContain('24 h');
  });

  it('prints usage for --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('resignal token rtm');
    expect(out).toContain('resignal token signaling');
  });

  it.each([
    ['no kind', []],
    ['unknown kind', ['rtc', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a']],
    ['missing --app-id', ['rtm', '--certificate', CERTIFICATE, '--uid', 'a']],
    ['missing --certificate', ['rtm', '--app-id', APP_ID, '--uid', 'a']],
    ['missing --uid', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE]],
    ['missing --account', ['signaling', '--app-id', APP_ID, '--certificate', CERTIFICATE]],
    ['App ID too short', ['rtm', '--app-id', APP_ID.slice(1), '--certificate', CERTIFICATE, '--uid', 'a']],
    ['App ID not hex', ['rtm', '--app-id', 'z'.repeat(32), '--certificate', CERTIFICATE, '--uid', 'a']],
    ['certificate not hex', ['rtm', '--app-id', APP_ID, '--certificate', 'g'.repeat(32), '--uid', 'a']],
    ['certificate too long', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE + '0', '--uid', 'a']],
    ['bad uid', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'null']],
    ['bad format', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a', '--format', '005']],
    ['expire 0', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a', '--expire', '0']],
    ['expire not a number', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a', '--expire', '1h']],
    ['unknown option', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a', '--role', '1']],
    ['option without value', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid']],
    ['account for rtm', ['rtm', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--account', 'a']],
    ['extra argument', ['rtm', 'extra', '--app-id', APP_ID, '--certificate', CERTIFICATE, '--uid', 'a']],
  ])('exits 2 on %s', async (_name, argv) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^resignal token: .+\n\nUsage:/);
  });
});
