/**
 * The deprecation registry, keyed by API-map IDs (after Vue's compatConfig and jQuery Migrate):
 * one warning per ID per process, a mode per ID and globally, a count of every use (silenced ones
 * too), a usage report, and listeners so tests can assert warnings by ID.
 *
 * Runs in browsers: no Node-only APIs; output goes to a pluggable sink (console by default).
 */
import { API_MAP_BY_ID, API_MAP_DOC_PATH, type ApiId, type SupportLevel } from './api-map.js';

/** warn = once per ID; trace = console.trace on every use; silent = count only. */
export type DeprecationMode = 'warn' | 'silent' | 'trace';

export interface DeprecationSink {
  warn(message: string): void;
  trace(message: string): void;
}

export interface DeprecationConfig {
  /** Mode for every ID without its own setting. Default 'warn'. */
  readonly mode?: DeprecationMode;
  /** Per-ID modes; merged into the current ones (set a mode to change it back). */
  readonly ids?: Partial<Record<ApiId, DeprecationMode>>;
  /** Where messages go. Default: console.warn / console.trace. */
  readonly sink?: DeprecationSink;
  /** Prefix of the docs link, e.g. a URL of the published docs. Default 'docs/api-map.md'. */
  readonly docsBase?: string;
}

export interface LegacyWarning {
  readonly id: ApiId;
  readonly message: string;
  readonly mode: Exclude<DeprecationMode, 'silent'>;
  /** Uses of this ID so far, this one included. */
  readonly count: number;
}

export type LegacyWarningListener = (warning: LegacyWarning) => void;

export interface LegacyUsage {
  readonly id: ApiId;
  readonly count: number;
  readonly rtm: string | null;
  readonly support: SupportLevel;
}

// Read console at call time so test spies and late polyfills are honoured.
const consoleSink: DeprecationSink = {
  warn: (message) => globalThis.console?.warn(message),
  trace: (message) => globalThis.console?.trace(message),
};

interface RegistryState {
  mode: DeprecationMode;
  ids: Partial<Record<ApiId, DeprecationMode>>;
  sink: DeprecationSink;
  docsBase: string;
}

function defaults(): RegistryState {
  return { mode: 'warn', ids: {}, sink: consoleSink, docsBase: API_MAP_DOC_PATH };
}

let state = defaults();
const counts = new Map<ApiId, number>();
const warned = new Set<ApiId>();
const listeners = new Set<LegacyWarningListener>();

export function configureDeprecations(config: DeprecationConfig): void {
  state = {
    mode: config.mode ?? state.mode,
    ids: { ...state.ids, ...config.ids },
    sink: config.sink ?? state.sink,
    docsBase: config.docsBase ?? state.docsBase,
  };
}

/** Back to the defaults: mode 'warn' everywhere, console sink, default docs link. Counts are kept. */
export function resetDeprecationConfig(): void {
  state = defaults();
}

export function deprecationMode(id: ApiId): DeprecationMode {
  return state.ids[id] ?? state.mode;
}

/** `[resignal] SIG_X: <warning> See docs/api-map.md#sig_x` */
export function formatLegacyWarning(id: ApiId): string {
  const entry = API_MAP_BY_ID[id];
  return `[resignal] ${id}: ${entry.warning} See ${state.docsBase}${entry.docs}`;
}

/** Record one use of a legacy element and warn as its mode says. */
export function warnLegacy(id: ApiId): void {
  const count = (counts.get(id) ?? 0) + 1;
  counts.set(id, count);
  const mode = deprecationMode(id);
  if (mode === 'silent') return;
  if (mode === 'warn') {
    if (warned.has(id)) return;
    warned.add(id);
  }
  const message = formatLegacyWarning(id);
  if (mode === 'trace') state.sink.trace(message);
  else state.sink.warn(message);
  const warning: LegacyWarning = { id, message, mode, count };
  // Copy: a listener may dispose itself (or others) while being called.
  for (const listener of [...listeners]) listener(warning);
}

/** Called for every warning emitted (not for silenced uses). Returns a disposer. */
export function onLegacyWarning(listener: LegacyWarningListener): () => void {
  // A wrapper per subscription, so the same function subscribed twice is disposed independently.
  const subscription: LegacyWarningListener = (warning) => listener(warning);
  listeners.add(subscription);
  return () => {
    listeners.delete(subscription);
  };
}

export function getLegacyUsageCount(id: ApiId): number {
  return counts.get(id) ?? 0;
}

/** Every ID used so far, most used first (ties by ID, for a stable order). */
export function getLegacyUsageReport(): LegacyUsage[] {
  return [...counts]
    .map(([id, count]) => ({ id, count, rtm: API_MAP_BY_ID[id].rtm, support: API_MAP_BY_ID[id].support }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Forget every count and which IDs already warned, so the next use of each warns again. */
export function resetLegacyUsage(): void {
  counts.clear();
  warned.clear();
}
