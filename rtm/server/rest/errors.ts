import type { ServerResponse } from 'node:http';
import type { WireErrorCode } from '../../protocol/errors.js';

/** A REST failure: the HTTP status and the wire code of the JSON error body. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export const badRequest = (code: WireErrorCode, message: string): RestError => new RestError(400, code, message);

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** `{"result":"failure","code":…,"message":…,"request_id":…}` with the given status. */
export function sendFailure(res: ServerResponse, error: RestError, requestId: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ result: 'failure', code: error.code, message: error.message, request_id: requestId });
  res.writeHead(error.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendSuccess(res: ServerResponse, requestId: string, body: object): void {
  const text = JSON.stringify({ result: 'success', request_id: requestId, ...body });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
