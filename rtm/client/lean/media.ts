/**
 * Stand-in for `../media.ts` in resignal-signal.js only (scripts/build-browser.mjs swaps it in): there the client
 * serves the legacy shim alone, which sends and receives text, so the upload/download code would be dead weight.
 * Typed against the real class, so a change to its surface fails `tsc` here instead of at run time.
 */
import type { Connection } from '../connection.js';
import { unavailable } from '../errors.js';
import type { MediaTransfers as FullMediaTransfers } from '../media.js';

type PublicSurface<T> = { [K in keyof T]: T[K] };

const notInThisBuild = (): Promise<never> =>
  Promise.reject(unavailable(1, 'Media messages are not part of resignal-signal.js; use resignal-rtm.js'));

export class MediaTransfers implements PublicSurface<FullMediaTransfers> {
  constructor(_connection: Connection) {}

  upload: FullMediaTransfers['upload'] = notInThisBuild;
  download: FullMediaTransfers['download'] = notInThisBuild;

  reset(): void {}
}
