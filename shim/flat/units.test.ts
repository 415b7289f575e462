/* Pure parts of the flat API and its agreement with the API map (no server). */
import { describe, expect, it } from 'vitest';
import { API_MAP, namesOf } from '../api-map.js';
import { FlatApi } from './agora-api.js';
import { FLAT_CALLBACKS, SILENT_FLAT_CALLBACKS } from './dispatch.js';
import { messageId } from './messages.js';
import { DEFAULT_RETRY_COUNT, DEFAULT_RETRY_TIME_S, loginRetryDelayMs, reconnectAttemptMs, retryPolicy } from './retry-policy.js';
import type { FlatCallbackName } from './types.js';

/** Compile-time complete: a missing or extra callback name in FlatCallbacks fails to type-check here. */
const DECLARED: Record<FlatCallbackName, true> = {
  onLoginSuccess: true, onLoginFailed: true, onLogout: true, onReconnecting: true, onReconnected: true, onError: true, onLog: true, onDbg: true,
  onMessageSendSuccess: true, onMessageSendError: true, onMessageSendProgress: true, onMessageInstantReceive: true, onMessageChannelReceive: true,
  onMessageAppReceived: true, onMsg: true, onBCCall_result: true, onQueryUserStatusResult: true, onUserAttrResult: true, onUserAttrAllResult: true,
  onChannelQueryUserNumResult: true, onChannelQueryUserIsIn: true, onInvokeRet: true, onChannelJoined: true, onChannelJoinFailed: true,
  onChannelLeaved: true, onChannelUserJoined: true, onChannelUserLeaved: true, onChannelUserList: true, onChannelAttrUpdated: true,
  onInviteReceived: true, onInviteReceivedByPeer: true, onInviteAcceptedByPeer: true, onInviteRefusedByPeer: true, onInviteFailed: true,
  onInviteEndByPeer: true, onInviteEndByMyself: true, onInviteMsg: true,
};

describe('agreement with the API map', () => {
  it('declares exactly the callbacks of the map', () => {
    expect(Object.keys(DECLARED).sort()).toEqual([...FLAT_CALLBACKS].sort());
  });

  it('implements every method of the map on the flat API object', () => {
    const missing = namesOf('Flat', ['method']).filter((name) => typeof (FlatApi.prototype as unknown as Record<string, unknown>)[name] !== 'function');
    expect(missing).toEqual([]);
    expect(API_MAP.filter((row) => row.owner === 'Flat')).toHaveLength(85);
  });

  it('counts on assignment exactly the callbacks the map documents as never firing', () => {
    const never = API_MAP.filter((row) => row.owner === 'Flat' && row.kind === 'callback' && /never fires/.test(row.notes ?? '')).map((row) => row.name);
    expect([...SILENT_FLAT_CALLBACKS].sort()).toEqual(never.sort());
  });
});

describe('retry policy', () => {
  it('takes login2 arguments, falling back to the documented defaults for bad ones', () => {
    expect(retryPolicy(undefined, undefined)).toEqual({ timeMs: DEFAULT_RETRY_TIME_S * 1000, count: DEFAULT_RETRY_COUNT });
    expect(retryPolicy(2.5, '4')).toEqual({ timeMs: 2500, count: 4 });
    expect(retryPolicy(-1, Number.NaN)).toEqual({ timeMs: 30_000, count: 3 });
    expect(retryPolicy(0, 0)).toEqual({ timeMs: 0, count: 0 });
  });

  it('paces login retries at no less than 500 ms (RTM allows 2 logins per second) and reconnect attempts like 1.4.x', () => {
    expect([0, 1, 2, 3, 4, 10].map(loginRetryDelayMs)).toEqual([500, 500, 800, 1600, 2000, 2000]);
    expect([1, 2, 3, 4, 5, 9].map(reconnectAttemptMs)).toEqual([1200, 1400, 1800, 2600, 3000, 3000]);
  });
});

describe('message IDs', () => {
  it("keeps the app's ID and generates unique decimal ones for ''", () => {
    expect(messageId('m-1')).toBe('m-1');
    expect(messageId(42)).toBe('42');
    const generated = new Set(Array.from({ length: 100 }, () => messageId('')));
    expect(generated.size).toBe(100);
    for (const id of generated) expect(id).toMatch(/^\d+$/);
  });
});
