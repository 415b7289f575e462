import type { Logger } from '../../../rtm/server/index.js';

/** A server logger that keeps errors and warnings: a handler failure logged during a fuzz run is a finding. */
export function captureLogger(): Logger & { readonly errors: string[]; readonly warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const text = (message: string, details: unknown[]): string =>
    [message, ...details.map((d) => (d instanceof Error ? (d.stack ?? d.message) : String(d)))].join(' ').slice(0, 2000);
  return {
    errors,
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (message, ...details) => warnings.push(text(message, details)),
    error: (message, ...details) => errors.push(text(message, details)),
  };
}
