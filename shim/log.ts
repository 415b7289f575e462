/**
 * The legacy SDK's logging: debug lines only after `signal.setDoLog(true, level)`, prefixed like 1.4.3
 * ("Agora sig dbg :"); errors thrown by app callbacks always go to `console.error`, as every 1.2+ build did.
 */

export type LegacyLogLevel = 'DEBUG' | 'WARNING' | 'INFO';

const LEVELS: Record<LegacyLogLevel, number> = { DEBUG: 0, WARNING: 1, INFO: 2 };
const PREFIX = 'Agora sig dbg :';

export class LegacyLogger {
  #enabled = false;
  #level = 0;

  /** Returns false (and changes nothing) for an unknown level, as 1.4.3 did. */
  configure(enabled: unknown, level: unknown): boolean {
    const name = level === undefined ? 'DEBUG' : level;
    if (typeof name !== 'string' || !(name in LEVELS)) {
      console.warn(`${PREFIX} setDoLog: unknown level ${String(level)}; use 'DEBUG', 'WARNING' or 'INFO'.`);
      return false;
    }
    this.#enabled = Boolean(enabled);
    this.#level = LEVELS[name as LegacyLogLevel];
    return true;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  debug(...parts: unknown[]): void {
    if (this.#enabled && this.#level <= LEVELS.DEBUG) console.log(PREFIX, ...parts);
  }

  info(...parts: unknown[]): void {
    if (this.#enabled && this.#level <= LEVELS.INFO) console.log(PREFIX, ...parts);
  }

  /** Things an app must hear about even with logging off: unsupported features, emulation limits. */
  warn(...parts: unknown[]): void {
    console.warn('[resignal/shim]', ...parts);
  }

  error(...parts: unknown[]): void {
    console.error(...parts);
  }
}
