import type { EmitterLike } from './rtm-types.js';

export type Disposer = () => void;

/** Subscribes and returns the one way to unsubscribe; owners keep these and drain them when they end. */
export function listen<A extends unknown[]>(emitter: EmitterLike, event: string, listener: (...args: A) => void): Disposer {
  const handler = listener as unknown as (...args: unknown[]) => void;
  emitter.on(event, handler);
  return () => {
    emitter.off(event, handler);
  };
}

export class Disposers {
  #list: Disposer[] = [];

  add(...disposers: Disposer[]): void {
    this.#list.push(...disposers);
  }

  drain(): void {
    const list = this.#list;
    this.#list = [];
    for (const dispose of list) dispose();
  }
}
