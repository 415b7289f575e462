import type { IncomingMessage } from 'node:http';
import { RestError, badRequest } from './errors.js';

/** Bytes of an oversized body read and thrown away so the client gets to read the 413; past this the socket closes. */
const DISCARD_MAX_BYTES = 1024 * 1024;

/**
 * Reads a JSON object body of at most `maxBytes`. A declared length over the limit fails before anything is
 * read; a chunked body over it is read on (and discarded) up to 1 MB more so the client sees the answer.
 */
export function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const tooLarge = (): RestError => new RestError(413, 'BODY_TOO_LARGE', `The request body exceeds ${maxBytes} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes + DISCARD_MAX_BYTES) finish(tooLarge());
    };
    const onEnd = (): void => {
      if (size > maxBytes) return finish(tooLarge());
      try {
        finish(null, parseObject(Buffer.concat(chunks)));
      } catch (error) {
        finish(error as RestError);
      }
    };
    const onError = (): void => finish(badRequest('BAD_REQUEST', 'The request body could not be read.'));
    const finish = (error: RestError | null, value?: Record<string, unknown>): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(value ?? {});
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function parseObject(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badRequest('BAD_REQUEST', 'The body is not valid UTF-8 JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('BAD_REQUEST', 'The body must be a JSON object.');
  return value as Record<string, unknown>;
}
