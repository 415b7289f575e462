import { EventEmitter } from 'eventemitter3';

/* eslint-disable @typescript-eslint/no-explicit-any -- listener maps are keyed by event name with any-arg functions */
export type EventMap<T> = { [K in keyof T]: (...args: any[]) => void };
type Listener = (...args: unknown[]) => unknown;

/**
 * The base of every public RTM object. Like the official SDK, an exception thrown by an app's listener is caught
 * and logged, never propagated into the SDK (rtm-1x.md §1.3).
 */
export class SafeEmitter<Events extends EventMap<Events>> {
  readonly #inner = new EventEmitter();
  /** once() wrappers by original listener, so off(original) removes them. */
  readonly #onceWrappers = new Map<Listener, Listener>();

  on<E extends keyof Events & string>(event: E, listener: Events[E]): this {
    this.#inner.on(event, listener);
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
    this.#inner.on(event, wrapper);
    return this;
  }

  off<E extends keyof Events & string>(event: E, listener: Listener): this {
    const wrapper = this.#onceWrappers.get(listener);
    if (wrapper) {
      this.#onceWrappers.delete(listener);
      this.#inner.off(event, wrapper);
    }
    this.#inner.off(event, listener);
    return this;
  }

  removeListener<E extends keyof Events & string>(event: E, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners<E extends keyof Events & string>(event?: E): this {
    this.#inner.removeAllListeners(event);
    if (event === undefined) this.#onceWrappers.clear();
    return this;
  }

  listeners<E extends keyof Events & string>(event: E): Listener[] {
    return this.#inner.listeners(event) as Listener[];
  }

  rawListeners<E extends keyof Events & string>(event: E): Listener[] {
    return this.#inner.listeners(event) as Listener[];
  }

  listenerCount<E extends keyof Events & string>(event: E): number {
    return this.#inner.listenerCount(event);
  }

  /** Calls each listener in order; a throwing listener is logged and the others still run. */
  protected emit<E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): boolean {
    const listeners = this.#inner.listeners(event) as Listener[];
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        console.error(`[resignal] a "${event}" listener threw:`, error);
      }
    }
    return listeners.length > 0;
  }
}
