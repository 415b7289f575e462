import { hrtimeMs } from '../servers/control.js';

/** A message body of exactly `bytes` ASCII characters that starts with its send time (hrtime, ms). */
export function stampedBody(bytes: number): string {
  const stamp = `${hrtimeMs().toFixed(4)}|`;
  return stamp.padEnd(bytes, 'x');
}

/** Milliseconds since the body was stamped; both ends read the same machine-wide monotonic clock. */
export function ageOf(body: string): number {
  return hrtimeMs() - Number.parseFloat(body.slice(0, body.indexOf('|')));
}
