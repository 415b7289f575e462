/**
 * Image and file transfers of RTM ≤1.4 (`createMediaMessageByUploading`, `downloadMedia`): HTTP uploads and
 * downloads against the server's `/media` endpoints, authenticated by a ticket the session gets over the
 * WebSocket (docs/media.md). Browser-safe: fetch, Blob, streams, and XMLHttpRequest for upload progress.
 */
import { NoReplyError, WireError, type Connection } from './connection.js';
import { ConnectionState } from './enums.js';
import { RtmError, invalidArgument, invalidStatus, limitExceeded } from './errors.js';
import { toHttpBaseUrl } from './endpoint.js';
import type { FileMessageParams, ImageMessageParams, MediaTransferHandler, RtmFileMessage, RtmImageMessage } from './types.js';

/** RTM 1.4 limits: ≤30 MB per file, ≤9 transfers at a time per client. */
export const MEDIA_MAX_BYTES = 30 * 1024 * 1024;
export const MEDIA_CONCURRENT_TRANSFERS = 9;
const TICKET_MARGIN_MS = 30_000;

/** Error codes of the RTM 1.4 UploadMediaError / DownloadMediaError enums. */
export const MEDIA_ERROR = {
  FAILURE: 1,
  INVALID_ARGUMENT: 2,
  TIMEOUT: 3,
  /** Upload: over 30 MB. Download: the media does not exist (or expired, or belongs to another app). */
  SIZE_OVERSIZED_OR_NOT_EXIST: 4,
  CONCURRENCY_LIMIT_EXCEEDED: 5,
  INTERRUPTED: 6,
  NOT_LOGGED_IN: 102,
} as const;

interface UploadAnswer {
  mediaId: string;
  size: number;
  width?: number;
  height?: number;
}

interface FailureBody {
  code?: string;
  message?: string;
}

type MediaParams = ImageMessageParams | FileMessageParams;

const canceled = (reason: unknown): RtmError =>
  new RtmError('RtmUnknownError', MEDIA_ERROR.INTERRUPTED, 'The media transfer was canceled', { originalError: reason });

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

export class MediaTransfers {
  #active = 0;
  #ticket: { value: string; expiresAt: number } | undefined;

  constructor(private readonly connection: Connection) {}

