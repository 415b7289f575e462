/**
 * Stand-in for `../metadata-api.ts` in resignal-signal.js only (scripts/build-browser.mjs swaps it in): the legacy
 * shim has no metadata, so nothing is ever subscribed and every call fails clearly. Typed against the real class,
 * so a change to its surface fails `tsc` here instead of at run time.
 */
import type { Connection } from '../connection.js';
import { unavailable } from '../errors.js';
import type { MetadataApi as FullMetadataApi } from '../metadata-api.js';

export { toRtmMetadata } from '../metadata-api.js';

type PublicSurface<T> = { [K in keyof T]: T[K] };

const notInThisBuild = (): Promise<never> =>
  Promise.reject(unavailable(1, 'Metadata is not part of resignal-signal.js; use resignal-rtm.js'));

export class MetadataApi implements PublicSurface<FullMetadataApi> {
  constructor(_connection: () => Connection) {}

  write: FullMetadataApi['write'] = notInThisBuild;
  getUser: FullMetadataApi['getUser'] = notInThisBuild;
  getChannel: FullMetadataApi['getChannel'] = notInThisBuild;
  subscribe: FullMetadataApi['subscribe'] = notInThisBuild;
  unsubscribe: FullMetadataApi['unsubscribe'] = notInThisBuild;

  isSubscribed(): boolean {
    return false;
  }

  resubscribe(): void {}

  reset(): void {}
}
