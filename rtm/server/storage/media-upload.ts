import { isValidAppId } from '../../protocol/index.js';
import { StorageError } from './errors.js';
import { newMediaId, type MediaFiles } from './media-files.js';
import type { MediaInput, MediaRecord } from './types.js';
import { requireCount, requireText, requireTime } from './validate.js';

/**
 * The engine-independent half of `putMedia`: validates the upload, writes its bytes atomically under a fresh
 * unguessable ID and returns the record the store must then persist (removing the file if that fails).
 */
export async function writeMediaUpload(
  files: MediaFiles,
  input: MediaInput,
  now: number,
  limits: { mediaTtlMs: number; mediaMaxBytes: number },
): Promise<MediaRecord> {
  if (!isValidAppId(input.appId)) throw new StorageError('INVALID_MEDIA_ID', 'appId must be 32 letters or digits.');
  requireText('owner', input.owner);
  requireText('fileName', input.fileName);
  requireText('mime', input.mime);
  if (input.width !== undefined) requireCount('width', input.width, 0, 1_000_000);
  if (input.height !== undefined) requireCount('height', input.height, 0, 1_000_000);
  const expiresAt = input.expiresAt ?? now + limits.mediaTtlMs;
  requireTime('expiresAt', expiresAt);
  const mediaId = newMediaId();
  const size = await files.writeAtomically(input.appId, mediaId, input.body, limits.mediaMaxBytes);
  return {
    appId: input.appId,
    mediaId,
    owner: input.owner,
    fileName: input.fileName,
    size,
    mime: input.mime,
    ...(input.width === undefined ? {} : { width: input.width }),
    ...(input.height === undefined ? {} : { height: input.height }),
    createdAt: now,
    expiresAt,
  };
}
