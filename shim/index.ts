/**
 * resignal/shim: the legacy Signaling Web API (SDK 1.4.3) on the RTM 1.x client.
 * `import Signal from 'resignal/shim'`, then use it exactly like `AgoraSig-1.x.js`.
 */
import { Signal } from './signal.js';

export default Signal;
export { Signal, Signal_ } from './signal.js';
export { Session } from './session.js';
export { Channel } from './channel.js';
export { Call } from './call.js';
export * from './errors.js';
export {
  LOGIN_STATE_LOGINED,
  LOGIN_STATE_LOGINING,
  LOGIN_STATE_NOT_LOGIN,
  LOGIN_STATE_RECONNECTING,
  SIGNALING_SDK_VERSION,
  SIGNALING_SDK_VERSION_INT,
  type ChannelState,
  type LoginState,
} from './status.js';
export {
  configureDeprecations,
  deprecationMode,
  getLegacyUsageCount,
  getLegacyUsageReport,
  onLegacyWarning,
  resetDeprecationConfig,
  resetLegacyUsage,
  type DeprecationConfig,
  type DeprecationMode,
  type LegacyUsage,
  type LegacyWarning,
} from './deprecation.js';
export type * from './legacy-types.js';
export type * from './rtm-types.js';
