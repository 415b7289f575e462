/**
 * Stand-in for `../token-renewal.ts` in resignal-signal.js only (scripts/build-browser.mjs swaps it in): the legacy
 * shim never renews tokens (a legacy session logs in again), so `renewToken` fails clearly there.
 */
import type { Connection } from '../connection.js';
import { unavailable } from '../errors.js';
import type { renewToken as fullRenewToken } from '../token-renewal.js';

export const renewToken: typeof fullRenewToken = (_connection: Connection, _token: unknown) =>
  Promise.reject(unavailable(1, 'renewToken is not part of resignal-signal.js; use resignal-rtm.js'));
