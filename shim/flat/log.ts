/**
 * The flat API's log: native SDKs handed their log lines to `onLog(txt)`. Every shim line goes there; warnings
 * and errors (unsupported features, exceptions thrown by app callbacks) also reach the console, as on Web.
 */
import { LegacyLogger } from '../log.js';

export const FLAT_LOG_PREFIX = 'Agora sig dbg :';

function text(parts: readonly unknown[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part instanceof Error ? `${part.name}: ${part.message}` : safeJson(part)))
    .join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class FlatLogger extends LegacyLogger {
  readonly #sink: (line: string) => void;

  /** `sink` receives each line (the flat API fires onLog with it). */
  constructor(sink: (line: string) => void) {
    super();
    this.#sink = sink;
  }

  override debug(...parts: unknown[]): void {
    this.#sink(`${FLAT_LOG_PREFIX} ${text(parts)}`);
  }

  override info(...parts: unknown[]): void {
    this.#sink(`${FLAT_LOG_PREFIX} ${text(parts)}`);
  }

  override warn(...parts: unknown[]): void {
    this.#sink(`[resignal/shim] ${text(parts)}`);
    super.warn(...parts);
  }

  override error(...parts: unknown[]): void {
    this.#sink(`[resignal/shim] ${text(parts)}`);
    super.error(...parts);
  }
}
