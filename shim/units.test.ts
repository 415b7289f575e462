import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttributeSet, diffAttributes } from './attributes.js';
import { dtmfExtra, encodeCallSignal, inviteMessageParts, parseCallSignal } from './call-signal.js';
import { callArgument, fireCallback, initCallbackProperties } from './callback-property.js';
import * as errors from './errors.js';
import { failureString, loginFailureCode } from './failure.js';
import { inviteFailureExtra, parseInviteOptions } from './invite-options.js';
import { API_MAP, LEGACY_ERROR_CODES } from './api-map.js';
import { backoffDelay, reconnectBudgetMs } from './reconnect.js';
import { SILENT_SESSION_CALLBACKS } from './session.js';
import * as status from './status.js';
import { legacyMessage, legacyString, receivedText } from './text.js';

describe('callback properties', () => {
  it('never-firing ones look plain, read back what was assigned, and count each truthy assignment', () => {
    const target: Record<string, unknown> = {};
    const assigned: string[] = [];
    initCallbackProperties(target, ['onA', 'onSilent'], { names: ['onSilent'], assigned: (name) => assigned.push(name) });
    expect(target).toEqual({ onA: '', onSilent: '' });
    expect(Object.keys(target)).toEqual(['onA', 'onSilent']);
    const handler = (): void => undefined;
    target['onSilent'] = handler;
    target['onSilent'] = null;
    target['onA'] = handler;
    expect([target['onSilent'], assigned]).toEqual([null, ['onSilent']]);
  });

  it('counts on assignment exactly the Web callbacks the map documents as never firing', () => {
    const never = API_MAP.filter((row) => row.api === 'web' && row.kind === 'callback' && /never fires/.test(row.notes ?? '')).map((row) => `${row.owner}.${row.name}`);
    expect(SILENT_SESSION_CALLBACKS.map((name) => `Session.${name}`)).toEqual(never);
  });

  const errorsSeen: unknown[] = [];
  const hooks = { used: vi.fn(), error: (error: unknown) => errorsSeen.push(error) };
  beforeEach(() => {
    errorsSeen.length = 0;
    hooks.used.mockClear();
  });

  it('starts as "" own enumerable properties and fires nothing while unset', () => {
    const target: Record<string, unknown> = {};
    initCallbackProperties(target, ['onA', 'onB']);
    expect(target).toEqual({ onA: '', onB: '' });
    expect(Object.keys(target)).toEqual(['onA', 'onB']);
    expect(fireCallback(target, 'onA', [1], hooks)).toBe(false);
    expect(hooks.used).not.toHaveBeenCalled();
  });

  it('reads the property when the event fires, calls it as a method, and allows unsetting with null', () => {
    const target: Record<string, unknown> = {};
    initCallbackProperties(target, ['onA']);
    const calls: unknown[][] = [];
    target['onA'] = function (this: unknown, ...args: unknown[]) {
      calls.push([this === target, ...args]);
    };
    fireCallback(target, 'onA', [1, 'x'], hooks);
    target['onA'] = (...args: unknown[]) => calls.push(['second', ...args]);
    fireCallback(target, 'onA', [2], hooks);
    target['onA'] = null;
    fireCallback(target, 'onA', [3], hooks);
    expect(calls).toEqual([[true, 1, 'x'], ['second', 2]]);
    expect(hooks.used).toHaveBeenCalledTimes(2);
  });

  it('logs and swallows exceptions from app callbacks and from truthy non-functions', () => {
    const target: Record<string, unknown> = { onA: () => { throw new Error('app bug'); }, onB: 42 };
    expect(() => fireCallback(target, 'onA', [], hooks)).not.toThrow();
    expect(() => fireCallback(target, 'onB', [], hooks)).not.toThrow();
    expect(errorsSeen.map((error) => (error as Error).message)).toEqual(['app bug', 'onB is not a function']);
  });

  it('calls callback arguments only when truthy and swallows their exceptions', () => {
    const seen: unknown[] = [];
    callArgument((...args: unknown[]) => seen.push(args), [false], hooks);
    callArgument(undefined, [true], hooks);
    callArgument('', [true], hooks);
    callArgument(() => { throw new Error('boom'); }, [], hooks);
    expect(seen).toEqual([[false]]);
    expect(errorsSeen).toHaveLength(1);
  });
});

