import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep, isAbsolute } from 'node:path';
import { sendJsonError } from '../http.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A plain file name: letters, digits, `-`, `_` and dots between them; no separators, no `..`. */
const SAFE_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

export interface StaticFile {
  /** Folder the file lives in. */
  readonly dir: string;
  /** File name inside `dir` (checked against SAFE_NAME and kept inside `dir`). */
  readonly name: string;
  readonly cacheControl: string;
  /** Shown in the 404 when the file is missing (e.g. "run npm run build"). */
  readonly missingHint?: string;
}

function insideDir(dir: string, name: string): string | null {
  if (!SAFE_NAME.test(name)) return null;
  const path = join(dir, name);
  const rel = relative(dir, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) ? null : path;
}

function notModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(mtime.getTime() / 1000) <= Math.floor(time / 1000);
}

/** Only GET and HEAD read files; anything else gets 405 with `Allow`. Returns false when it answered. */
export function allowRead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.setHeader('allow', 'GET, HEAD');
  sendJsonError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method ?? ''} is not allowed here; use GET or HEAD.`);
  return false;
}

/**
 * Sends one file with its content type, an ETag and Last-Modified (answering 304 to a matching conditional
 * request), the given Cache-Control and nosniff. HEAD gets the headers only.
 */
export async function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): Promise<void> {
  if (!allowRead(req, res)) return;
  const path = insideDir(file.dir, file.name);
  const type = CONTENT_TYPES[extname(file.name).toLowerCase()];
  if (!path || !type) {
    sendJsonError(res, 404, 'NOT_FOUND', 'No such file.');
    return;
  }
  let info;
  try {
    info = await stat(path);
  } catch {
    info = null;
  }
  if (!info?.isFile()) {
    sendJsonError(res, 404, 'NOT_FOUND', `${file.name} is not available${file.missingHint ? `: ${file.missingHint}` : '.'}`);
    return;
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': type,
    'cache-control': file.cacheControl,
    etag,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (notModified(req, etag, info.mtime)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}
