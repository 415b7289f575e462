import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isValidAppId } from '../../protocol/index.js';
import { StorageError } from './errors.js';
import type { MediaBody } from './types.js';

/** 18 random bytes = 144 bits, exactly 24 base64url characters: unguessable and safe as a file name. */
const MEDIA_ID_BYTES = 18;
const MEDIA_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newMediaId(): string {
  return randomBytes(MEDIA_ID_BYTES).toString('base64url');
}

export function isValidMediaId(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_ID_PATTERN.test(value);
}

/**
 * Where media bytes live: `<root>/<appId>/<mediaId>`. The only place a media path is built, and only from IDs
 * that passed the strict patterns (no dots, no separators), so no input can escape `root`.
 */
export class MediaFiles {
  readonly tempDir: string;

  constructor(readonly root: string) {
    this.tempDir = path.join(root, '.tmp');
  }

  pathOf(appId: string, mediaId: string): string {
    if (!isValidAppId(appId) || !isValidMediaId(mediaId)) throw new StorageError('INVALID_MEDIA_ID');
    return path.join(this.root, appId, mediaId);
  }

  /** Temp files of writes interrupted by a crash are garbage: clear them at start-up. */
  async clearTemp(): Promise<void> {
    await fsp.rm(this.tempDir, { recursive: true, force: true });
    await fsp.mkdir(this.tempDir, { recursive: true });
  }

  /**
   * Writes the body to a temp file, fsyncs it, renames it into place and fsyncs the folder: the final path
   * holds either nothing or the complete file. Returns the byte count.
   */
  async writeAtomically(appId: string, mediaId: string, body: MediaBody, maxBytes: number): Promise<number> {
    const finalPath = this.pathOf(appId, mediaId);
    const tempPath = path.join(this.tempDir, `${mediaId}.${randomBytes(6).toString('hex')}`);
    const file = await fsp.open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let size = 0;
    try {
      for await (const chunk of chunksOf(body)) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new StorageError('MEDIA_TOO_LARGE', `Limit: ${maxBytes} bytes.`);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close();
      await fsp.rm(tempPath, { force: true });
      throw error;
    }
    await file.close();
    const appDir = path.dirname(finalPath);
    await fsp.mkdir(appDir, { recursive: true });
    await fsp.rename(tempPath, finalPath);
    await syncDir(appDir);
    return size;
  }

  /** Opens before streaming, so a concurrent delete cannot turn a found record into a broken download. */
  async openRead(appId: string, mediaId: string): Promise<Readable | null> {
    try {
      const handle = await fsp.open(this.pathOf(appId, mediaId), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async remove(appId: string, mediaId: string): Promise<void> {
    await fsp.rm(this.pathOf(appId, mediaId), { force: true });
  }
}

async function* chunksOf(body: MediaBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body) {
    if (!(chunk instanceof Uint8Array)) throw new StorageError('INVALID_ARGUMENT', 'Media body chunks must be bytes.');
    yield chunk;
  }
}

/** Makes the rename itself durable (the directory entry), not only the file contents. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
