/**
 * Legacy callbacks are plain data properties, exactly as in the Signaling SDK: initialised to `""`, assigned by the
 * app at any time, read when the event fires and called only if truthy, as a method of their object. The shim
 * never attaches a listener per callback property, so reassigning one can leak nothing: each legacy object holds
 * one set of RTM listeners for its whole life and drops them when it ends.
 */

export interface FireHooks {
  /** Called before a truthy callback runs (deprecation accounting). */
  used?(name: string): void;
  error(...parts: unknown[]): void;
}

/** Callback properties the shim never fires, and what to tell when the app assigns one (see below). */
export interface AssignCounted {
  readonly names: readonly string[];
  readonly assigned: (name: string) => void;
}

/**
 * Defines every callback property once, in order: plain data properties, except the `counted` ones (callbacks the
 * shim never fires: still plain-looking, they start as `""`, are enumerable and read back what was assigned, but
 * assigning one is the only use an app makes of it, so each truthy assignment is reported to `assigned`).
 * Each name is defined exactly once: turning a data property into an accessor later would drop the object into
 * V8's slow dictionary mode, and every property read on it (callbacks, private fields) would get slower.
 */
export function initCallbackProperties(target: object, names: readonly string[], counted?: AssignCounted): void {
  for (const name of names) {
    if (counted?.names.includes(name)) defineAssignCounted(target, name, counted.assigned);
    else Object.defineProperty(target, name, { value: '', writable: true, enumerable: true, configurable: true });
  }
}

function defineAssignCounted(target: object, name: string, assigned: (name: string) => void): void {
  let value: unknown = '';
  Object.defineProperty(target, name, {
    get: () => value,
    set: (next: unknown) => {
      value = next;
      if (next) assigned(name);
    },
    enumerable: true,
    configurable: true,
  });
}

/** Fires `target[name](...args)` if set; an exception thrown by the app is logged and swallowed. */
export function fireCallback(target: object, name: string, args: readonly unknown[], hooks: FireHooks): boolean {
  const callback: unknown = (target as Record<string, unknown>)[name];
  if (!callback) return false;
  hooks.used?.(name);
  try {
    if (typeof callback !== 'function') throw new TypeError(`${name} is not a function`);
    Reflect.apply(callback, target, args);
  } catch (error) {
    hooks.error(error);
  }
  return true;
}

/** Calls a callback passed as an argument (`cb` of a send, leave, attribute or invoke call) the legacy way. */
export function callArgument(callback: unknown, args: readonly unknown[], hooks: FireHooks): void {
  if (!callback) return;
  try {
    if (typeof callback !== 'function') throw new TypeError('the callback argument is not a function');
    Reflect.apply(callback, undefined, args);
  } catch (error) {
    hooks.error(error);
  }
}
