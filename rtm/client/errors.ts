/**
 * The RTM 1.x error classes: plain `Error`s told apart by `name`, with a numeric `code` whose meaning depends on
 * the method (rtm-1x.md §2). Message format follows the official SDK: `" Error Code <code> - <text>."`.
 */
export type RtmErrorName =
  | 'RtmInvalidArgumentError'
  | 'RtmInvalidStatusError'
  | 'RtmLimitExceededError'
  | 'RtmTimeoutError'
  | 'RtmUnavailableError'
  | 'RtmUnauthenticatedError'
  | 'RtmUnknownError'
  | 'RtmInvokeTooOftenError'
  | 'RtmInternalError';

export interface RtmErrorOptions {
  serverCode?: string;
  statusCode?: number;
  originalError?: unknown;
}

export class RtmError extends Error {
  override readonly name: RtmErrorName;
  readonly code: number | undefined;
  /** The wire error code the server answered with, when the failure came from the server. */
  readonly serverCode: string | undefined;
  readonly statusCode: number | undefined;
  readonly originalError: unknown;

  constructor(name: RtmErrorName, code: number | undefined, text: string, options: RtmErrorOptions = {}) {
    const prefix = code === undefined ? '' : ` Error Code ${code}${options.serverCode ? `, server Code ${options.serverCode}` : ''} - `;
    super(`${prefix}${text}${text.endsWith('.') ? '' : '.'}`);
    this.name = name;
    this.code = code;
    this.serverCode = options.serverCode;
    this.statusCode = options.statusCode;
    this.originalError = options.originalError;
  }
}

export function isRtmError(value: unknown): value is RtmError {
  return value instanceof RtmError;
}

export const invalidArgument = (code: number | undefined, text: string): RtmError => new RtmError('RtmInvalidArgumentError', code, text);
export const invalidStatus = (code: number | undefined, text: string): RtmError => new RtmError('RtmInvalidStatusError', code, text);
export const limitExceeded = (code: number, text: string): RtmError => new RtmError('RtmLimitExceededError', code, text);
export const timeout = (code: number, text: string): RtmError => new RtmError('RtmTimeoutError', code, text);
export const unavailable = (code: number, text: string, options?: RtmErrorOptions): RtmError => new RtmError('RtmUnavailableError', code, text, options);
