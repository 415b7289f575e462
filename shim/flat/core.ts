/** What the parts of one flat API object (channels, calls, messages, queries) share. */
import type { ChannelHost } from '../channel.js';
import type { ShimContext } from '../context.js';
import type { RtmClientLike } from '../rtm-types.js';
import type { FlatLogger } from './log.js';
import type { FlatCallbackName, FlatCallbacks } from './types.js';

export interface FlatCore {
  readonly log: FlatLogger;
  fire<K extends FlatCallbackName>(name: K, ...args: Parameters<FlatCallbacks[K]>): void;
  /** The RTM client while logged in or reconnecting. */
  client(): RtmClientLike | null;
  account(): string;
  /** State 2 (logged in). */
  loggedIn(): boolean;
  appId(): string;
}

/** Legacy uids were server numbers the docs call "fixed 0"; RTM has none, so every uid the shim reports is 0. */
export const FLAT_UID = 0;

/** Fires a callback on the next turn: native results never arrive inside the call that caused them. */
export function later(run: () => void): void {
  setTimeout(run, 0);
}

/**
 * A context for reusing the Web shim's Call and invoke functions under the flat API: their Web API-map IDs are not
 * reported (the flat methods report their own), and errors thrown by app callbacks go to the flat log.
 */
export function reuseContext(core: FlatCore): ShimContext {
  const hooks = { error: (...parts: unknown[]) => core.log.error(...parts) };
  return {
    appId: core.appId(),
    log: core.log,
    createClient: () => {
      throw new Error('the flat API creates its RTM clients itself');
    },
    use: () => undefined,
    useNamed: () => undefined,
    hooks: () => hooks,
  };
}

/** The Web invoke functions' view of the session; the flat API answers channel member queries itself. */
export function invokeHost(core: FlatCore): ChannelHost {
  return {
    account: () => core.account(),
    client: () => core.client(),
    line: () => '',
    loggedIn: () => core.loggedIn(),
    currentChannel: () => null,
    released: () => undefined,
  };
}
