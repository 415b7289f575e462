/**
 * Flat-API test helpers: a real server, flat API objects whose callbacks are traced (except onLog, and the silent
 * ones that never fire, whose assignment alone would count as a use), unique accounts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '../../../rtm/server/index.js';
import { record, only, waitFor, type Trace } from '../../test/harness.js';
import { FLAT_CALLBACKS, SILENT_FLAT_CALLBACKS } from '../dispatch.js';
import { createAgoraSDKInstance, type AgoraAPI } from '../factory.js';
import type { FlatOptions } from '../types.js';

export const APP_ID = '0123456789abcdef0123456789abcdef';
export const REST_SECRET = 'flat-test-rest-secret';
const UNTRACED: readonly string[] = ['onLog', ...SILENT_FLAT_CALLBACKS];
export const TRACED = FLAT_CALLBACKS.filter((name) => !UNTRACED.includes(name));

let counter = 0;
/** Unique per call, so users of one test never meet another's. */
export const unique = (name: string): string => `${name}-${++counter}`;

export async function startTestServer(): Promise<RunningServer> {
  return startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'resignal-flat-')), log: false, restSecrets: { [APP_ID]: REST_SECRET } });
}

export class FlatWorld {
  trace: Trace = [];
  readonly apis: AgoraAPI[] = [];

  constructor(readonly endpoint: () => string) {}

  reset(): void {
    this.trace = [];
  }

  api(label: string, options: FlatOptions = {}): AgoraAPI {
    const api = createAgoraSDKInstance(APP_ID, { endpoint: this.endpoint(), ...options });
    this.apis.push(api);
    record(this.trace, label, api, TRACED);
    return api;
  }

  /** A flat user logged in as `account`; its login trace is checked and kept. */
  async loggedIn(label: string, account: string, options: FlatOptions = {}): Promise<AgoraAPI> {
    const api = this.api(label, options);
    api.login(APP_ID, account, '_no_need_token', 0, '');
    await this.waitFor(label, 'onLogin');
    expect(this.of(label, 'onLogin')).toEqual([[`${label}.onLoginSuccess`, 0, 0]]);
    return api;
  }

  /** Joins and waits for the user list; returns nothing, the trace holds the join sequence. */
  async joined(label: string, api: AgoraAPI, channel: string): Promise<void> {
    const before = this.of(label, 'onChannelUserList').length;
    api.channelJoin(channel);
    await waitFor(() => this.of(label, 'onChannelUserList').length > before || this.of(label, 'onChannelJoinFailed').length > 0, `${label} join`);
  }

  /** Entries of `label`; a full callback name matches exactly, anything else as a prefix (`'onInvite'`). */
  of(label: string, callback = ''): Trace {
    const exact = FLAT_CALLBACKS.includes(callback);
    return only(this.trace, `${label}.${callback}`).filter((entry) => !exact || entry[0] === `${label}.${callback}`);
  }

  async waitFor(label: string, callback: string, count = 1, timeoutMs = 5_000): Promise<void> {
    await waitFor(() => this.of(label, callback).length >= count, `${label}.${callback} ×${count}`, timeoutMs);
  }

  async closeAll(): Promise<void> {
    for (const api of this.apis.splice(0)) {
      for (const name of TRACED) (api as unknown as Record<string, unknown>)[name] = '';
      api.logout();
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
