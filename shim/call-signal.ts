/**
 * Hang-ups RTM invitations cannot express (a legacy `channelInviteEnd` after the call was accepted, or by the
 * callee) travel as peer messages. The shim uses RTM's own legacy end-call text,
 * `AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>`, which native RTM apps understand too; when
 * the channel or extra contains `_` (which that format cannot carry) it falls back to a resignal-reserved prefix
 * followed by JSON. Both are consumed by the shim and never reach `onMessageInstantReceive`.
 */
export const CALL_SIGNAL_PREFIX = 'ResignalLegacyCallEnd:';
export const RTM_END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';

export interface CallEnd {
  channel: string;
  extra: string;
}

export function encodeCallEnd(end: CallEnd): string {
  if (!end.channel.includes('_') && !end.extra.includes('_')) return `${RTM_END_CALL_PREFIX}_${end.channel}_${end.extra}`;
  return CALL_SIGNAL_PREFIX + JSON.stringify({ channel: end.channel, extra: end.extra });
}

/** The hang-up a peer message carries, `null` for an ordinary message, `'drop'` for a malformed reserved one. */
export function parseCallEnd(text: string): CallEnd | 'drop' | null {
  if (text.startsWith(CALL_SIGNAL_PREFIX)) {
    try {
      const value = JSON.parse(text.slice(CALL_SIGNAL_PREFIX.length)) as Partial<CallEnd> | null;
      if (typeof value?.channel === 'string' && typeof value.extra === 'string') return { channel: value.channel, extra: value.extra };
    } catch {
      // fall through: reserved but unreadable
    }
    return 'drop';
  }
  if (text.startsWith(`${RTM_END_CALL_PREFIX}_`)) {
    const parts = text.split('_');
    return parts.length === 3 ? { channel: parts[1] ?? '', extra: parts[2] ?? '' } : 'drop';
  }
  return null;
}
