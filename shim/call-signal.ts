/**
 * Call signals: what a legacy Call tells its peer that RTM invitations cannot express, sent as peer messages.
 * - A hang-up (a legacy `channelInviteEnd` after the call was accepted, or by the callee) uses RTM's own legacy
 *   end-call text, `AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>`, which native RTM apps
 *   understand too; when the channel or extra contains `_` (which that format cannot carry) it falls back to a
 *   resignal-reserved prefix followed by JSON.
 * - An in-call message (legacy `channelInviteDTMF`, wire `voip_invite_msg`) has no RTM text, so it always uses a
 *   resignal-reserved prefix followed by JSON; the peer's Call gets `onInviteMsg(extra)`.
 * All are consumed by the shim and never reach `onMessageInstantReceive`.
 */
import { CALL_SIGNAL_TEXT } from './api-map.js';

// From the API map's table, which the codemod's emitted helpers use too.
export const CALL_SIGNAL_PREFIX = CALL_SIGNAL_TEXT.endPrefix;
export const CALL_MESSAGE_PREFIX = CALL_SIGNAL_TEXT.messagePrefix;
export const RTM_END_CALL_PREFIX = CALL_SIGNAL_TEXT.rtmEndCallPrefix;

export interface CallSignal {
  /** `end` → the peer's onInviteEndByPeer(extra); `message` → the peer's onInviteMsg(extra). */
  kind: 'end' | 'message';
  channel: string;
  extra: string;
}

export function encodeCallSignal(signal: CallSignal): string {
  const json = JSON.stringify({ channel: signal.channel, extra: signal.extra });
  if (signal.kind === 'message') return CALL_MESSAGE_PREFIX + json;
  if (!signal.channel.includes('_') && !signal.extra.includes('_')) return `${RTM_END_CALL_PREFIX}_${signal.channel}_${signal.extra}`;
  return CALL_SIGNAL_PREFIX + json;
}

function parseReserved(kind: CallSignal['kind'], json: string): CallSignal | 'drop' {
  try {
    const value = JSON.parse(json) as { channel?: unknown; extra?: unknown } | null;
    if (typeof value?.channel === 'string' && typeof value.extra === 'string') return { kind, channel: value.channel, extra: value.extra };
  } catch {
    // fall through: reserved but unreadable
  }
  return 'drop';
}

/** The call signal a peer message carries, `null` for an ordinary message, `'drop'` for a malformed reserved one. */
export function parseCallSignal(text: string): CallSignal | 'drop' | null {
  if (text.startsWith(CALL_SIGNAL_PREFIX)) return parseReserved('end', text.slice(CALL_SIGNAL_PREFIX.length));
  if (text.startsWith(CALL_MESSAGE_PREFIX)) return parseReserved('message', text.slice(CALL_MESSAGE_PREFIX.length));
  if (text.startsWith(`${RTM_END_CALL_PREFIX}_`)) {
    const parts = text.split('_');
    return parts.length === 3 ? { kind: 'end', channel: parts[1] ?? '', extra: parts[2] ?? '' } : 'drop';
  }
  return null;
}

/** The `extra` of a legacy DTMF in-call message, exactly as the Web SDK built it. */
export function dtmfExtra(dtmf: unknown): string {
  return JSON.stringify({ msgtype: CALL_SIGNAL_TEXT.dtmfType, msgdata: dtmf });
}

/** `msgType` / `msgData` of an in-call message's extra, as the native SDKs passed them to onInviteMsg. */
export function inviteMessageParts(extra: string): { msgType: string; msgData: string } {
  try {
    const value = JSON.parse(extra) as { msgtype?: unknown; msgdata?: unknown } | null;
    const text = (part: unknown): string => (part === undefined || part === null ? '' : typeof part === 'string' ? part : JSON.stringify(part));
    return { msgType: text(value?.msgtype), msgData: text(value?.msgdata) };
  } catch {
    return { msgType: '', msgData: '' };
  }
}
