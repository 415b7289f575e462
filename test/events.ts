/** Helpers to await events in tests without timing assertions: every wait has a generous deadline. */

/** Any emitter; typed loosely so the typed `on` overloads of RTM and legacy objects all fit. */
interface Listenable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: any, listener: any): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: any, listener: any): unknown;
}

export function nextEvent<T extends unknown[] = unknown[]>(emitter: Listenable, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`timed out waiting for "${event}"`));
    }, timeoutMs);
    const listener = (...args: never[]): void => {
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args as unknown as T);
    };
    emitter.on(event, listener);
  });
}

/** Records every occurrence of the given events as `[event, ...args]`, in order. */
export function recordEvents(emitter: Listenable, events: string[]): { trace: unknown[][]; stop(): void } {
  const trace: unknown[][] = [];
  const listeners = events.map((event) => {
    const listener = (...args: never[]): void => {
      trace.push([event, ...(args as unknown[])]);
    };
    emitter.on(event, listener);
    return [event, listener] as const;
  });
  return {
    trace,
    stop() {
      for (const [event, listener] of listeners) emitter.off(event, listener);
    },
  };
}

export async function waitUntil(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls an async check until it returns true. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