  async upload(payload: Blob, params: MediaParams = {}, handler: MediaTransferHandler = {}): Promise<RtmImageMessage | RtmFileMessage> {
    if (!(payload instanceof Blob)) throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, 'The payload must be a Blob');
    if (typeof params !== 'object' || params === null) throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, 'Invalid media message parameters');
    if (payload.size === 0) throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, 'The payload is empty');
    if (payload.size > MEDIA_MAX_BYTES) throw limitExceeded(MEDIA_ERROR.SIZE_OVERSIZED_OR_NOT_EXIST, 'The file size is over the 30MB limit');
    const image = params as ImageMessageParams;
    for (const key of ['width', 'height', 'thumbnailWidth', 'thumbnailHeight'] as const) {
      const value = image[key];
      if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, `Invalid ${key}`);
    }
    const fileName = params.fileName ?? (payload as Blob & { name?: unknown }).name;
    const query = new URLSearchParams();
    if (typeof fileName === 'string' && fileName !== '') query.set('fileName', fileName);
    if (image.width !== undefined) query.set('width', String(image.width));
    if (image.height !== undefined) query.set('height', String(image.height));
    const answer = await this.#run(handler, async (ticket, signal) => {
      const url = `${this.#baseUrl()}/media?${query.toString()}`;
      return uploadBody(url, ticket, payload, signal, handler);
    });
    // Without an explicit messageType: an image when it looks like one (MIME type, given or detected size).
    const isImage =
      params.messageType === 'IMAGE' ||
      (params.messageType === undefined && (payload.type.startsWith('image/') || image.width !== undefined || answer.width !== undefined));
    const common = {
      mediaId: answer.mediaId,
      size: answer.size,
      fileName: typeof fileName === 'string' ? fileName : '',
      description: params.description ?? '',
      thumbnail: params.thumbnail,
    };
    if (!isImage) return { ...common, messageType: 'FILE' };
    return {
      ...common,
      width: image.width ?? answer.width ?? 0,
      height: image.height ?? answer.height ?? 0,
      thumbnailWidth: image.thumbnailWidth ?? 0,
      thumbnailHeight: image.thumbnailHeight ?? 0,
      messageType: 'IMAGE',
    };
  }

  async download(mediaId: string, handler: MediaTransferHandler = {}): Promise<Blob> {
    if (typeof mediaId !== 'string' || mediaId === '') throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, 'Invalid mediaId');
    return this.#run(handler, async (ticket, signal) => {
      const response = await fetch(`${this.#baseUrl()}/media/${encodeURIComponent(mediaId)}`, { headers: { authorization: `Bearer ${ticket}` }, signal });
      if (!response.ok) throw await httpFailure(response, 'download');
      const totalSize = Number(response.headers.get('content-length') ?? 0);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let currentSize = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (let next = await reader.read(); !next.done; next = await reader.read()) {
          chunks.push(next.value);
          currentSize += next.value.byteLength;
          handler.onOperationProgress?.({ currentSize, totalSize });
        }
      }
      return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
    });
  }

  /** The shared part of both directions: login state, the 9-transfer limit, cancel, ticket, error mapping. */
  async #run<T>(handler: MediaTransferHandler, transfer: (ticket: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.connection.state !== ConnectionState.CONNECTED) throw invalidStatus(MEDIA_ERROR.NOT_LOGGED_IN, 'The client is not logged in');
    const cancel = handler.cancelSignal;
    if (cancel !== undefined && !(cancel instanceof AbortSignal)) throw invalidArgument(MEDIA_ERROR.INVALID_ARGUMENT, 'cancelSignal must be an AbortSignal');
    if (this.#active >= MEDIA_CONCURRENT_TRANSFERS) {
      throw limitExceeded(MEDIA_ERROR.CONCURRENCY_LIMIT_EXCEEDED, `At most ${MEDIA_CONCURRENT_TRANSFERS} media transfers at a time`);
    }
    if (cancel?.aborted) throw canceled(cancel.reason);
    this.#active++;
    const controller = new AbortController();
    const onCancel = (): void => controller.abort(cancel?.reason);
    cancel?.addEventListener('abort', onCancel, { once: true });
    try {
      const ticket = await this.#getTicket();
      if (controller.signal.aborted) throw canceled(cancel?.reason);
      return await transfer(ticket, controller.signal);
    } catch (error) {
      if (error instanceof RtmError) throw error;
      if (controller.signal.aborted) throw canceled(cancel?.reason ?? error);
      if (error instanceof NoReplyError) throw new RtmError('RtmTimeoutError', MEDIA_ERROR.TIMEOUT, 'Getting a media ticket timed out');
      throw new RtmError('RtmUnavailableError', MEDIA_ERROR.FAILURE, 'Media transfer failure', { originalError: error });
    } finally {
      cancel?.removeEventListener('abort', onCancel);
      this.#active--;
    }
  }

  async #getTicket(): Promise<string> {
    const cached = this.#ticket;
    if (cached && cached.expiresAt - TICKET_MARGIN_MS > Date.now()) return cached.value;
    try {
      const { ticket, expiresAt } = await this.connection.request('media.ticket', {});
      // The server's clock may differ: keep the ticket for its lifetime as seen from here.
      this.#ticket = { value: ticket, expiresAt: Date.now() + Math.max(0, expiresAt - Date.now()) };
      return ticket;
    } catch (error) {
      if (error instanceof WireError) throw new RtmError('RtmUnavailableError', MEDIA_ERROR.FAILURE, 'The server refused a media ticket', { serverCode: error.code, originalError: error });
      throw error;
    }
  }

  #baseUrl(): string {
    return toHttpBaseUrl(this.connection.currentUrl);
  }

  /** Forget the ticket when the session ends (a new login gets a new one). */
  reset(): void {
    this.#ticket = undefined;
  }
}

