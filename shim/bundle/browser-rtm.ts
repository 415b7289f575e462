/** Entry of dist/browser/resignal-rtm.js: the global `AgoraRTM`, defaulting to the server that served the file. */
import AgoraRTM from '../../rtm/client/index.js';
import { scriptOriginEndpoint } from './script-origin.js';

const endpoint = scriptOriginEndpoint();
const createInstance: typeof AgoraRTM.createInstance = (appId, config = {}, areaCodes) =>
  AgoraRTM.createInstance(appId, endpoint === undefined || config.endpoint !== undefined ? config : { ...config, endpoint }, areaCodes);

export default { ...AgoraRTM, createInstance };
