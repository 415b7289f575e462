/** Test helpers: callback traces, waiting, and deprecation warnings collected by ID (unexpected ones fail). */
import { expect } from 'vitest';
import type { ApiId } from '../api-map.js';
import { configureDeprecations, onLegacyWarning, resetDeprecationConfig, resetLegacyUsage } from '../deprecation.js';
import { SESSION_CALLBACKS, SILENT_SESSION_CALLBACKS } from '../session.js';

export type Trace = unknown[][];

/** The session callbacks a trace records: not the never-firing ones, whose assignment alone counts as a use. */
export const TRACED_SESSION_CALLBACKS: readonly string[] = SESSION_CALLBACKS.filter((name) => !(SILENT_SESSION_CALLBACKS as readonly string[]).includes(name));

/** Assigns every named callback property of `target` to a recorder pushing `[label.name, ...args]`. */
export function record(trace: Trace, label: string, target: object, names: readonly string[]): void {
  for (const name of names) {
    (target as Record<string, unknown>)[name] = (...args: unknown[]) => {
      trace.push([`${label}.${name}`, ...args]);
    };
  }
}

export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Traces entries whose label starts with `prefix`. */
export const only = (trace: Trace, prefix: string): Trace => trace.filter((entry) => String(entry[0]).startsWith(prefix));

export class WarningLog {
  readonly ids = new Set<ApiId>();
  #dispose: (() => void) | null = null;

  start(): void {
    resetLegacyUsage();
    configureDeprecations({ mode: 'warn', sink: { warn: () => undefined, trace: () => undefined } });
    this.ids.clear();
    this.#dispose = onLegacyWarning((warning) => this.ids.add(warning.id));
  }

  stop(): void {
    this.#dispose?.();
    this.#dispose = null;
    resetDeprecationConfig();
  }

  /** Exactly these IDs warned since start(): a missing one or an unexpected one fails. */
  expectExactly(ids: readonly ApiId[]): void {
    expect([...this.ids].sort()).toEqual([...new Set(ids)].sort());
  }
}
