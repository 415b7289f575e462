/**
 * Helper functions for the Web API conversions of calls and of the session status (see helpers.ts
 * for the contract: emitted once per file, at its end, as hoisted function declarations). Each reproduces one
 * piece of legacy behaviour the shim reproduces too (shim/call.ts, shim/status.ts).
 */
import { CALL_SIGNAL_TEXT } from '../shim/api-map.js';

export const WEB_HELPERS = [
  'legacyStatus',
  'logoutIfLoggingIn',
  'legacyInviteFailure',
  'legacyCallEndText',
  'parseLegacyCallEnd',
  'isLegacyCallSignal',
  'endLocalInvitation',
  'onLocalCallEnd',
  'onRemoteCallEnd',
  'sendLegacyCallMessage',
  'onLegacyCallMessage',
] as const;
export type WebHelperName = (typeof WEB_HELPERS)[number];

/** TypeScript types of the helpers' parameters: those of the RTM module the file uses (`AgoraRTM`). */
export const CLIENT = 'ReturnType<typeof AgoraRTM.createInstance>';
const LOCAL_INVITATION = `ReturnType<${CLIENT}['createLocalInvitation']>`;
const REMOTE_INVITATION =
  "{ readonly channelId: string; readonly callerId: string; on(event: 'RemoteInvitationCanceled' | 'RemoteInvitationRefused' | 'RemoteInvitationFailure', listener: (...args: any[]) => void): unknown; removeAllListeners(): unknown }";

const { rtmEndCallPrefix: RTM_END, endPrefix: END, messagePrefix: MESSAGE } = CALL_SIGNAL_TEXT;
/** The invitation states of a call that is ringing or accepted (local, then remote invitations). */
const LIVE_STATES = ['SENT_TO_REMOTE', 'RECEIVED_BY_REMOTE', 'ACCEPTED_BY_REMOTE', 'RECEIVED', 'ACCEPTED'];
/** The invitation events after which a call reports nothing more (local, then remote invitations). */
const CALL_END_EVENTS = ['LocalInvitationRefused', 'LocalInvitationFailure', 'LocalInvitationCanceled', 'RemoteInvitationRefused', 'RemoteInvitationFailure', 'RemoteInvitationCanceled'];
/** Either invitation: `event: any` since each kind accepts only its own event names (a remote one never fires the local ones). */
const ANY_INVITATION = '{ readonly channelId: string; on(event: any, listener: (...args: any[]) => void): unknown }';

