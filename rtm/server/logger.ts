/** The few log calls the server makes; any console-like object fits. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

const noop = (): void => undefined;

/** Wraps `sink` so calls below `level` cost nothing. */
export function leveledLogger(sink: Logger, level: LogLevel): Logger {
  const min = ORDER[level];
  return {
    debug: min <= ORDER.debug ? sink.debug.bind(sink) : noop,
    info: min <= ORDER.info ? sink.info.bind(sink) : noop,
    warn: min <= ORDER.warn ? sink.warn.bind(sink) : noop,
    error: min <= ORDER.error ? sink.error.bind(sink) : noop,
  };
}

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
