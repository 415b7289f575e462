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

export function initCallbackProperties(target: object, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(target, name, { value: '', writable: true, enumerable: true, configurable: true });
  }
}

/**
 * Callback properties the shim never fires (the API map documents which): still plain-looking (they start as `""`,
 * are enumerable and read back what was assigned), but assigning one is the only use an app makes of it, so each
 * truthy assignment is reported to `assigned` (deprecation accounting). Call after initCallbackProperties.
 */
export function initAssignCountedProperties(target: object, names: readonly string[], assigned: (name: string) => void): void {
  for (const name of names) {
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
