/**
 * resignal's RTM 1.x client: the `AgoraRTM` namespace of the official Web SDK (agora-rtm-sdk 1.6.0),
 * talking to a resignal server.
 */
import { createInstance } from './create-instance.js';
import * as RtmStatusCode from './enums.js';
import type { LogFilterType } from './types.js';

export const VERSION = '1.6.0';
export const BUILD = 'resignal-0.1.0';
export const END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';

export const LOG_FILTER_OFF: LogFilterType = { error: false, warn: false, info: false, track: false, debug: false };
export const LOG_FILTER_ERROR: LogFilterType = { error: true, warn: false, info: false, track: false, debug: false };
export const LOG_FILTER_WARNING: LogFilterType = { error: true, warn: true, info: false, track: false, debug: false };
export const LOG_FILTER_INFO: LogFilterType = { error: true, warn: true, info: true, track: false, debug: false };
export const LOG_FILTER_DEBUG: LogFilterType = { error: true, warn: true, info: true, track: true, debug: true };

const AREA_CODES = new Set<string>(Object.values(RtmStatusCode.AreaCode));

/** Accepted for compatibility; a self-hosted deployment has no Agora regions, so it only validates. */
export function setArea(areaConfig: { areaCodes: RtmStatusCode.AreaCode[]; excludedArea?: RtmStatusCode.AreaCode }): void {
  const { areaCodes, excludedArea } = areaConfig;
  if (!Array.isArray(areaCodes) || areaCodes.length === 0 || !areaCodes.every((c) => AREA_CODES.has(c))) {
    throw new RtmStatusCodeError('Invalid area config.');
  }
  if (excludedArea === RtmStatusCode.AreaCode.GLOBAL) throw new RtmStatusCodeError('Excluded area cannot be global.');
  if (excludedArea !== undefined && areaCodes.includes(excludedArea)) throw new RtmStatusCodeError('Excluded area cannot be in areaCodes.');
}

class RtmStatusCodeError extends Error {
  override readonly name = 'RtmInvalidArgumentError';
}

export const {
  ConnectionChangeReason,
  ConnectionState,
  LocalInvitationFailureReason,
  LocalInvitationState,
  RemoteInvitationState,
  RemoteInvitationFailureReason,
  MessageType,
  PeerOnlineState,
  PeerSubscriptionOption,
  AreaCode,
  LegacyAreaCode,
} = RtmStatusCode;

export { createInstance, RtmStatusCode };
export { RtmClient, type RtmClientEvents, type SendMessageOptions } from './client.js';
export { RtmChannel, type RtmChannelEvents } from './channel.js';
export { RtmMetadataItem, type RtmMetadata, type RtmMetadataOptions } from './metadata.js';
export { LocalInvitation, RemoteInvitation, type LocalInvitationEvents, type RemoteInvitationEvents } from './invitations.js';
export { RtmError, type RtmErrorName } from './errors.js';
export type * from './types.js';

const AgoraRTM = {
  createInstance,
  setArea,
  VERSION,
  BUILD,
  END_CALL_PREFIX,
  LOG_FILTER_OFF,
  LOG_FILTER_ERROR,
  LOG_FILTER_WARNING,
  LOG_FILTER_INFO,
  LOG_FILTER_DEBUG,
  // Every enum object also sits on the namespace itself (AgoraRTM.ConnectionState, …), as in the official SDK.
  ...RtmStatusCode,
  RtmStatusCode,
} as const;

export default AgoraRTM;
export type * as RtmEvents from './events.js';
