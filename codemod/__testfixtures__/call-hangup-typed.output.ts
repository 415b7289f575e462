import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

export function start(account: string, token: string, peer: string): () => void {
  const session = AgoraRTM.createInstance(APP_ID);
  session.login({ uid: account, token }).catch(() => {});
  const onMessageInstantReceive = (from: string, uid: number, text: string) => log(from, uid, text);
  session.on('MessageFromPeer', (message: { text?: string }, peerId: string) => {
    if (!isLegacyCallSignal(message.text)) onMessageInstantReceive(peerId, 0, message.text ?? '');
  });
  const onInviteReceived = (call: any) => {
    log(call.callerId + ' is calling', legacyStatus(session));
    const onInviteEndByPeer2 = (extra: string) => log('ended by', call.callerId, extra);
    onRemoteCallEnd(session, call, (extra: string) => onInviteEndByPeer2(extra));
    const onInviteFailed2 = (extra: string) => log('lost', extra);
    call.on('RemoteInvitationFailure', (reason: string) => onInviteFailed2(legacyInviteFailure(reason)));
    call.accept();
  };
  session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));
  const outgoing = session.createLocalInvitation(peer);
  outgoing.channelId = 'room-9';
  outgoing.send();
  const onInviteFailed = (extra: string) => log('failed', extra);
  outgoing.on('LocalInvitationFailure', (reason: string) => onInviteFailed(legacyInviteFailure(reason)));
  const onInviteEndByPeer = (extra: string) => log('peer hung up', extra);
  onLocalCallEnd(session, outgoing, (extra: string) => onInviteEndByPeer(extra));
  const onInviteEndByMyself = () => log('hung up', account, legacyStatus(session));
  outgoing.on('LocalInvitationCanceled', () => onInviteEndByMyself());
  return () => endLocalInvitation(session, outgoing, 'bye');
}

/** The channel and extra of a legacy hang-up message (see legacyCallEndText), or undefined for any other text. */
function parseLegacyCallEnd(text: string | undefined): { channel: string; extra: string } | undefined {
  if (text === undefined) return undefined;
  if (text.startsWith('ResignalLegacyCallEnd:')) {
    try {
      const end = JSON.parse(text.slice('ResignalLegacyCallEnd:'.length)) as { channel?: unknown; extra?: unknown } | null;
      return typeof end?.channel === 'string' && typeof end.extra === 'string' ? { channel: end.channel, extra: end.extra } : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = text.split('_');
  return parts.length === 3 && parts[0] === 'AgoraRTMLegacyEndcallCompatibleMessagePrefix' ? { channel: parts[1] ?? '', extra: parts[2] ?? '' } : undefined;
}

/** Whether a peer message is a legacy call's signal (a hang-up, or resignal's in-call message), which legacy never passed to onMessageInstantReceive. */
function isLegacyCallSignal(text: string | undefined): boolean {
  return parseLegacyCallEnd(text) !== undefined || (text !== undefined && text.startsWith('ResignalLegacyCallMsg:'));
}

/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */
function legacyInviteFailure(reason: string): string {
  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };
  const ecode = reason in ecodes ? ecodes[reason as keyof typeof ecodes] : 700;
  return JSON.stringify({ reason, ecode });
}

/** The legacy getStatus() number for the client's RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function legacyStatus(client: object): number {
  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
}

/** The hang-up message of legacy Signaling calls: RTM's legacy end-call text, or resignal's JSON form when channel or extra contain "_". */
function legacyCallEndText(channel: string, extra: string): string {
  if (!channel.includes('_') && !extra.includes('_')) return `AgoraRTMLegacyEndcallCompatibleMessagePrefix_${channel}_${extra}`;
  return 'ResignalLegacyCallEnd:' + JSON.stringify({ channel, extra });
}

/**
 * Ends an outgoing call like legacy channelInviteEnd(extra): cancels it while it rings; after an accept, sends the
 * legacy hang-up message to the callee. The call reports nothing more, except its LocalInvitationCanceled
 * listeners (onInviteEndByMyself), which run at once, as legacy did.
 */
function endLocalInvitation(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: ReturnType<ReturnType<typeof AgoraRTM.createInstance>['createLocalInvitation']>, extra: string): void {
  invitation.removeAllListeners('LocalInvitationReceivedByPeer');
  invitation.removeAllListeners('LocalInvitationAccepted');
  invitation.removeAllListeners('LocalInvitationRefused');
  invitation.removeAllListeners('LocalInvitationFailure');
  const state: string = invitation.state;
  if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') {
    invitation.content = extra;
    invitation.cancel();
    return;
  }
  if (state === 'ACCEPTED_BY_REMOTE') {
    client.sendMessageToPeer({ text: legacyCallEndText(invitation.channelId, extra) }, invitation.calleeId).catch(() => {});
  }
  for (const listener of invitation.listeners('LocalInvitationCanceled')) listener();
}

/**
 * Calls `handler(extra)` when the callee ends an outgoing call (legacy onInviteEndByPeer): the legacy hang-up
 * message for this call's channel. A call still ringing is cancelled quietly, and the call reports nothing more.
 */
function onLocalCallEnd(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: ReturnType<ReturnType<typeof AgoraRTM.createInstance>['createLocalInvitation']>, handler: (extra: string) => void): void {
  const listener = (message: { text?: string }, peerId: string) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.calleeId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    const state: string = invitation.state;
    if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') invitation.cancel();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener as Parameters<typeof client.off>[1]);
  client.on('MessageFromPeer', listener);
  invitation.on('LocalInvitationRefused', stop);
  invitation.on('LocalInvitationFailure', stop);
  invitation.on('LocalInvitationCanceled', stop);
}

/**
 * Calls `handler(extra)` when the caller ends an incoming call (legacy onInviteEndByPeer): RTM's cancel while it
 * rings, or the legacy hang-up message for this call's channel after an accept. The call reports nothing more.
 */
function onRemoteCallEnd(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: { readonly channelId: string; readonly callerId: string; on(event: 'RemoteInvitationCanceled' | 'RemoteInvitationRefused' | 'RemoteInvitationFailure', listener: (...args: any[]) => void): unknown; removeAllListeners(): unknown }, handler: (extra: string) => void): void {
  const listener = (message: { text?: string }, peerId: string) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.callerId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener as Parameters<typeof client.off>[1]);
  client.on('MessageFromPeer', listener);
  invitation.on('RemoteInvitationCanceled', (content: string) => handler(content));
  invitation.on('RemoteInvitationRefused', stop);
  invitation.on('RemoteInvitationFailure', stop);
  invitation.on('RemoteInvitationCanceled', stop);
}
