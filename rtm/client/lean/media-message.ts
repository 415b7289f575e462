/**
 * Stand-in for `../media-message.ts` in resignal-signal.js only (scripts/build-browser.mjs swaps it in): the legacy
 * shim sends text, so sending an image or file message fails clearly there; received ones keep their full form.
 */
import { unavailable, type RtmError } from '../errors.js';
import type { toMediaWire as fullToMediaWire } from '../media-message.js';

export { fromMediaWire } from '../media-message.js';

export const toMediaWire: typeof fullToMediaWire = (): Promise<RtmError> =>
  Promise.resolve(unavailable(1, 'Media messages are not part of resignal-signal.js; use resignal-rtm.js'));
