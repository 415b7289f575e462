/** resignal's own RTM client, the default a legacy session runs on. */
import { createInstance } from '../rtm/client/create-instance.js';
import type { RtmClientFactory } from './rtm-types.js';

/** Without an endpoint the client finds the server itself: `RESIGNAL_URL`, then the page origin. */
export function resignalClientFactory(endpoint: string | undefined): RtmClientFactory {
  return (appId) => createInstance(appId, endpoint === undefined ? {} : { endpoint });
}
