/** What the RTM client tests share: the clients a test creates, logged out after it, and the RtmError a call ends in. */
import { expect } from 'vitest';
import AgoraRTM, { RtmError, type RtmClient } from '../rtm/index.js';

type InstanceOptions = Parameters<typeof AgoraRTM.createInstance>[1];

export class TestClients {
  readonly #all: RtmClient[] = [];

  /** `AgoraRTM.createInstance`, remembered so `logoutAll` can end it. */
  create(appId: string, options: InstanceOptions): RtmClient {
    const client = AgoraRTM.createInstance(appId, options);
    this.#all.push(client);
    return client;
  }

  /** For afterEach: logs out every client still logged in (errors ignored) and forgets them all. */
  async logoutAll(): Promise<void> {
    await Promise.all(this.#all.splice(0).map((c) => (c.connectionState === 'DISCONNECTED' ? Promise.resolve() : c.logout().catch(() => undefined))));
  }
}

/** Resolves with the RtmError a promise (or a function) rejected with or threw; fails the test if it succeeded. */
export async function rtmFailure(action: Promise<unknown> | (() => unknown)): Promise<RtmError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error).toBeInstanceOf(RtmError);
    return error as RtmError;
  }
  throw new Error('expected a failure');
}
