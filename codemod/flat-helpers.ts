/**
 * Per-file helpers of the converted native flat API (`AgoraAPI`): the flat API reported results with
 * numeric codes, named its one joined channel by ID and its calls by channel and account, where RTM has promises,
 * channel objects and invitation objects.
 * Emitted once per file like the helpers of helpers.ts.
 */

import { CLIENT } from './web-helpers.js';

export const FLAT_HELPERS = ['flatFailureCode', 'flatLoginStatus', 'flatMessageId', 'leaveFlatChannel', 'leaveFlatChannels', 'sendFlatChannelMessage', 'flatChannelMembers', 'flatErrorCode', 'flatErrorText', 'inviteFlatCall', 'receiveFlatCall', 'answerFlatCall', 'endFlatCall', 'flatCallMessageParts'] as const;
export type FlatHelperName = (typeof FLAT_HELPERS)[number];

export function isFlatHelper(name: string): name is FlatHelperName {
  return (FLAT_HELPERS as readonly string[]).includes(name);
}

const LEAVABLE = 'Map<string, { leave(): Promise<void> }>';
/** What the calls map (`apiCalls`) keeps of a call, by channel and account: how to end it and, when incoming, answer it. */
export const FLAT_CALL_TYPE = '{ end(): void; answer?(accept: boolean, extra: string): void }';
const CALLS = `Map<string, ${FLAT_CALL_TYPE}>`;
/** The flat invite callbacks a call reports to (the app's handlers, those in scope where the call is made or received). */
const HANDLERS = [
  '{',
  'onInviteReceived?: (channelID: string, account: string, uid: number, extra: string) => void;',
  'onInviteReceivedByPeer?: (channelID: string, account: string, uid: number) => void;',
  'onInviteAcceptedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void;',
  'onInviteRefusedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void;',
  'onInviteFailed?: (channelID: string, account: string, uid: number, ecode: number, extra: string) => void;',
  'onInviteEndByPeer?: (channelID: string, account: string, uid: number, extra: string) => void;',
  'onInviteMsg?: (channelID: string, account: string, uid: number, msgType: string, msgData: string, extra: string) => void;',
  '}',
].join(' ');
const REMOTE_INVITATION =
  "{ readonly channelId: string; readonly callerId: string; readonly content: string; readonly state: string; response: string; accept(): void; refuse(): void; on(event: 'RemoteInvitationCanceled' | 'RemoteInvitationRefused' | 'RemoteInvitationFailure' | 'RemoteInvitationAccepted', listener: (...args: any[]) => void): unknown; removeAllListeners(): unknown }";


