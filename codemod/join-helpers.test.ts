import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { FAILURE_STRINGS, LOGIN_FAILURE_CODES } from '../shim/api-map.js';
import { failureString, loginFailureCode } from '../shim/failure.js';
import { joinHelperSource } from './join-helpers.js';

/** The emitted JavaScript helper as a function. */
function emitted(name: 'legacyLoginErrorCode' | 'legacyFailureString'): (error: unknown) => unknown {
  return runInNewContext(`${joinHelperSource(name, false)}\n${name};`) as (error: unknown) => unknown;
}

const rtmError = (name: string, code: number): Error => Object.assign(new Error(`${name} ${code}`), { name, code });

/** Every name of the tables and some others, with every code the tables name and some others; plus odd values. */
const NAMES = [...new Set([...LOGIN_FAILURE_CODES.rules, ...FAILURE_STRINGS.rules].map((rule) => rule.name)), 'RtmUnknownError', 'Error'];
const CODES = [...new Set([...LOGIN_FAILURE_CODES.rules, ...FAILURE_STRINGS.rules].flatMap((rule) => (rule.code === undefined ? [] : [rule.code]))), 0, 1, 3, 5, 9];
const ERRORS: unknown[] = [
  ...NAMES.flatMap((name) => CODES.map((code) => rtmError(name, code))),
  { code: 6 },
  { name: 42, code: 6 },
  { name: 'RtmInvalidArgumentError', code: '3' },
  'RtmTimeoutError',
  new TypeError('socket closed'),
  null,
  undefined,
];

describe('the emitted error helpers report what the shim reports (one table in the API map)', () => {
  test('legacyLoginErrorCode = the shim onLoginFailed code', () => {
    const helper = emitted('legacyLoginErrorCode');
    for (const error of ERRORS) expect([error, helper(error)]).toEqual([error, loginFailureCode(error)]);
  });

  test('legacyFailureString = the shim failure string', () => {
    const helper = emitted('legacyFailureString');
    for (const error of ERRORS) expect([error, helper(error)]).toEqual([error, failureString(error)]);
  });

  test("legacyInvokeFailure = the shim's invoke reply to a failure: err === ret.result === the failure string", () => {
    const source = `${joinHelperSource('legacyFailureString', false)}\n${joinHelperSource('legacyInvokeFailure', false)}\nlegacyInvokeFailure;`;
    const helper = runInNewContext(source) as (error: unknown) => { error: string; ret: { result: string; reason: string } };
    for (const error of ERRORS) {
      const reply = helper(error);
      expect([error, reply.error, reply.ret.result, typeof reply.ret.reason]).toEqual([error, failureString(error), failureString(error), 'string']);
    }
  });

  test('an invalid account is 209 and an invalid join argument is invalid_argument (legacy-signaling.md §8)', () => {
    expect(emitted('legacyLoginErrorCode')(rtmError('RtmInvalidArgumentError', 3))).toBe(209);
    expect(emitted('legacyFailureString')(rtmError('RtmInvalidArgumentError', 1))).toBe('invalid_argument');
  });
});

describe('repeatLoginSuccessOnReconnect (1.4.x: onLoginSuccess again after a reconnect, channels not re-joined)', () => {
  type Listener = (state: string) => void;
  const helper = runInNewContext(`${joinHelperSource('repeatLoginSuccessOnReconnect', false)}\nrepeatLoginSuccessOnReconnect;`) as (client: object, loggedIn: () => void) => void;

  test('after RECONNECTING → CONNECTED the channels created so far are left, then the handler runs; not after a new login', async () => {
    const events: string[] = [];
    let listener: Listener = () => {};
    const client = {
      createChannel: (id: string) => ({ leave: () => (events.push(`leave ${id}`), Promise.resolve()) }),
      on: (_event: string, added: Listener) => (listener = added),
    };
    helper(client, () => events.push('onLoginSuccess'));
    client.createChannel('room');
    for (const state of ['CONNECTING', 'CONNECTED', 'RECONNECTING', 'CONNECTED']) listener(state);
    await new Promise((resolve) => setTimeout(resolve, 0));
    client.createChannel('lobby');
    for (const state of ['DISCONNECTED', 'CONNECTING', 'CONNECTED']) listener(state);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual(['leave room', 'onLoginSuccess']);
  });
});