export function webHelperSource(name: WebHelperName, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'legacyStatus':
      return [
        '/** The legacy getStatus() number for the client\'s RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */',
        `function legacyStatus(client${t(': object')})${t(': number')} {`,
        "  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';",
        "  if (state === 'CONNECTING') return 1;",
        "  if (state === 'CONNECTED') return 2;",
        "  if (state === 'RECONNECTING') return 3;",
        '  return 0;',
        '}',
      ].join('\n');
    case 'logoutIfLoggingIn':
      return [
        '/** Legacy logout() on a session without an onLogout handler: it cancelled a login in progress; a logged-in session stayed logged in. */',
        `function logoutIfLoggingIn(client${t(`: ${CLIENT}`)})${t(': void')} {`,
        "  if (client.connectionState === 'CONNECTING') client.logout().catch(() => {});",
        '}',
      ].join('\n');
    case 'legacyInviteFailure':
      return [
        '/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */',
        `function legacyInviteFailure(reason${t(': string')})${t(': string')} {`,
        "  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };",
        `  const ecode = reason in ecodes ? ecodes[reason${t(' as keyof typeof ecodes')}] : 700;`,
        '  return JSON.stringify({ reason, ecode });',
        '}',
      ].join('\n');
    case 'legacyCallEndText':
      return [
        '/** The hang-up message of legacy Signaling calls: RTM\'s legacy end-call text, or resignal\'s JSON form when channel or extra contain "_". */',
        `function legacyCallEndText(channel${t(': string')}, extra${t(': string')})${t(': string')} {`,
        `  if (!channel.includes('_') && !extra.includes('_')) return \`${RTM_END}_\${channel}_\${extra}\`;`,
        `  return '${END}' + JSON.stringify({ channel, extra });`,
        '}',
      ].join('\n');
    case 'parseLegacyCallEnd':
      return [
        '/** The channel and extra of a legacy hang-up message (see legacyCallEndText), or undefined for any other text. */',
        `function parseLegacyCallEnd(text${t(': string | undefined')})${t(': { channel: string; extra: string } | undefined')} {`,
        "  if (text === undefined) return undefined;",
        `  if (text.startsWith('${END}')) {`,
        '    try {',
        `      const end = JSON.parse(text.slice('${END}'.length))${t(' as { channel?: unknown; extra?: unknown } | null')};`,
        "      return typeof end?.channel === 'string' && typeof end.extra === 'string' ? { channel: end.channel, extra: end.extra } : undefined;",
        '    } catch {',
        '      return undefined;',
        '    }',
        '  }',
        "  const parts = text.split('_');",
        `  return parts.length === 3 && parts[0] === '${RTM_END}' ? { channel: parts[1] ?? '', extra: parts[2] ?? '' } : undefined;`,
        '}',
      ].join('\n');
    case 'isLegacyCallSignal':
      return [
        "/** Whether a peer message is a legacy call's signal (a hang-up, or resignal's in-call message), which legacy never passed to onMessageInstantReceive. */",
        `function isLegacyCallSignal(text${t(': string | undefined')})${t(': boolean')} {`,
        `  return parseLegacyCallEnd(text) !== undefined || (text !== undefined && text.startsWith('${MESSAGE}'));`,
        '}',
      ].join('\n');
    case 'endLocalInvitation':
      return [
        '/**',
        ' * Ends an outgoing call like legacy channelInviteEnd(extra): cancels it while it rings; after an accept, sends the',
        ' * legacy hang-up message to the callee. The call reports nothing more, except its LocalInvitationCanceled',
        ' * listeners (onInviteEndByMyself), which run at once, as legacy did.',
        ' */',
        `function endLocalInvitation(client${t(`: ${CLIENT}`)}, invitation${t(`: ${LOCAL_INVITATION}`)}, extra${t(': string')})${t(': void')} {`,
        "  invitation.removeAllListeners('LocalInvitationReceivedByPeer');",
        "  invitation.removeAllListeners('LocalInvitationAccepted');",
        "  invitation.removeAllListeners('LocalInvitationRefused');",
        "  invitation.removeAllListeners('LocalInvitationFailure');",
        `  const state${t(': string')} = invitation.state;`,
        "  if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') {",
        '    invitation.content = extra;',
        '    invitation.cancel();',
        '    return;',
        '  }',
        "  if (state === 'ACCEPTED_BY_REMOTE') {",
        '    client.sendMessageToPeer({ text: legacyCallEndText(invitation.channelId, extra) }, invitation.calleeId).catch(() => {});',
        '  }',
        "  for (const listener of invitation.listeners('LocalInvitationCanceled')) listener();",
        '}',
      ].join('\n');
    case 'onLocalCallEnd':
      return callEndHelper(t, {
        doc: [
          'Calls `handler(extra)` when the callee ends an outgoing call (legacy onInviteEndByPeer): the legacy hang-up',
          "message for this call's channel. A call still ringing is cancelled quietly, and the call reports nothing more.",
        ],
        name: 'onLocalCallEnd',
        invitationType: LOCAL_INVITATION,
        peer: 'calleeId',
        onEnd: [`const state${t(': string')} = invitation.state;`, "if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') invitation.cancel();"],
        events: [],
        endEvents: ['LocalInvitationRefused', 'LocalInvitationFailure', 'LocalInvitationCanceled'],
      });
    case 'onRemoteCallEnd':
      return callEndHelper(t, {
        doc: [
          "Calls `handler(extra)` when the caller ends an incoming call (legacy onInviteEndByPeer): RTM's cancel while it",
          "rings, or the legacy hang-up message for this call's channel after an accept. The call reports nothing more.",
        ],
        name: 'onRemoteCallEnd',
        invitationType: REMOTE_INVITATION,
        peer: 'callerId',
        onEnd: [],
        events: [`invitation.on('RemoteInvitationCanceled', (content${t(': string')}) => handler(content));`],
        endEvents: ['RemoteInvitationRefused', 'RemoteInvitationFailure', 'RemoteInvitationCanceled'],
      });
    case 'sendLegacyCallMessage':
      return [
        '/**',
        " * Sends an in-call message (legacy channelInviteDTMF) to the peer of a call that is ringing or accepted: resignal's",
        " * call signal, which the peer's Call (shim or converted) reports to onInviteMsg(extra). On a call that is not live",
        ' * nothing is sent, as legacy delivered nothing then.',
        ' */',
        `function sendLegacyCallMessage(client${t(`: ${CLIENT}`)}, invitation${t(': { readonly channelId: string; readonly state: string }')}, peer${t(': string')}, extra${t(': string')})${t(': void')} {`,
        `  if (!${JSON.stringify(LIVE_STATES).replace(/"/g, "'").replace(/,/g, ', ')}.includes(invitation.state)) return;`,
        `  client.sendMessageToPeer({ text: '${MESSAGE}' + JSON.stringify({ channel: invitation.channelId, extra }) }, peer).catch(() => {});`,
        '}',
      ].join('\n');
    case 'onLegacyCallMessage':
      return [
        '/**',
        " * Calls `handler(extra)` for each in-call message (legacy onInviteMsg, e.g. the peer's DTMF) that the peer of this",
        " * call sends for its channel, until the call ends (a hang-up, or the invitation's end).",
        ' */',
        `function onLegacyCallMessage(client${t(`: ${CLIENT}`)}, invitation${t(`: ${ANY_INVITATION}`)}, peer${t(': string')}, handler${t(': (extra: string) => void')})${t(': void')} {`,
        `  const listener = (message${t(': { text?: string }')}, peerId${t(': string')}) => {`,
        "    const text = message.text ?? '';",
        '    if (peerId !== peer) return;',
        '    if (parseLegacyCallEnd(text)?.channel === invitation.channelId) {',
        '      stop();',
        '      return;',
        '    }',
        `    if (!text.startsWith('${MESSAGE}')) return;`,
        '    try {',
        `      const signal = JSON.parse(text.slice('${MESSAGE}'.length))${t(' as { channel?: unknown; extra?: unknown } | null')};`,
        "      if (signal?.channel === invitation.channelId && typeof signal.extra === 'string') handler(signal.extra);",
        '    } catch {',
        '      // not a readable call signal: legacy dropped it',
        '    }',
        '  };',
        `  const stop = () => client.off('MessageFromPeer', listener${t(' as Parameters<typeof client.off>[1]')});`,
        "  client.on('MessageFromPeer', listener);",
        `  for (const event of ${typescript ? `([${CALL_END_EVENTS.map((event) => `'${event}'`).join(', ')}] as const)` : `[${CALL_END_EVENTS.map((event) => `'${event}'`).join(', ')}]`}) invitation.on(event, stop);`,
        '}',
      ].join('\n');
  }
}

