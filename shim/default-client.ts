/** resignal's own RTM client, the default a legacy session runs on. */
import AgoraRTM from '../rtm/client/index.js';
import type { RtmClientFactory } from './rtm-types.js';

/** Without an endpoint the client finds the server itself: `RESIGNAL_URL`, then the page origin. */
export function resignalClientFactory(endpoint: string | undefined): RtmClientFactory {
  return (appId) => AgoraRTM.createInstance(appId, endpoint === undefined ? {} : { endpoint });
}
