/** `session.getStatus()` values and the legacy globals that name them (1.2.1+ builds). */
export const LOGIN_STATE_NOT_LOGIN = 0;
export const LOGIN_STATE_LOGINING = 1;
export const LOGIN_STATE_LOGINED = 2;
export const LOGIN_STATE_RECONNECTING = 3;

export type LoginState =
  | typeof LOGIN_STATE_NOT_LOGIN
  | typeof LOGIN_STATE_LOGINING
  | typeof LOGIN_STATE_LOGINED
  | typeof LOGIN_STATE_RECONNECTING;

export type ChannelState = 'joining' | 'joined' | 'leaved';

/** The Web SDK version this shim reproduces, as `getSDKVersion()` and the `SIGNALING_SDK_VERSION` global report it. */
export const SIGNALING_SDK_VERSION = '1.4.3';
export const SIGNALING_SDK_VERSION_INT = 1010403000;
