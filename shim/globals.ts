/**
 * The globals of the legacy builds: `Signal`, `Signal_`, `LOGIN_STATE_*` and `SIGNALING_SDK_VERSION`. The
 * constants are accessors, so reading one counts as using it; assigning one replaces it, like the old `var`s.
 */
import type { ApiId } from './api-map.js';
import { Signal, Signal_ } from './signal.js';
import {
  LOGIN_STATE_LOGINED,
  LOGIN_STATE_LOGINING,
  LOGIN_STATE_NOT_LOGIN,
  LOGIN_STATE_RECONNECTING,
  SIGNALING_SDK_VERSION,
} from './status.js';
import { noteUse } from './usage.js';

const COUNTED: readonly [name: string, id: ApiId, value: unknown][] = [
  ['Signal_', 'SIG_SIGNAL_CLASS', Signal_],
  ['SIGNALING_SDK_VERSION', 'SIG_SIGNALING_SDK_VERSION', SIGNALING_SDK_VERSION],
  ['LOGIN_STATE_NOT_LOGIN', 'SIG_LOGIN_STATE_NOT_LOGIN', LOGIN_STATE_NOT_LOGIN],
  ['LOGIN_STATE_LOGINING', 'SIG_LOGIN_STATE_LOGINING', LOGIN_STATE_LOGINING],
  ['LOGIN_STATE_LOGINED', 'SIG_LOGIN_STATE_LOGINED', LOGIN_STATE_LOGINED],
  ['LOGIN_STATE_RECONNECTING', 'SIG_LOGIN_STATE_RECONNECTING', LOGIN_STATE_RECONNECTING],
];

export function installGlobals(target: object = globalThis): void {
  Object.defineProperty(target, 'Signal', { value: Signal, writable: true, configurable: true, enumerable: true });
  for (const [name, id, value] of COUNTED) {
    Object.defineProperty(target, name, {
      configurable: true,
      enumerable: true,
      get() {
        noteUse(id);
        return value;
      },
      set(replacement: unknown) {
        Object.defineProperty(target, name, { value: replacement, writable: true, configurable: true, enumerable: true });
      },
    });
  }
}
