import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { utf8Length } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import type { HttpRoute } from '../http.js';
import type { ResolvedOptions } from '../options.js';
import { RestError, badRequest, newRequestId, sendFailure, sendSuccess } from '../rest/errors.js';
import { isStorageError, isValidMediaId } from '../storage/index.js';
import type { DurableStore } from '../storage/types.js';
import { imageInfo } from './image-size.js';
import { verifyTicket, type TicketHolder } from './tickets.js';

export const MEDIA_PATH = '/media';

/** Bytes read before the store is called: enough for the size fields of JPEG (after EXIF), PNG and BMP headers. */
const SNIFF_BYTES = 256 * 1024;
const MAX_DIMENSION = 1_000_000;

/** How much of a refused body is read and thrown away so the client can read the error; beyond it the connection closes. */
const DISCARD_MAX_BYTES = 1024 * 1024;

function discardBody(req: IncomingMessage, maxBytes: number): Promise<boolean> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (chunk: Buffer): void => {
      seen += chunk.byteLength;
      if (seen > maxBytes) finish(false);
    };
    const finish = (ended: boolean): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onEnd = (): void => finish(true);
    const onError = (): void => finish(false);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.resume();
  });
}

export interface MediaDeps {
  readonly store: DurableStore;
  readonly options: ResolvedOptions;
}

function holderOf(req: IncomingMessage, options: ResolvedOptions): TicketHolder {
  const header = req.headers.authorization;
  const ticket = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : '';
  const holder = ticket === '' ? null : verifyTicket(options.mediaTicketKey, ticket, options.now());
  if (!holder) throw new RestError(401, 'UNAUTHORIZED', 'Send a media ticket (request "media.ticket" over the WebSocket) as Authorization: Bearer <ticket>.');
  return holder;
}

function dimension(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > MAX_DIMENSION) throw badRequest('INVALID_ARGUMENT', `"${name}" must be an integer from 0 to ${MAX_DIMENSION}.`);
  return value;
}

/** The first chunks of the body (up to SNIFF_BYTES), then an iterable that replays them and streams the rest. */
async function peek(req: IncomingMessage): Promise<{ head: Uint8Array; body: AsyncIterable<Uint8Array> }> {
  const iterator = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  async function* body(): AsyncIterable<Uint8Array> {
    yield* chunks;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, body: body() };
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, deps: MediaDeps, requestId: string): Promise<void> {
  const { store, options } = deps;
  const holder = holderOf(req, options);
  const max = options.storeLimits.mediaMaxBytes;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw new RestError(413, 'BODY_TOO_LARGE', `Media are limited to ${max} bytes.`);
  const fileName = url.searchParams.get('fileName') || 'file';
  if (utf8Length(fileName) > LIMITS.messageMaxBytes) throw badRequest('INVALID_ARGUMENT', 'The file name exceeds 32 KB.');
  let width = dimension(url.searchParams, 'width');
  let height = dimension(url.searchParams, 'height');
  const { head, body } = await peek(req);
  if (head.byteLength === 0) throw badRequest('INVALID_ARGUMENT', 'The media is empty.');
  const image = imageInfo(head);
  if (image) {
    width ??= image.width;
    height ??= image.height;
  }
  const given = req.headers['content-type'];
  const mime = image?.mime ?? (typeof given === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(given) ? given : 'application/octet-stream');
  let record;
  try {
    record = await store.putMedia({
      appId: holder.appId,
      owner: holder.uid,
      fileName,
      mime,
      ...(width === undefined ? {} : { width }),
      ...(height === undefined ? {} : { height }),
      body,
    });
  } catch (error) {
    if (isStorageError(error, 'MEDIA_TOO_LARGE')) throw new RestError(413, 'BODY_TOO_LARGE', `Media are limited to ${max} bytes.`);
    if (isStorageError(error, 'INVALID_ARGUMENT')) throw badRequest('INVALID_ARGUMENT', error.message);
    throw error;
  }
  sendSuccess(res, requestId, {
    mediaId: record.mediaId,
    size: record.size,
    fileName: record.fileName,
    mime: record.mime,
    ...(record.width === undefined ? {} : { width: record.width }),
    ...(record.height === undefined ? {} : { height: record.height }),
    expiresAt: record.expiresAt,
  });
}

async function download(req: IncomingMessage, res: ServerResponse, mediaId: string, deps: MediaDeps): Promise<void> {
  const holder = holderOf(req, deps.options);
  // Checked before the store is asked: nothing but 24 base64url characters ever reaches a path.
  const found = isValidMediaId(mediaId) ? await deps.store.openMediaStream(holder.appId, mediaId) : null;
  if (!found) throw new RestError(404, 'NOT_FOUND', 'No such media in this app (unknown, expired or malformed ID).');
  const { media, stream } = found;
  res.writeHead(200, {
    'content-type': media.mime,
    'content-length': media.size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(media.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    stream.destroy();
    res.end();
    return;
  }
  try {
    await pipeline(stream, res);
  } catch {
    // The client went away mid-download (or cancelled it); nothing to answer.
  }
}

/**
 * `POST /media?fileName=…[&width=…&height=…]` uploads (body = the bytes) and `GET /media/<mediaId>` downloads,
 * both authenticated by a media ticket of a logged-in session and confined to its App ID.
 */
export function mediaRoute(deps: MediaDeps): HttpRoute {
  return {
    method: '*',
    path: /^\/media(\/|$)/,
    async handle(req, res, ctx) {
      const requestId = newRequestId();
      const path = ctx.url.pathname;
      try {
        if (path === MEDIA_PATH && req.method === 'POST') return await upload(req, res, ctx.url, deps, requestId);
        const match = /^\/media\/([^/]+)$/.exec(path);
        if (match && (req.method === 'GET' || req.method === 'HEAD')) return await download(req, res, match[1] ?? '', deps);
        throw new RestError(404, 'NOT_FOUND', 'Use POST /media to upload and GET /media/<mediaId> to download.');
      } catch (error) {
        if (!(error instanceof RestError)) ctx.logger.error(`media ${path} failed`, error);
        if (res.headersSent || res.destroyed || req.socket.destroyed) {
          res.destroy();
          return;
        }
        const failure = error instanceof RestError ? error : new RestError(500, 'INTERNAL', 'The server failed while handling the request.');
        // A client still sending its body only reads the answer once it has sent it: discard a bounded rest first.
        const drained = req.readableEnded || (await discardBody(req, DISCARD_MAX_BYTES));
        sendFailure(res, failure, requestId, drained ? {} : { connection: 'close' });
      }
    },
  };
}
