/*
 * SafeEmitter keeps its own listener lists (no eventemitter3 in the browser builds). The reference below is the
 * implementation it replaced, on eventemitter3; any sequence of calls must behave the same on both.
 */
import { EventEmitter } from 'eventemitter3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafeEmitter } from './emitter.js';

type Listener = (...args: unknown[]) => unknown;
type Events = Record<string, (...args: unknown[]) => void>;

interface EmitterUnderTest {
  on(event: string, listener: unknown): unknown;
  once(event: string, listener: unknown): unknown;
  off(event: string, listener: unknown): unknown;
  removeAllListeners(event?: string): unknown;
  listeners(event: string): Listener[];
  listenerCount(event: string): number;
  fire(event: string, ...args: unknown[]): boolean;
}

class Subject extends SafeEmitter<Events> implements EmitterUnderTest {
  fire(event: string, ...args: unknown[]): boolean {
    return this.emit(event, ...args);
  }
}

class Reference implements EmitterUnderTest {
  readonly #inner = new EventEmitter();
  readonly #onceWrappers = new Map<Listener, Listener>();

  on(event: string, listener: unknown): this {
    this.#inner.on(event, listener as Listener);
    return this;
  }

  once(event: string, listener: unknown): this {
    const wrapper: Listener = (...args) => {
      this.off(event, listener);
      return (listener as Listener)(...args);
    };
    this.#onceWrappers.set(listener as Listener, wrapper);
    this.#inner.on(event, wrapper);
    return this;
  }

  off(event: string, listener: unknown): this {
    const wrapper = this.#onceWrappers.get(listener as Listener);
    if (wrapper) {
      this.#onceWrappers.delete(listener as Listener);
      this.#inner.off(event, wrapper);
    }
    this.#inner.off(event, listener as Listener);
    return this;
  }

  removeAllListeners(event?: string): this {
    this.#inner.removeAllListeners(event);
    if (event === undefined) this.#onceWrappers.clear();
    return this;
  }

  listeners(event: string): Listener[] {
    return this.#inner.listeners(event) as Listener[];
  }

  listenerCount(event: string): number {
    return this.#inner.listenerCount(event);
  }

  fire(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners(event);
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch {
        // logged by SafeEmitter; the others still run
      }
    }
    return listeners.length > 0;
  }
}

const EVENTS = ['a', 'b', ''] as const;
type Op =
  | { op: 'on' | 'once'; event: string; fn: number }
  | { op: 'off'; event: string; fn: number | null }
  | { op: 'removeAll'; event: string | undefined }
  | { op: 'emit' | 'count' | 'listeners'; event: string }
  | { op: 'onNotAFunction'; event: string };

const event = fc.constantFrom(...EVENTS);
const fn = fc.integer({ min: 0, max: 2 });
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom('on' as const, 'once' as const), event, fn }),
    fc.record({ op: fc.constant('off' as const), event, fn: fc.option(fn) }),
    fc.record({ op: fc.constant('removeAll' as const), event: fc.option(event, { nil: undefined }) }),
    fc.record({ op: fc.constantFrom('emit' as const, 'count' as const, 'listeners' as const), event }),
    fc.record({ op: fc.constant('onNotAFunction' as const), event }),
  ),
  { maxLength: 40 },
);

/** Runs the calls and returns what was observable: results, thrown errors and listener calls, in order. */
function run(emitter: EmitterUnderTest, calls: readonly Op[]): unknown[] {
  const trace: unknown[] = [];
  // Listener 2 removes listener 0 while an emit is running, and listener 1 throws.
  const fns: Listener[] = [
    (...args) => trace.push(['fn0', ...args]),
    (...args) => {
      trace.push(['fn1', ...args]);
      throw new Error('listener failure');
    },
    (...args) => {
      trace.push(['fn2', ...args]);
      emitter.off(String(args[0]), fns[0]);
    },
  ];
  const name = (l: Listener) => (fns.includes(l) ? `fn${fns.indexOf(l)}` : 'wrapper');
  for (const call of calls) {
    try {
      switch (call.op) {
        case 'on':
        case 'once':
          emitter[call.op](call.event, fns[call.fn]);
          break;
        case 'off':
          emitter.off(call.event, call.fn === null ? undefined : fns[call.fn]);
          break;
        case 'removeAll':
          emitter.removeAllListeners(call.event);
          break;
        case 'emit':
          trace.push(['emit', emitter.fire(call.event, call.event, 'payload')]);
          break;
        case 'count':
          trace.push(['count', emitter.listenerCount(call.event)]);
          break;
        case 'listeners':
          trace.push(['listeners', emitter.listeners(call.event).map(name)]);
          break;
        case 'onNotAFunction':
          emitter.on(call.event, 'not a function');
          break;
      }
    } catch (error) {
      trace.push(['threw', (error as Error).name, (error as Error).message]);
    }
  }
  return trace;
}

describe('SafeEmitter', () => {
  it('adds, removes, lists and emits exactly like its eventemitter3-based predecessor', () => {
    const error = console.error;
    console.error = () => undefined;
    try {
      fc.assert(
        fc.property(ops, (calls) => {
          expect(run(new Subject(), calls)).toEqual(run(new Reference(), calls));
        }),
        { numRuns: 500 },
      );
    } finally {
      console.error = error;
    }
  });

  it('rejects a listener that is not a function with a TypeError', () => {
    expect(() => new Subject().on('a', 42 as unknown as () => void)).toThrow(TypeError);
  });
});
