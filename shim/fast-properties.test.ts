/*
 * The legacy objects stay in V8's fast-properties mode. A callback property defined twice (data, then accessor)
 * once dropped Session into dictionary mode, which made every property read on it, private fields included,
 * a hash lookup on each received message. %HasFastProperties needs --allow-natives-syntax, so a child Node
 * process runs the built shim (npm test builds first) against a real server.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../rtm/server/index.js';

const root = join(import.meta.dirname, '..');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'resignal-fast-')), log: false });
});

afterAll(async () => {
  await server.close();
});

const script = (url: string): string => `
import Signal, { configureDeprecations } from ${JSON.stringify(pathToFileURL(join(root, 'dist/shim/index.js')).href)};
import AgoraAPI from ${JSON.stringify(pathToFileURL(join(root, 'dist/shim/flat/index.js')).href)};
configureDeprecations({ mode: 'silent' });
const fast = (o) => %HasFastProperties(o);
const session = Signal('0123456789abcdef0123456789abcdef', { endpoint: ${JSON.stringify(url)} }).login('alice', '_no_need_token');
session.onError = () => undefined;
await new Promise((resolve, reject) => { session.onLoginSuccess = resolve; session.onLoginFailed = reject; });
const channel = session.channelJoin('fast');
await new Promise((resolve) => { channel.onChannelJoined = resolve; });
const call = session.channelInviteUser2('fast', 'bob');
const api = AgoraAPI.getInstance('0123456789abcdef0123456789abcdef');
api.onLog = () => undefined;
console.log(JSON.stringify({ session: fast(session), channel: fast(channel), call: fast(call), flat: fast(api) }));
process.exit(0);
`;

it('Session, Channel, Call and the flat API object keep fast properties once their callbacks are assigned', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script(server.url)], { cwd: root, timeout: 20_000 });
  expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ session: true, channel: true, call: true, flat: true });
});
