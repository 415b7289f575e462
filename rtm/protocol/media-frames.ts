/**
 * Image and file messages of RTM ≤1.4 (rtm-1x.md §8). The bytes are uploaded over HTTP (docs/media.md); the
 * message carries the media ID, the metadata and an optional thumbnail, which travels as the frame's binary
 * attachment like RAW bytes.
 */
export interface WireMediaFields {
  mediaId: string;
  /** Bytes of the uploaded file. */
  size: number;
  fileName: string;
  description: string;
  thumbnail?: Uint8Array;
}

export type WireImageMessage = { type: 'IMAGE'; width: number; height: number; thumbnailWidth: number; thumbnailHeight: number } & WireMediaFields;
export type WireFileMessage = { type: 'FILE' } & WireMediaFields;

/** Requests of the media feature. */
export interface MediaRequestMap {
  /** A short-lived ticket that authenticates HTTP uploads and downloads as this session's user and app. */
  'media.ticket': { params: object; result: { ticket: string; expiresAt: number } };
}