describe('status numbers and error constants', () => {
  it('numbers the login states 0/1/2/3 and reports SDK 1.4.3', () => {
    expect([status.LOGIN_STATE_NOT_LOGIN, status.LOGIN_STATE_LOGINING, status.LOGIN_STATE_LOGINED, status.LOGIN_STATE_RECONNECTING]).toEqual([0, 1, 2, 3]);
    expect(status.SIGNALING_SDK_VERSION).toBe('1.4.3');
    expect(status.SIGNALING_SDK_VERSION_INT).toBe(1010403000);
  });

  it('exports every §8 code of the API map as a named constant', () => {
    for (const [name, code] of Object.entries(LEGACY_ERROR_CODES)) expect((errors as Record<string, unknown>)[name]).toBe(code);
    expect([errors.LOGOUT_E_USER, errors.LOGOUT_E_NET, errors.LOGOUT_E_KICKED]).toEqual([101, 102, 103]);
    expect([errors.LOGIN_E_NET, errors.LOGIN_E_TOKENEXPIRED, errors.LOGIN_E_TOKENWRONG, errors.LOGIN_E_INVALID_USER]).toEqual([201, 204, 206, 209]);
    expect(errors.QUERYUSERNUM_E_BYUSER).toBe(502);
  });
});

describe('RTM failures as legacy codes', () => {
  const rtm = (name: string, code?: number) => Object.assign(new Error('x'), { name, code });
  it('maps login rejections to 201/204/206/209', () => {
    expect(loginFailureCode(rtm('RtmUnauthenticatedError', 5))).toBe(206);
    expect(loginFailureCode(rtm('RtmUnauthenticatedError', 4))).toBe(206);
    expect(loginFailureCode(rtm('RtmUnauthenticatedError', 6))).toBe(204);
    expect(loginFailureCode(rtm('RtmInvalidArgumentError', 3))).toBe(209);
    expect(loginFailureCode(rtm('RtmTimeoutError', 9))).toBe(201);
    expect(loginFailureCode(new TypeError('socket'))).toBe(201);
    expect(loginFailureCode(undefined)).toBe(201);
  });
  it('gives short failure strings', () => {
    expect(failureString(rtm('RtmInvalidStatusError', 102))).toBe('not_login');
    expect(failureString(rtm('RtmUnavailableError', 6))).toBe('user_not_online');
    expect(failureString(rtm('RtmTimeoutError', 4))).toBe('timeout');
    expect(failureString('weird')).toBe('failed');
  });
});

describe('reconnect budget', () => {
  it('turns 1.4.3 attempts (200 ms doubling, capped at 2 s, plus a connect allowance) into time, capped by reconnect_time', () => {
    expect([0, 1, 2, 3, 4, 5].map(backoffDelay)).toEqual([200, 400, 800, 1600, 2000, 2000]);
    expect(reconnectBudgetMs(0, 300_000)).toBe(0);
    expect(reconnectBudgetMs(1, 300_000)).toBe(1_200);
    expect(reconnectBudgetMs(10, 300_000)).toBe(200 + 400 + 800 + 1600 + 2000 * 6 + 10_000);
    expect(reconnectBudgetMs(10, 5_000)).toBe(5_000);
    expect(reconnectBudgetMs(undefined, undefined)).toBe(reconnectBudgetMs(10, 300_000));
    expect(reconnectBudgetMs('2', 'x')).toBe(1_200 + 1_400);
    expect(reconnectBudgetMs(-1, NaN)).toBe(reconnectBudgetMs(10, 300_000));
  });
});