async function httpFailure(response: Response, direction: 'upload' | 'download'): Promise<RtmError> {
  let body: FailureBody = {};
  try {
    body = (await response.json()) as FailureBody;
  } catch {
    // not JSON: the status says enough
  }
  const options = { ...(body.code ? { serverCode: body.code } : {}), statusCode: response.status };
  if (response.status === 413) return new RtmError('RtmLimitExceededError', MEDIA_ERROR.SIZE_OVERSIZED_OR_NOT_EXIST, 'The file size is over the 30MB limit', options);
  if (response.status === 404 && direction === 'download') return new RtmError('RtmUnavailableError', MEDIA_ERROR.SIZE_OVERSIZED_OR_NOT_EXIST, 'The media does not exist', options);
  if (response.status === 400) return new RtmError('RtmInvalidArgumentError', MEDIA_ERROR.INVALID_ARGUMENT, body.message ?? 'Invalid media request', options);
  return new RtmError('RtmUnavailableError', MEDIA_ERROR.FAILURE, `Media ${direction} failure (HTTP ${response.status})`, options);
}

async function uploadBody(url: string, ticket: string, payload: Blob, signal: AbortSignal, handler: MediaTransferHandler): Promise<UploadAnswer> {
  const totalSize = payload.size;
  const type = payload.type || 'application/octet-stream';
  if (!isNode() && typeof XMLHttpRequest === 'function') return uploadWithXhr(url, ticket, payload, type, signal, handler);
  const counted = countedStream(payload, (currentSize) => handler.onOperationProgress?.({ currentSize, totalSize }));
  const init = { method: 'POST', headers: { authorization: `Bearer ${ticket}`, 'content-type': type }, body: counted, signal, duplex: 'half' };
  const response = await fetch(url, init);
  if (!response.ok) throw await httpFailure(response, 'upload');
  return (await response.json()) as UploadAnswer;
}

const SLICE_BYTES = 64 * 1024;

/** The blob as a pull stream of ≤64 KB slices, reporting the bytes handed out: progress as fetch consumes them. */
function countedStream(payload: Blob, progress: (currentSize: number) => void): ReadableStream<Uint8Array> {
  const reader = payload.stream().getReader();
  let pending: Uint8Array | undefined;
  let currentSize = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!pending || pending.byteLength === 0) {
        const next = await reader.read();
        if (next.done) return controller.close();
        pending = next.value;
      }
      const slice = pending.subarray(0, SLICE_BYTES);
      pending = pending.subarray(slice.byteLength);
      currentSize += slice.byteLength;
      controller.enqueue(slice);
      progress(currentSize);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Browsers cannot stream request bodies over HTTP/1.1; XMLHttpRequest reports upload progress instead. */
function uploadWithXhr(url: string, ticket: string, payload: Blob, type: string, signal: AbortSignal, handler: MediaTransferHandler): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${ticket}`);
    xhr.setRequestHeader('content-type', type);
    xhr.upload.onprogress = (event) => handler.onOperationProgress?.({ currentSize: event.loaded, totalSize: payload.size });
    const onAbort = (): void => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.onabort = () => reject(canceled(signal.reason));
    xhr.onerror = () => reject(new RtmError('RtmUnavailableError', MEDIA_ERROR.FAILURE, 'Media upload failure'));
    xhr.onload = () => {
      signal.removeEventListener('abort', onAbort);
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status === 200) resolve(response.json() as Promise<UploadAnswer>);
      else void httpFailure(response, 'upload').then(reject);
    };
    xhr.send(payload);
  });
}
