/**
 * Firing a flat callback: the iOS block property on the API object if set, otherwise the method of the object
 * given to `callbackSet` (Android/C++). Both are read at fire time, exceptions are logged and swallowed, and
 * each callback that runs counts as a use of its API-map ID. Callbacks the shim never fires count when assigned.
 */
import { fireCallback, initCallbackProperties, type FireHooks } from '../callback-property.js';
import { namesOf } from '../api-map.js';
import { noteNamedUse } from '../usage.js';
import type { FlatCallbackName, FlatCallbacks } from './types.js';

/** Every flat callback name, from the API map (the one list of legacy names). */
export const FLAT_CALLBACKS: readonly string[] = namesOf('Flat', ['callback']);

/**
 * Callbacks RTM gives the shim nothing to fire with (debug, progress, app and raw messages, broadcast calls).
 * Assigning one is the only use an app makes of it, so the assignment is what counts.
 */
export const SILENT_FLAT_CALLBACKS = [
  'onDbg',
  'onMessageSendProgress',
  'onMessageAppReceived',
  'onMsg',
  'onBCCall_result',
] as const satisfies readonly FlatCallbackName[];

const noteSilent = (name: string, value: unknown): void => {
  if (value) noteNamedUse('Flat', name);
};

export class FlatDispatcher {
  readonly #target: object;
  readonly #hooks: FireHooks;
  #set: unknown = null;
  /** Guards onLog: a log line written while onLog runs must not call onLog again. */
  #logging = false;

  constructor(target: object, error: (...parts: unknown[]) => void) {
    initCallbackProperties(target, FLAT_CALLBACKS, { names: SILENT_FLAT_CALLBACKS, assigned: (name) => noteNamedUse('Flat', name) });
    this.#target = target;
    this.#hooks = { used: (name) => noteNamedUse('Flat', name), error };
  }

  set callbackObject(value: unknown) {
    this.#set = value;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    for (const name of SILENT_FLAT_CALLBACKS) noteSilent(name, (value as Record<string, unknown>)[name]);
  }

  fire<K extends FlatCallbackName>(name: K, ...args: Parameters<FlatCallbacks[K]>): boolean {
    if (fireCallback(this.#target, name, args, this.#hooks)) return true;
    const set = this.#set;
    if (set === null || (typeof set !== 'object' && typeof set !== 'function')) return false;
    const method: unknown = (set as Record<string, unknown>)[name];
    if (!method) return false;
    return fireCallback(set, name, args, this.#hooks);
  }

  /** onLog without recursion; an exception thrown by the app's onLog is dropped (logging it would loop). */
  log(line: string): void {
    if (this.#logging) return;
    const property: unknown = (this.#target as Record<string, unknown>)['onLog'];
    const set = this.#set !== null && typeof this.#set === 'object' ? (this.#set as Record<string, unknown>) : null;
    const [owner, handler]: [object | null, unknown] = property ? [this.#target, property] : [set, set?.['onLog']];
    if (!handler || typeof handler !== 'function') return;
    this.#logging = true;
    try {
      noteNamedUse('Flat', 'onLog');
      Reflect.apply(handler, owner, [line]);
    } catch {
      // see above
    } finally {
      this.#logging = false;
    }
  }
}