describe('texts, attributes, call signals and invite options', () => {
  it('stringifies legacy arguments like 1.4.3', () => {
    expect(legacyString('a')).toBe('a');
    expect(legacyString(12)).toBe('12');
    expect(legacyString({ a: 1 })).toBe('{"a":1}');
    expect(legacyString(undefined)).toBe('undefined');
    expect(legacyMessage(5)).toBe('5');
    expect(legacyMessage({ x: 'y' })).toBe('{"x":"y"}');
    expect(receivedText({ text: 'hi' })).toBe('hi');
    expect(receivedText({ rawMessage: new TextEncoder().encode('raw ü') })).toBe('raw ü');
  });

  it('turns full attribute sets into per-key changes', () => {
    const before = new Map([['a', '1'], ['b', '2']]);
    expect(diffAttributes(before, new Map([['a', '1'], ['b', '3'], ['c', '4']]))).toEqual([
      { type: 'update', name: 'b', value: '3' },
      { type: 'update', name: 'c', value: '4' },
    ]);
    expect(diffAttributes(before, new Map([['a', '1']]))).toEqual([{ type: 'del', name: 'b', value: '' }]);
    expect(diffAttributes(before, new Map())).toEqual([{ type: 'clear', name: '', value: '' }]);
    expect(diffAttributes(new Map(), new Map())).toEqual([]);
    expect(diffAttributes(new Map([['a', '1']]), new Map())).toEqual([{ type: 'del', name: 'a', value: '' }]);
  });

  it("reports a member's own attribute writes once, as the other members see them", () => {
    const set = new AttributeSet();
    const attrs = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, { value }]));
    expect(set.replace(attrs({ a: '1' }))).toEqual([{ type: 'update', name: 'a', value: '1' }]);
    // The writer's own update, then the server's notification of the same set: reported once.
    expect(set.apply([{ type: 'update', name: 'b', value: '2' }])).toEqual([{ type: 'update', name: 'b', value: '2' }]);
    expect(set.replace(attrs({ a: '1', b: '2' }))).toEqual([]);
    expect(set.apply([{ type: 'del', name: 'missing', value: '' }])).toEqual([]);
    // Clearing several is one 'clear'; clearing the last one is its 'del', as diffAttributes reports it to the others.
    expect(set.apply([{ type: 'clear', name: '', value: '' }])).toEqual([{ type: 'clear', name: '', value: '' }]);
    set.replace(attrs({ only: 'x' }));
    expect(set.apply([{ type: 'clear', name: '', value: '' }])).toEqual([{ type: 'del', name: 'only', value: '' }]);
    expect(set.apply([{ type: 'clear', name: '', value: '' }])).toEqual([]);
  });

  it('encodes hang-ups in RTM legacy end-call format when it can, else in the reserved JSON form', () => {
    expect(encodeCallSignal({ kind: 'end', channel: 'room', extra: '{"a":1}' })).toBe('AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_{"a":1}');
    const fallback = encodeCallSignal({ kind: 'end', channel: 'room_1', extra: 'x' });
    expect(fallback.startsWith('ResignalLegacyCallEnd:')).toBe(true);
    expect(parseCallSignal(fallback)).toEqual({ kind: 'end', channel: 'room_1', extra: 'x' });
    expect(parseCallSignal('AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_')).toEqual({ kind: 'end', channel: 'room', extra: '' });
    expect(parseCallSignal('ResignalLegacyCallEnd:not json')).toBe('drop');
    expect(parseCallSignal('hello')).toBeNull();
  });

  it('encodes in-call messages (DTMF) in the reserved JSON form with the legacy extra', () => {
    const extra = dtmfExtra('1#');
    expect(extra).toBe('{"msgtype":"dtmf","msgdata":"1#"}');
    const text = encodeCallSignal({ kind: 'message', channel: 'room', extra });
    expect(text).toBe('ResignalLegacyCallMsg:{"channel":"room","extra":"{\\"msgtype\\":\\"dtmf\\",\\"msgdata\\":\\"1#\\"}"}');
    expect(parseCallSignal(text)).toEqual({ kind: 'message', channel: 'room', extra });
    expect(parseCallSignal('ResignalLegacyCallMsg:{"channel":1}')).toBe('drop');
    expect(inviteMessageParts(extra)).toEqual({ msgType: 'dtmf', msgData: '1#' });
    expect(inviteMessageParts(dtmfExtra(5))).toEqual({ msgType: 'dtmf', msgData: '5' });
    expect(inviteMessageParts('not json')).toEqual({ msgType: '', msgData: '' });
  });

  it('reads _require_peer_online and _timeout from extra', () => {
    expect(parseInviteOptions('')).toEqual({ requirePeerOnline: false, timeoutMs: 0 });
    expect(parseInviteOptions('{"_require_peer_online":1,"_timeout":5}')).toEqual({ requirePeerOnline: true, timeoutMs: 5_000 });
    expect(parseInviteOptions('{"_timeout":99}').timeoutMs).toBe(30_000);
    expect(parseInviteOptions('not json')).toEqual({ requirePeerOnline: false, timeoutMs: 0 });
    expect(JSON.parse(inviteFailureExtra('PEER_OFFLINE'))).toEqual({ reason: 'PEER_OFFLINE', ecode: 703 });
    expect(JSON.parse(inviteFailureExtra('whatever'))).toEqual({ reason: 'whatever', ecode: 700 });
  });
});

afterEach(() => vi.restoreAllMocks());
