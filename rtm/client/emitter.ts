/* eslint-disable @typescript-eslint/no-explicit-any -- listener maps are keyed by event name with any-arg functions */
export type EventMap<T> = { [K in keyof T]: (...args: any[]) => void };
type Listener = (...args: unknown[]) => unknown;

/**
 * The base of every public RTM object. Like the official SDK, an exception thrown by an app's listener is caught
 * and logged, never propagated into the SDK (rtm-1x.md §1.3).
 */
export class SafeEmitter<Events extends EventMap<Events>> {
  /**
   * Listeners by event, in the order added. Kept here rather than in an eventemitter3 instance (whose emit this
   * class never used) so the browser builds carry no second emitter; add/remove/list behave as eventemitter3's did.
   */
  readonly #listeners = new Map<string, Listener[]>();
  /** once() wrappers by original listener, so off(original) removes them. */
  readonly #onceWrappers = new Map<Listener, Listener>();

  on<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    this.#add(event, listener);
    return this;
  }

  addListener<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    return this.on(event, listener);
  }

  once<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    const wrapper: Listener = (...args) => {
      this.off(event, listener);
      return (listener as Listener)(...args);
    };
    this.#onceWrappers.set(listener, wrapper);
    this.#add(event, wrapper);
    return this;
  }

  off<E extends keyof Events & string>(event: E, listener: Listener): this {
    const wrapper = this.#onceWrappers.get(listener);
    if (wrapper) {
      this.#onceWrappers.delete(listener);
      this.#remove(event, wrapper);
    }
    this.#remove(event, listener);
    return this;
  }

  removeListener<E extends keyof Events & string>(event: E, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners<E extends keyof Events & string>(event?: E): this {
    // Like eventemitter3: any falsy event clears every event (the once wrappers only for a real `undefined`).
    if (event) this.#listeners.delete(event);
    else this.#listeners.clear();
    if (event === undefined) this.#onceWrappers.clear();
    return this;
  }

  listeners<E extends keyof Events & string>(event: E): Listener[] {
    return [...(this.#listeners.get(event) ?? [])];
  }

  rawListeners<E extends keyof Events & string>(event: E): Listener[] {
    return this.listeners(event);
  }

  listenerCount<E extends keyof Events & string>(event: E): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** Calls each listener in order; a throwing listener is logged and the others still run. */
  protected emit<E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): boolean {
    // Lists are replaced, never mutated (copy on write in #add/#remove), so a listener that subscribes or
    // unsubscribes while this loop runs cannot change it: no per-emit copy needed.
    const listeners = this.#listeners.get(event);
    if (listeners === undefined) return false;
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        console.error(`[resignal] a "${event}" listener threw:`, error);
      }
    }
    return true;
  }

  #add(event: string, listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as Listener]);
  }

  /** Removes every registration of `listener`; without one (JS callers), every listener of the event. */
  #remove(event: string, listener: Listener | undefined): void {
    const kept = listener ? (this.#listeners.get(event) ?? []).filter((l) => l !== listener) : [];
    if (kept.length > 0) this.#listeners.set(event, kept);
    else this.#listeners.delete(event);
  }
}
