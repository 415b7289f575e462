import type { WireErrorCode } from '../protocol/errors.js';

/** Thrown by handlers; the dispatcher turns it into an `err` frame with the request id. */
export class WireError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}
