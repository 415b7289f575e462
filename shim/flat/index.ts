/**
 * resignal/shim/flat: the native flat Signaling API (iOS `AgoraAPI`, Android `AgoraAPIOnlySignal`, C++
 * `IAgoraAPI`) on the RTM 1.x client.
 *
 *   import AgoraAPI from 'resignal/shim/flat';
 *   const api = AgoraAPI.getInstance(appId);
 *   api.onLoginSuccess = (uid, fd) => …;     // or api.callbackSet({ onLoginSuccess(uid, fd) { … } })
 *   api.login2(appId, account, token, 0, '', 30, 3);
 */
import { configure, createAgoraSDKInstance, FLAT_CONSTRUCTORS, getInstance, type FlatConstructor } from './factory.js';
import { restChannelSender } from './rest-sender.js';
import type { FlatOptions } from './types.js';

/** The default export: every constructor name of the native SDKs (built from the API map), configure, the REST sender. */
export interface AgoraAPINamespace {
  getInstance: typeof getInstance;
  createAgoraSDKInstance: typeof createAgoraSDKInstance;
  /** iOS `[AgoraAPI getInstanceWithoutMedia:appId]`: the shared instance. */
  getInstanceWithoutMedia: FlatConstructor;
  /** C++ `getAgoraSDKInstanceCPP()`: the shared instance. */
  getAgoraSDKInstanceCPP: FlatConstructor;
  getAgoraSDKInstance: FlatConstructor;
  /** iOS 1.4.0 `createSigInstance:`: a new instance. */
  createSigInstance: FlatConstructor;
  /** C++ `createAgoraSDKInstanceCPP()`: a new instance. */
  createAgoraSDKInstanceCPP: FlatConstructor;
  configure(options: FlatOptions): void;
  restChannelSender: typeof restChannelSender;
}

/** The constructors come from the API map at run time; index.test.ts checks they match this declaration. */
const AgoraAPI = Object.freeze({ ...FLAT_CONSTRUCTORS, getInstance, createAgoraSDKInstance, configure, restChannelSender }) as AgoraAPINamespace;

export default AgoraAPI;
export { AgoraAPI };
export { configure, createAgoraSDKInstance, FLAT_CONSTRUCTORS, getInstance, type AgoraAPI as AgoraAPIObject, type FlatConstructor } from './factory.js';
export { FlatApi } from './agora-api.js';
export { restChannelSender, type RestChannelSenderOptions } from './rest-sender.js';
export { DEFAULT_RETRY_COUNT, DEFAULT_RETRY_TIME_S } from './retry-policy.js';
export type * from './types.js';
export * from '../errors.js';
export { LOGIN_STATE_LOGINED, LOGIN_STATE_LOGINING, LOGIN_STATE_NOT_LOGIN, LOGIN_STATE_RECONNECTING, type LoginState } from '../status.js';
export {
  configureDeprecations,
  getLegacyUsageCount,
  getLegacyUsageReport,
  onLegacyWarning,
  resetDeprecationConfig,
  resetLegacyUsage,
} from '../deprecation.js';