interface CallEndHelper {
  readonly doc: readonly string[];
  readonly name: string;
  readonly invitationType: string;
  /** The invitation's property naming the peer whose hang-up message counts. */
  readonly peer: 'calleeId' | 'callerId';
  /** Statements run when the hang-up message arrives, before the handler. */
  readonly onEnd: readonly string[];
  /** Other registrations that call the handler. */
  readonly events: readonly string[];
  /** The invitation's events after which no hang-up message can concern it. */
  readonly endEvents: readonly string[];
}

/** onLocalCallEnd / onRemoteCallEnd: a MessageFromPeer listener for this call's hang-up text, removed once the call ended. */
function callEndHelper(t: (annotation: string) => string, h: CallEndHelper): string {
  return [
    '/**',
    ...h.doc.map((line) => ` * ${line}`),
    ' */',
    `function ${h.name}(client${t(`: ${CLIENT}`)}, invitation${t(`: ${h.invitationType}`)}, handler${t(': (extra: string) => void')})${t(': void')} {`,
    `  const listener = (message${t(': { text?: string }')}, peerId${t(': string')}) => {`,
    '    const end = parseLegacyCallEnd(message.text);',
    `    if (end === undefined || peerId !== invitation.${h.peer} || end.channel !== invitation.channelId) return;`,
    '    stop();',
    '    invitation.removeAllListeners();',
    ...h.onEnd.map((line) => `    ${line}`),
    '    handler(end.extra);',
    '  };',
    `  const stop = () => client.off('MessageFromPeer', listener${t(' as Parameters<typeof client.off>[1]')});`,
    "  client.on('MessageFromPeer', listener);",
    ...h.events.map((line) => `  ${line}`),
    ...h.endEvents.map((event) => `  invitation.on('${event}', stop);`),
    '}',
  ].join('\n');
}
