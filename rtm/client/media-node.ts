/**
 * Node-only media helpers (the native SDKs' `createFileMessageByUploading` / `downloadMedia:toFile`): upload
 * from and download to a file path. Kept out of the browser-facing client, which never imports node:fs.
 */
import { openAsBlob } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RtmClient } from './client.js';
import type { FileMessageParams, ImageMessageParams, MediaTransferHandler, RtmFileMessage, RtmImageMessage } from './types.js';

/** Uploads the file at `path` (read from disk as it is sent, never whole in memory); the file name defaults to its base name. */
export async function createMediaMessageByUploadingFile(
  client: RtmClient,
  path: string,
  params: FileMessageParams | ImageMessageParams = {},
  transferHandler?: MediaTransferHandler,
): Promise<RtmFileMessage | RtmImageMessage> {
  const blob = await openAsBlob(path);
  return client.createMediaMessageByUploading(blob, { fileName: basename(path), ...params }, transferHandler);
}

/** Downloads a media to `path`: written next to it first and renamed into place, so `path` is never partial. */
export async function downloadMediaToFile(client: RtmClient, mediaId: string, path: string, transferHandler?: MediaTransferHandler): Promise<void> {
  const blob = await client.downloadMedia(mediaId, transferHandler);
  const partial = `${path}.${process.pid}.part`;
  try {
    await writeFile(partial, new Uint8Array(await blob.arrayBuffer()));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