export function flatHelperSource(name: FlatHelperName, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'flatFailureCode':
      return [
        '/** The flat API\'s failure code for an RTM error: `timeoutCode` when RTM timed out, `otherCode` otherwise. */',
        `function flatFailureCode(error${t(': unknown')}, timeoutCode${t(': number')}, otherCode${t(': number')})${t(': number')} {`,
        "  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;",
        "  return name === 'RtmTimeoutError' ? timeoutCode : otherCode;",
        '}',
      ].join('\n');
    case 'flatLoginStatus':
      return [
        '/** The flat API\'s getStatus() for an RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */',
        `function flatLoginStatus(state${t(': string')})${t(': number')} {`,
        "  if (state === 'CONNECTING') return 1;",
        "  if (state === 'CONNECTED') return 2;",
        "  if (state === 'RECONNECTING') return 3;",
        '  return 0;',
        '}',
      ].join('\n');
    case 'flatMessageId':
      return [
        '/** The message ID the flat API reported: the app\'s own, or a generated decimal ID when it passed none (\'\'). */',
        `function flatMessageId(msgID${t('?: string')})${t(': string')} {`,
        "  return msgID ? msgID : `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;",
        '}',
      ].join('\n');
    case 'leaveFlatChannel':
      return [
        '/** Leaves a channel joined through the flat API; resolves false when it was not the joined channel (the flat API then did nothing). */',
        `function leaveFlatChannel(channels${t(`: ${LEAVABLE}`)}, channelID${t(': string')})${t(': Promise<boolean>')} {`,
        '  const channel = channels.get(channelID);',
        '  if (!channel) return Promise.resolve(false);',
        '  channels.delete(channelID);',
        '  return channel.leave().then(() => true, () => true);',
        '}',
      ].join('\n');
    case 'leaveFlatChannels':
      return [
        '/** Leaves every channel joined through the flat API (it joined one at a time) and resolves with their IDs. */',
        `function leaveFlatChannels(channels${t(`: ${LEAVABLE}`)})${t(': Promise<string[]>')} {`,
        '  const left = [...channels.keys()];',
        '  const leaving = [...channels.values()].map((channel) => channel.leave().catch(() => {}));',
        '  channels.clear();',
        '  return Promise.all(leaving).then(() => left);',
        '}',
      ].join('\n');
    case 'flatChannelMembers':
      return [
        '/** The members of a channel joined through the flat API; like the flat API, fails for any other channel (RTM lists joined channels only). */',
        `function flatChannelMembers(channels${t(': Map<string, { getMembers(): Promise<string[]> }>')}, channelID${t(': string')})${t(': Promise<string[]>')} {`,
        '  const channel = channels.get(channelID);',
        "  return channel ? channel.getMembers() : Promise.reject(new Error('the member list of ' + channelID + ' needs this user to have joined it'));",
        '}',
      ].join('\n');
    case 'flatErrorCode':
      return [
        '/** The flat API\'s onError code for an RTM error (1003 not logged in, 1004 invalid argument, 1005 too large, 1001 otherwise). */',
        `function flatErrorCode(error${t(': unknown')})${t(': number')} {`,
        "  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;",
        "  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;",
        "  if (name === 'RtmInvalidStatusError' && code === 102) return 1003;",
        "  if (name === 'RtmInvalidArgumentError') return 1004;",
        "  if (name === 'RtmLimitExceededError') return 1005;",
        '  return 1001;',
        '}',
      ].join('\n');
    case 'flatErrorText':
      return [
        '/** The flat API\'s onError description: the error message. */',
        `function flatErrorText(error${t(': unknown')})${t(': string')} {`,
        '  return error instanceof Error ? error.message.trim() : String(error);',
        '}',
      ].join('\n');
    case 'inviteFlatCall':
      return [
        '/**',
        ' * Calls `account` into `channelID` like the flat channelInviteUser2 (an RTM invitation) and reports its events to the',
        " * flat callbacks (channel, account, uid 0). The call is kept by channel and account until it ends; inviting the same",
        ' * account into the same channel meanwhile fails with INVITE_E_REINVITE (701), as in the flat API.',
        ' */',
        `function inviteFlatCall(client${t(`: ${CLIENT}`)}, calls${t(`: ${CALLS}`)}, channelID${t(': string')}, account${t(': string')}, extra${t(': string')}, handlers${t(`: ${HANDLERS}`)})${t(': void')} {`,
        '  const { onInviteReceivedByPeer, onInviteAcceptedByPeer, onInviteRefusedByPeer, onInviteFailed, onInviteEndByPeer, onInviteMsg } = handlers;',
        '  const key = JSON.stringify([channelID, account]);',
        '  if (calls.has(key)) {',
        "    setTimeout(() => onInviteFailed?.(channelID, account, 0, 701, JSON.stringify({ reason: 'REINVITE', ecode: 701 })), 0);",
        '    return;',
        '  }',
        '  const invitation = client.createLocalInvitation(account);',
        '  invitation.channelId = channelID;',
        '  invitation.content = extra;',
        '  const call = { end: () => endLocalInvitation(client, invitation, \'\') };',
        '  const forget = () => {',
        '    if (calls.get(key) === call) calls.delete(key);',
        '  };',
        '  calls.set(key, call);',
        "  invitation.on('LocalInvitationReceivedByPeer', () => onInviteReceivedByPeer?.(channelID, account, 0));",
        `  invitation.on('LocalInvitationAccepted', (response${t(': string')}) => onInviteAcceptedByPeer?.(channelID, account, 0, response));`,
        `  invitation.on('LocalInvitationRefused', (response${t(': string')}) => {`,
        '    forget();',
        '    onInviteRefusedByPeer?.(channelID, account, 0, response);',
        '  });',
        `  const failed = (reason${t(': string')}) => {`,
        '    forget();',
        '    const failure = legacyInviteFailure(reason);',
        '    onInviteFailed?.(channelID, account, 0, JSON.parse(failure).ecode, failure);',
        '  };',
        "  invitation.on('LocalInvitationFailure', failed);",
        '  onLocalCallEnd(client, invitation, (peerExtra) => {',
        '    forget();',
        '    onInviteEndByPeer?.(channelID, account, 0, peerExtra);',
        '  });',
        '  if (onInviteMsg) onLegacyCallMessage(client, invitation, account, (message) => onInviteMsg(channelID, account, 0, ...flatCallMessageParts(message), message));',
        '  // The legacy extra key _require_peer_online: 1 fails at once for an offline peer (PEER_OFFLINE, 703), as the flat API did.',
        `  let options${t(': { _require_peer_online?: unknown } | null')} = null;`,
        '  try {',
        '    options = JSON.parse(extra);',
        '  } catch {',
        '    // not JSON: no options',
        '  }',
        "  if (Number(options?._require_peer_online) !== 1) {",
        '    invitation.send();',
        '    return;',
        '  }',
        '  client.queryPeersOnlineStatus([account]).then((status) => {',
        '    if (calls.get(key) !== call) return; // ended meanwhile',
        "    if (status[account]) invitation.send();",
        "    else failed('PEER_OFFLINE');",
        `  }, (error${t(': unknown')}) => failed(legacyFailureString(error)));`,
        '}',
      ].join('\n');
    case 'receiveFlatCall':
      return [
        '/**',
        ' * An incoming RTM invitation as a flat call: kept by channel and caller (for channelInviteAccept / Refuse / End),',
        " * reported to onInviteReceived(channel, caller, 0, extra), then to the other flat callbacks until it ends.",
        ' */',
        `function receiveFlatCall(client${t(`: ${CLIENT}`)}, calls${t(`: ${CALLS}`)}, invitation${t(`: ${REMOTE_INVITATION}`)}, handlers${t(`: ${HANDLERS}`)})${t(': void')} {`,
        '  const { onInviteReceived, onInviteFailed, onInviteEndByPeer, onInviteMsg } = handlers;',
        '  const { channelId: channelID, callerId: account } = invitation;',
        '  const key = JSON.stringify([channelID, account]);',
        '  let live = true;',
        '  const finish = () => {',
        '    if (calls.get(key) === call) calls.delete(key);',
        '    const wasLive = live;',
        '    live = false;',
        '    return wasLive;',
        '  };',
        '  const call = {',
        '    // The callee hangs up with the legacy hang-up text: RTM cannot cancel an incoming invitation.',
        `    end: () => {`,
        "      if (finish()) client.sendMessageToPeer({ text: legacyCallEndText(channelID, '') }, account).catch(() => {});",
        '    },',
        `    answer: (accept${t(': boolean')}, extra${t(': string')}) => {`,
        '      if (!live) return;',
        '      try {',
        '        invitation.response = extra;',
        '        if (accept) {',
        '          invitation.accept();',
        '        } else {',
        '          finish();',
        '          invitation.refuse();',
        '        }',
        '      } catch (error) {',
        '        console.warn(error); // an invitation RTM no longer lets answer: legacy ignored the answer too',
        '      }',
        '    },',
        '  };',
        '  calls.set(key, call);',
        `  invitation.on('RemoteInvitationFailure', (reason${t(': string')}) => {`,
        '    if (!finish()) return;',
        '    const failure = legacyInviteFailure(reason);',
        '    onInviteFailed?.(channelID, account, 0, JSON.parse(failure).ecode, failure);',
        '  });',
        '  onRemoteCallEnd(client, invitation, (peerExtra) => {',
        '    if (finish()) onInviteEndByPeer?.(channelID, account, 0, peerExtra);',
        '  });',
        '  if (onInviteMsg) {',
        '    onLegacyCallMessage(client, invitation, account, (message) => {',
        '      if (live) onInviteMsg(channelID, account, 0, ...flatCallMessageParts(message), message);',
        '    });',
        '  }',
        '  onInviteReceived?.(channelID, account, 0, invitation.content);',
        '}',
      ].join('\n');
    case 'answerFlatCall':
      return [
        '/**',
        ' * channelInviteAccept / channelInviteRefuse of the flat API: answers the invitation received from `account` for',
        ' * `channelID`; without one, reports onError(method, 1004, desc) as the flat API did.',
        ' */',
        `function answerFlatCall(calls${t(`: ${CALLS}`)}, method${t(": 'channelInviteAccept' | 'channelInviteRefuse'")}, channelID${t(': string')}, account${t(': string')}, extra${t(': string')}, onError${t('?: (name: string, ecode: number, desc: string) => void')})${t(': void')} {`,
        '  const call = calls.get(JSON.stringify([channelID, account]));',
        '  if (!call) {',
        '    onError?.(method, 1004, `no invitation of "${account}" in channel "${channelID}"`);',
        '    return;',
        '  }',
        "  call.answer?.(method === 'channelInviteAccept', extra);",
        '}',
      ].join('\n');
    case 'endFlatCall':
      return [
        '/**',
        ' * channelInviteEnd of the flat API: ends the call with `account` in `channelID` (cancels a ringing outgoing call,',
        ' * else sends the legacy hang-up text) and calls onInviteEndByMyself(channelID, account, 0) at once, whatever the',
        ' * state of the call, as the flat API did.',
        ' */',
        `function endFlatCall(calls${t(`: ${CALLS}`)}, channelID${t(': string')}, account${t(': string')}, onInviteEndByMyself${t('?: (channelID: string, account: string, uid: number) => void')})${t(': void')} {`,
        '  const key = JSON.stringify([channelID, account]);',
        '  const call = calls.get(key);',
        '  calls.delete(key);',
        '  call?.end();',
        '  onInviteEndByMyself?.(channelID, account, 0);',
        '}',
      ].join('\n');
    case 'flatCallMessageParts':
      return [
        "/** The msgType and msgData of an in-call message's extra (`{\"msgtype\":\"dtmf\",\"msgdata\":…}`), as the flat onInviteMsg passed them. */",
        `function flatCallMessageParts(extra${t(': string')})${t(': [string, string]')} {`,
        `  const text = (part${t(': unknown')}) => (part === undefined || part === null ? '' : typeof part === 'string' ? part : JSON.stringify(part));`,
        '  try {',
        `    const value = JSON.parse(extra)${t(' as { msgtype?: unknown; msgdata?: unknown } | null')};`,
        '    return [text(value?.msgtype), text(value?.msgdata)];',
        '  } catch {',
        "    return ['', ''];",
        '  }',
        '}',
      ].join('\n');
    case 'sendFlatChannelMessage':
      return [
        '/** Sends to a channel joined through the flat API; like the flat API, fails when that channel is not joined. */',
        `function sendFlatChannelMessage(channels${t(': Map<string, { sendMessage(message: { text: string }): Promise<void> }>')}, channelID${t(': string')}, text${t(': string')})${t(': Promise<void>')} {`,
        '  const channel = channels.get(channelID);',
        "  return channel ? channel.sendMessage({ text }) : Promise.reject(new Error('channel ' + channelID + ' is not joined'));",
        '}',
      ].join('\n');
  }
}
