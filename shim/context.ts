/** What every legacy object of one `Signal` instance shares: its logger, its client factory, its accounting. */
import type { ApiId, ApiOwner } from './api-map.js';
import type { FireHooks } from './callback-property.js';
import type { LegacyLogger } from './log.js';
import type { RtmClientFactory } from './rtm-types.js';
import { noteNamedUse, noteUse } from './usage.js';

export interface ShimContext {
  readonly appId: string;
  readonly log: LegacyLogger;
  readonly createClient: RtmClientFactory;
  use(id: ApiId): void;
  useNamed(owner: ApiOwner, name: string): void;
  /** Hooks for firing the callback properties of one kind of legacy object. */
  hooks(owner: ApiOwner): FireHooks;
}

export function createContext(appId: string, log: LegacyLogger, createClient: RtmClientFactory): ShimContext {
  const hooksByOwner = new Map<ApiOwner, FireHooks>();
  return {
    appId,
    log,
    createClient,
    use: noteUse,
    useNamed: noteNamedUse,
    hooks(owner) {
      let hooks = hooksByOwner.get(owner);
      if (!hooks) {
        hooks = { used: (name) => noteNamedUse(owner, name), error: (...parts) => log.error(...parts) };
        hooksByOwner.set(owner, hooks);
      }
      return hooks;
    },
  };
}
