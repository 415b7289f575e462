/**
 * THE one table of the legacy Signaling API (DESIGN.md "One map of the legacy API").
 *
 * Every legacy element of the Web SDK and of the native flat API has exactly one row here, with a
 * stable ID. The shim's deprecation warnings, the codemod's rules and report, `docs/api-map.md` and
 * the compat-test coverage check are all derived from this file.
 *
 * Pure data: this file imports nothing at runtime, because the codemod (which must never import
 * runtime code), the docs generator and the compat tests import it.
 */

export type ApiSurface = 'web' | 'flat';
export type ApiOwner = 'Signal' | 'Session' | 'Channel' | 'Call' | 'invoke' | 'global' | 'Flat';
export type ApiKind = 'constructor' | 'method' | 'callback' | 'property' | 'invoke' | 'global' | 'constant';
/** native = a direct RTM call; emulated = RTM lacks it and the shim reproduces it; unsupported = fails clearly. */
export type SupportLevel = 'native' | 'emulated' | 'unsupported';
export type CodemodResult = 'convert' | 'todo';

/** Codemod rules; each rewrites (or marks with a TODO) the rows that name it. */
export const CODEMOD_RULES = [
  'signal-factory',
  'session-lifecycle',
  'peer-messages',
  'channel-lifecycle',
  'channel-messages',
  'channel-attributes',
  'invitations',
  'invoke',
  'legacy-globals',
  'debug-settings',
  'flat-instance',
  'flat-session-lifecycle',
  'flat-peer-messages',
  'flat-channel-lifecycle',
  'flat-channel-messages',
  'flat-channel-attributes',
  'flat-invitations',
  'flat-phone-invitations',
  'flat-queries',
  'flat-user-attributes',
  'flat-invoke',
  'flat-debug-settings',
  'flat-unsupported-messages',
] as const;
export type CodemodRuleName = (typeof CODEMOD_RULES)[number];

export interface CodemodPlan {
  readonly rule: CodemodRuleName;
  readonly result: CodemodResult;
}

/** A row as written in the table below; `docs` and `warning` defaults are derived from it. */
interface ApiRowInput {
  readonly id: string;
  readonly api: ApiSurface;
  readonly owner: ApiOwner;
  /** As the app writes it (for invoke functions, the full `io.agora.signal.*` name). */
  readonly name: string;
  /** Other spellings of the same element (per-platform names, aliases). */
  readonly aliases?: readonly string[];
  readonly kind: ApiKind;
  readonly signature: string;
  readonly rtm: string | null;
  readonly support: SupportLevel;
  readonly codemod: CodemodPlan;
  readonly differences: readonly string[];
  /** How the emulation works (and which resignal server extension it needs), or how the failure looks. */
  readonly notes?: string;
  /** Overrides the derived one-line deprecation message. */
  readonly warning?: string;
}

const ROWS = [
  // ───────────────────────────── Web: Signal factory ─────────────────────────────
  {
    id: 'SIG_SIGNAL', api: 'web', owner: 'Signal', name: 'Signal', kind: 'constructor',
    signature: '(appid: string) → signal (also new Signal(appid))',
    rtm: 'AgoraRTM.createInstance(appId)', support: 'native',
    codemod: { rule: 'signal-factory', result: 'convert' },
    differences: [
      'RTM validates the App ID synchronously (32 letters/digits) and throws; legacy accepted any string.',
      'One legacy `signal` creates any number of sessions; one RTM client holds one login at a time.',
    ],
  },
  {
    id: 'SIG_LOGIN', api: 'web', owner: 'Signal', name: 'login', kind: 'method',
    signature: '(account, token, reconnect_count?: number, reconnect_time?: number) → session',
    rtm: 'await client.login({ uid: account, token })', support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'Legacy returns a Session synchronously and reports through callbacks; RTM returns a promise.',
      'Every legacy `login()` builds a new, independent Session; RTM rejects a second login on a client that is not DISCONNECTED.',
      'Legacy tokens are SignalingTokens (`1:appId:expiredTs:md5`) or `"_no_need_token"`; RTM uses 006/007 tokens (resignal accepts all three).',
      'Legacy accounts may be 128 characters (1.4.3 JSON-stringifies non-strings); RTM user IDs are at most 64.',
      '`reconnect_count`/`reconnect_time` (ms, default 10 / 300000) have no RTM option: RTM reconnects until logout.',
    ],
    notes: 'The shim turns reconnect_count into the time those attempts took in 1.4.3 and gives up at the earlier of that and reconnect_time, with onLogout(102).',
  },
  {
    id: 'SIG_SET_DO_LOG', api: 'web', owner: 'Signal', name: 'setDoLog', kind: 'method',
    signature: "(isEnabled = false, level: 'DEBUG' | 'WARNING' | 'INFO' = 'DEBUG')",
    rtm: 'client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_DEBUG })', support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'convert' },
    differences: ['RTM sets logging per client through logFilter (OFF/ERROR/WARNING/INFO/DEBUG) and logs in its own format.'],
    notes: "Configures the shim's own console logging with the legacy levels; the RTM client's log filter is left alone.",
  },
  {
    id: 'SIG_GET_SDK_VERSION', api: 'web', owner: 'Signal', name: 'getSDKVersion', kind: 'method',
    signature: '() → string',
    rtm: 'AgoraRTM.VERSION', support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'todo' },
    differences: ['Legacy returns the Signaling version ("1.4.3"); `AgoraRTM.VERSION` is the RTM version ("1.6.0").'],
    notes: 'The shim returns the legacy version it mimics ("1.4.3"), so version checks in apps keep passing.',
  },
  {
    id: 'SIG_GET_SDK_VERSION_INT', api: 'web', owner: 'Signal', name: 'getSDKVersion_int', kind: 'method',
    signature: '() → number (e.g. 1010403000)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'todo' },
    differences: ['RTM has no numeric version.'],
    notes: 'The shim returns the integer form of the legacy version it mimics (1010403000).',
  },
  {
    id: 'SIG_SETUP_DEBUGGING', api: 'web', owner: 'Signal', name: 'setup_debugging', aliases: ['setUpDebugging'], kind: 'method',
    signature: "(name: 'ap' | 'ap_url' | 'env' | 'lbs100' | 'proxy_server', value)",
    rtm: null, support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'todo' },
    differences: ['RTM has no access-point override; the server address is part of the client configuration.'],
    notes: "'ap' (host,port) and 'ap_url' point the shim at a resignal server; 'env', 'lbs100' and 'proxy_server' are accepted and ignored.",
  },
  {
    id: 'SIG_DBG', api: 'web', owner: 'Signal', name: 'dbg', kind: 'method',
    signature: "(name: 'dbg_server', value: 'host:port') (1.1.3 only)",
    rtm: null, support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'todo' },
    differences: ['RTM has no debug-server switch.'],
    notes: "'dbg_server' points the shim at a resignal server, like setup_debugging('ap'); other names are ignored.",
  },

  // ───────────────────────────── Web: Session methods ─────────────────────────────
  {
    id: 'SIG_LOGOUT', api: 'web', owner: 'Session', name: 'logout', kind: 'method',
    signature: '()',
    rtm: 'await client.logout()', support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'Legacy does nothing while logged in unless `session.onLogout` is set, and nothing while reconnecting; RTM always logs out.',
      'Legacy reports `onLogout(101)`; RTM resolves the promise and emits ConnectionStateChanged(DISCONNECTED, LOGOUT).',
      'Logging out while still logging in gives no legacy callback; RTM first awaits the pending login.',
      'RTM rejects (code 102) when already logged out; legacy ignores it.',
    ],
  },
  {
    id: 'SIG_GET_STATUS', api: 'web', owner: 'Session', name: 'getStatus', kind: 'method',
    signature: '() → 0 | 1 | 2 | 3',
    rtm: "the client's connection state (ConnectionStateChanged, or client.connectionState at runtime)", support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'Legacy numbers 0 not logged in / 1 logging in / 2 logged in / 3 reconnecting; RTM uses ConnectionState strings and adds ABORTED (reported as 0).',
      '`client.connectionState` exists at runtime but is not in the RTM 1.x typings: the converted code reads it through `legacyStatus(client)`.',
    ],
  },
  {
    id: 'SIG_MESSAGE_INSTANT_SEND', api: 'web', owner: 'Session', name: 'messageInstantSend', kind: 'method',
    signature: '(peer, msg, cb?: (isError: boolean) => void)',
    rtm: 'client.sendMessageToPeer({ text: msg }, peer)', support: 'native',
    codemod: { rule: 'peer-messages', result: 'convert' },
    differences: [
      'The legacy callback is an isError flag: `false` on success, `true` on failure; RTM resolves or rejects a promise.',
      'Legacy success means the server accepted the message; RTM resolves `{ hasPeerReceived }` and does not reject for an offline peer.',
      'Legacy messages up to 8 K characters; RTM text up to 32 KB UTF-8 and 180 sends per 3 s per client.',
      'Legacy msgid mode parses `JSON.parse(msg).msgid`; RTM has no message IDs.',
    ],
  },
  {
    id: 'SIG_INVOKE', api: 'web', owner: 'Session', name: 'invoke', kind: 'method',
    signature: "(func: 'io.agora.signal.<name>', args: object, cb?: (err: string, ret: object) => void)",
    rtm: null, support: 'emulated',
    codemod: { rule: 'invoke', result: 'todo' },
    differences: [
      'Legacy ignores any func without the `io.agora.signal.` prefix and mutates `args` (adds `args.line`).',
      'The callback gets `err === ""` on success and the parsed reply (`{ result: "ok", … }`); RTM has one method per query instead.',
    ],
    notes: 'The shim dispatches each known function to its RTM call (see the SIG_INVOKE_* rows), answers other io.agora.signal.* names with an error string, and ignores (logs) any other func; the codemod converts calls whose function name is a literal it knows and marks the rest.',
  },
  {
    id: 'SIG_CHANNEL_JOIN', api: 'web', owner: 'Session', name: 'channelJoin', kind: 'method',
    signature: '(name: string) → channel | undefined',
    rtm: 'const channel = client.createChannel(name); await channel.join()', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'Legacy returns `undefined` (and logs "You should log in first.") before login; RTM `join()` rejects with code 102.',
      'A legacy session tracks one channel (notifications go to the most recently joined one); an RTM client may join 20.',
      'RTM re-joins joined channels automatically after a reconnect; legacy 1.4.x does not (apps re-join in onLoginSuccess).',
      'Legacy channel names up to 128 bytes; RTM channel IDs up to 64 characters.',
    ],
  },
  {
    id: 'SIG_CHANNEL_INVITE_USER2', api: 'web', owner: 'Session', name: 'channelInviteUser2', kind: 'method',
    signature: '(channelID, peer, extra?: string) → call',
    rtm: 'const inv = client.createLocalInvitation(peer); inv.channelId = channelID; inv.content = extra; inv.send()', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'Legacy `extra` keys `_require_peer_online` and `_timeout` control failure timing; RTM fails after 30 s undelivered or 60 s unanswered.',
      'The legacy callee acknowledges automatically; RTM also reports LocalInvitationReceivedByPeer once the callee is reached.',
      'Legacy registers the call under channelID+peer; RTM invitations are independent objects.',
    ],
    notes: 'The shim honours `_timeout` (capped at 30 s) and `_require_peer_online` by cancelling and failing the invitation itself.',
  },

  // ───────────────────────────── Web: Session properties ─────────────────────────────
  {
    id: 'SIG_SESSION_ACCOUNT', api: 'web', owner: 'Session', name: 'account', kind: 'property',
    signature: 'string',
    rtm: 'the uid passed to client.login()', support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: ['RTM does not expose the logged-in uid on the client; keep it yourself.'],
  },
  {
    id: 'SIG_SESSION_UID', api: 'web', owner: 'Session', name: 'uid', kind: 'property',
    signature: 'number',
    rtm: 'the constant 0 (RTM has no numeric uid)', support: 'emulated',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: ['RTM has no numeric uid.'],
    notes: 'The shim reports 0, the value the legacy docs promise.',
  },
  {
    id: 'SIG_SESSION_STATE', api: 'web', owner: 'Session', name: 'state', kind: 'property',
    signature: '0 | 1 | 2 | 3 (strings in 1.1.3/1.2.0.x)',
    rtm: "client.on('ConnectionStateChanged', (state) => …)", support: 'emulated',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: ['Same numbering as getStatus(); RTM ConnectionState strings differ.'],
    notes: 'The shim derives it from the RTM connection state, like getStatus().',
  },
  {
    id: 'SIG_SESSION_LINE', api: 'web', owner: 'Session', name: 'line', kind: 'property',
    signature: 'string (connection id; cleared while reconnecting)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'session-lifecycle', result: 'todo' },
    differences: ['RTM exposes no connection id.'],
    notes: 'The shim keeps an opaque per-connection id, empty while not connected.',
  },
  {
    id: 'SIG_SESSION_DBG', api: 'web', owner: 'Session', name: 'dbg', kind: 'property',
    signature: 'boolean (≤1.3.0: session.dbg = true logs to the console)',
    rtm: 'client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_DEBUG })', support: 'emulated',
    codemod: { rule: 'debug-settings', result: 'todo' },
    differences: ['RTM sets logging per client through logFilter.'],
    notes: "Assigning true switches the shim's own console logging to debug level.",
  },

  // ───────────────────────────── Web: Session callbacks ─────────────────────────────
  {
    id: 'SIG_ON_LOGIN_SUCCESS', api: 'web', owner: 'Session', name: 'onLoginSuccess', kind: 'callback',
    signature: '(uid: number)',
    rtm: "client.login() resolves; client.on('ConnectionStateChanged', (state, reason) => state === 'CONNECTED')", support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'The legacy uid is a server number (docs: always 0); RTM has none.',
      'Legacy 1.4.x fires it again after every automatic reconnect and does not re-join channels; RTM resolves login once and re-joins channels itself.',
      'Legacy never fires it synchronously inside login(); callbacks may be assigned right after the call.',
    ],
    notes: 'Like 1.4.x, the shim fires it again after a reconnect and leaves the old channel, so apps that join inside onLoginSuccess re-join by themselves.',
  },
  {
    id: 'SIG_ON_LOGIN_FAILED', api: 'web', owner: 'Session', name: 'onLoginFailed', kind: 'callback',
    signature: '(ecode: number)',
    rtm: "client.login() rejects; ConnectionStateChanged(DISCONNECTED, LOGIN_FAILURE | LOGIN_TIMEOUT)", support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'Legacy passes a number (201 network, 204 token expired, 206 bad token, 207 kicked, 209 bad account); RTM rejects with an RtmError class and code.',
      'Legacy fires it only while logging in, including when reconnect attempts run out during login.',
    ],
  },
  {
    id: 'SIG_ON_LOGOUT', api: 'web', owner: 'Session', name: 'onLogout', kind: 'callback',
    signature: '(ecode: number)',
    rtm: "client.on('ConnectionStateChanged', (state, reason) => state === 'DISCONNECTED' || state === 'ABORTED')", support: 'native',
    codemod: { rule: 'session-lifecycle', result: 'convert' },
    differences: [
      'Legacy codes: 101 user logout, 102 connection lost / reconnect gave up, 103 kicked (logged in elsewhere); RTM reasons LOGOUT, INTERRUPTED, REMOTE_LOGIN / BANNED_BY_SERVER.',
      'Being kicked puts RTM in ABORTED (logout() needed before the next login); legacy simply ends the session.',
      'Legacy fires it only from the logged-in or reconnecting state; ≤1.3.0 passed 0 or strings on disconnect.',
    ],
  },
  {
    id: 'SIG_ON_MESSAGE_INSTANT_RECEIVE', api: 'web', owner: 'Session', name: 'onMessageInstantReceive', kind: 'callback',
    signature: '(account: string, uid: 0, msg: string)',
    rtm: "client.on('MessageFromPeer', (message, peerId) => …)", support: 'native',
    codemod: { rule: 'peer-messages', result: 'convert' },
    differences: [
      'The legacy uid argument is literally 0 on Web.',
      'RTM delivers a message object (`message.text`; RAW messages carry bytes and no text); legacy passes the raw string.',
    ],
  },
  {
    id: 'SIG_ON_INVITE_RECEIVED', api: 'web', owner: 'Session', name: 'onInviteReceived', kind: 'callback',
    signature: '(call: Call)',
    rtm: "client.on('RemoteInvitationReceived', (remoteInvitation) => …)", support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'The legacy callee acknowledges automatically before the callback (the caller gets onInviteReceivedByPeer).',
      '`call.peer` / `call.channelName` / `call.extra` become `callerId` / `channelId` / `content`.',
      'An RTM remote invitation expires 60 s after receipt unless answered; legacy calls had no callee-side expiry.',
    ],
  },
  {
    id: 'SIG_ON_ERROR', api: 'web', owner: 'Session', name: 'onError', kind: 'callback',
    signature: '() (never called by the Web SDK)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'session-lifecycle', result: 'todo' },
    differences: ['The Web SDK never calls it; errors arrive through the specific callbacks (RTM: rejected promises).'],
    notes: 'Kept as an assignable slot that never fires, exactly like the legacy Web SDK.',
  },

  // ───────────────────────────── Web: Channel properties ─────────────────────────────
  {
    id: 'SIG_CHANNEL_NAME', api: 'web', owner: 'Channel', name: 'name', kind: 'property',
    signature: 'string',
    rtm: 'channel.channelId', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_CHANNEL_STATE', api: 'web', owner: 'Channel', name: 'state', kind: 'property',
    signature: "'joining' | 'joined' | 'leaved'",
    rtm: 'the join()/leave() promises (RTM keeps the state internal)', support: 'emulated',
    codemod: { rule: 'channel-lifecycle', result: 'todo' },
    differences: ['RTM exposes no channel state.'],
    notes: 'The shim tracks it from the join/leave results.',
  },
  {
    id: 'SIG_CHANNEL_MSGID', api: 'web', owner: 'Channel', name: 'm_channel_msgid', kind: 'property',
    signature: 'number (last channel message id seen)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'channel-messages', result: 'todo' },
    differences: ['RTM has no channel message ids; it orders and de-duplicates internally.'],
    notes: 'The shim counts received channel messages so the property keeps increasing.',
  },

  // ───────────────────────────── Web: Channel methods ─────────────────────────────
  {
    id: 'SIG_MESSAGE_CHANNEL_SEND', api: 'web', owner: 'Channel', name: 'messageChannelSend', kind: 'method',
    signature: '(msg, cb?: () => void)',
    rtm: 'channel.sendMessage({ text: msg })', support: 'native',
    codemod: { rule: 'channel-messages', result: 'convert' },
    differences: [
      'The legacy callback gets no arguments and fires on success and on failure alike; RTM rejects on failure.',
      'The legacy sender also receives its own message through onMessageChannelReceive; RTM never echoes it.',
      'Legacy messages up to 8 K characters; RTM text up to 32 KB.',
    ],
  },
  {
    id: 'SIG_CHANNEL_LEAVE', api: 'web', owner: 'Channel', name: 'channelLeave', kind: 'method',
    signature: '(cb?: () => void)',
    rtm: 'await channel.leave()', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'With a callback legacy calls `cb()` and does NOT fire onChannelLeaved; without one it fires `onChannelLeaved(0)`.',
      'RTM rejects leave() on a channel that is not joined; legacy always answers.',
    ],
  },
  {
    id: 'SIG_CHANNEL_SET_ATTR', api: 'web', owner: 'Channel', name: 'channelSetAttr', kind: 'method',
    signature: '(name, value, cb?: () => void)',
    rtm: 'client.addOrUpdateChannelAttributes(channel.channelId, { [name]: value }, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'channel-attributes', result: 'convert' },
    differences: [
      'The legacy callback gets no arguments and fires on failure too.',
      'Legacy names up to 128 bytes and values up to 8096 bytes; RTM keys ≤32 bytes, non-empty values ≤8 KB, ≤32 attributes per channel.',
      'Reserved legacy names (`_channel_ttl`, `_member_num`, `_auto_update_num`, …) are plain attributes in RTM.',
    ],
  },
  {
    id: 'SIG_CHANNEL_DEL_ATTR', api: 'web', owner: 'Channel', name: 'channelDelAttr', kind: 'method',
    signature: '(name, cb?: () => void)',
    rtm: 'client.deleteChannelAttributesByKeys(channel.channelId, [name], { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'channel-attributes', result: 'convert' },
    differences: ['The legacy callback gets no arguments and fires on failure too.'],
  },
  {
    id: 'SIG_CHANNEL_CLEAR_ATTR', api: 'web', owner: 'Channel', name: 'channelClearAttr', kind: 'method',
    signature: '(cb?: () => void)',
    rtm: 'client.clearChannelAttributes(channel.channelId, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'channel-attributes', result: 'convert' },
    differences: ['The legacy callback gets no arguments and fires on failure too.'],
  },

  // ───────────────────────────── Web: Channel callbacks ─────────────────────────────
  {
    id: 'SIG_ON_CHANNEL_JOINED', api: 'web', owner: 'Channel', name: 'onChannelJoined', kind: 'callback',
    signature: '() (no arguments on Web)',
    rtm: 'channel.join() resolves', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: ['Legacy fires onChannelJoined, onChannelUserList and the attribute replay in one tick, in that order.'],
  },
  {
    id: 'SIG_ON_CHANNEL_JOIN_FAILED', api: 'web', owner: 'Channel', name: 'onChannelJoinFailed', kind: 'callback',
    signature: '(err: string) (docs say ecode)',
    rtm: 'channel.join() rejects', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: ['Legacy passes the server reply (usually a string); RTM rejects with an RtmError.'],
  },
  {
    id: 'SIG_ON_CHANNEL_USER_LIST', api: 'web', owner: 'Channel', name: 'onChannelUserList', kind: 'callback',
    signature: '(list: [account: string, uid: number][])',
    rtm: 'await channel.getMembers() after join()', support: 'emulated',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'RTM sends no member list on join; getMembers() returns plain IDs, at most 512 (random above that); legacy sent the latest 200 as [account, uid] pairs.',
    ],
    notes: 'The shim calls getMembers() right after join and delivers [[account, 0], …] before replaying attributes.',
  },
  {
    id: 'SIG_ON_CHANNEL_USER_JOINED', api: 'web', owner: 'Channel', name: 'onChannelUserJoined', kind: 'callback',
    signature: '(account: string, uid: number)',
    rtm: "channel.on('MemberJoined', (memberId) => …)", support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'RTM never reports the local user and stops member events above 512 members.',
      'The legacy uid argument is 0.',
    ],
  },
  {
    id: 'SIG_ON_CHANNEL_USER_LEAVED', api: 'web', owner: 'Channel', name: 'onChannelUserLeaved', kind: 'callback',
    signature: '(account: string, uid: number)',
    rtm: "channel.on('MemberLeft', (memberId) => …)", support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'RTM also reports members that stayed disconnected for 30 s, and stops member events above 512 members.',
      'The legacy uid argument is 0.',
    ],
  },
  {
    id: 'SIG_ON_CHANNEL_ATTR_UPDATED', api: 'web', owner: 'Channel', name: 'onChannelAttrUpdated', kind: 'callback',
    signature: "(name, value, type: 'update' | 'del' | 'clear')",
    rtm: "channel.on('AttributesUpdated', (attributes) => …)", support: 'emulated',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: [
      'RTM delivers the full attribute set, not one (name, value, type) change.',
      'Legacy replays every existing attribute as type "update" right after joining (1.1.3–1.2.0.x passed ("update", name, value) in that replay); RTM does not.',
      'RTM notifies only when the writer asked for it (enableNotificationToChannelMembers).',
    ],
    notes: 'The shim diffs consecutive attribute sets into per-key update/del/clear calls and replays getChannelAttributes() after join.',
  },
  {
    id: 'SIG_ON_MESSAGE_CHANNEL_RECEIVE', api: 'web', owner: 'Channel', name: 'onMessageChannelReceive', kind: 'callback',
    signature: '(account: string, uid: number, msg: string)',
    rtm: "channel.on('ChannelMessage', (message, memberId) => …)", support: 'emulated',
    codemod: { rule: 'channel-messages', result: 'convert' },
    differences: [
      'The legacy sender receives its own channel messages; RTM does not deliver a channel message back to its sender.',
      'RTM delivers a message object (`message.text`); legacy passes the raw string and uid 0.',
    ],
    notes: 'The shim delivers each successful messageChannelSend back to the sender; the codemod adds the same local delivery to converted sends.',
  },
  {
    id: 'SIG_ON_CHANNEL_LEAVED', api: 'web', owner: 'Channel', name: 'onChannelLeaved', kind: 'callback',
    signature: '(ecode: 0)',
    rtm: 'channel.leave() resolves', support: 'native',
    codemod: { rule: 'channel-lifecycle', result: 'convert' },
    differences: ['Legacy fires it only for channelLeave() without a callback, with 0; never on disconnect.'],
  },

  // ───────────────────────────── Web: Call properties ─────────────────────────────
  {
    id: 'SIG_CALL_CHANNEL_NAME', api: 'web', owner: 'Call', name: 'channelName', kind: 'property',
    signature: 'string',
    rtm: 'localInvitation.channelId / remoteInvitation.channelId', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['Accepting an RTM invitation never joins the channel; neither did legacy.'],
  },
  {
    id: 'SIG_CALL_PEER', api: 'web', owner: 'Call', name: 'peer', kind: 'property',
    signature: 'string',
    rtm: 'localInvitation.calleeId / remoteInvitation.callerId', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_CALL_EXTRA', api: 'web', owner: 'Call', name: 'extra', kind: 'property',
    signature: 'string (usually JSON)',
    rtm: 'localInvitation.content / remoteInvitation.content', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['RTM content is at most 8 KB; legacy extra had to be JSON.'],
  },
  {
    id: 'SIG_CALL_PEERUID', api: 'web', owner: 'Call', name: 'peeruid', kind: 'property',
    signature: 'number (1.2.0.x only)',
    rtm: 'the constant 0 (RTM has no numeric uid)', support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['RTM has no numeric uid.'],
    notes: 'The shim reports 0.',
  },

  // ───────────────────────────── Web: Call methods ─────────────────────────────
  {
    id: 'SIG_CALL_CHANNEL_INVITE_USER2', api: 'web', owner: 'Call', name: 'channelInviteUser2', kind: 'method',
    signature: '() (called internally by session.channelInviteUser2)',
    rtm: 'localInvitation.send()', support: 'emulated',
    codemod: { rule: 'invitations', result: 'todo' },
    differences: ['Legacy calls `onInviteFailed(err)` without checking that it is set; calling it again re-sends the invite.'],
    notes: 'Once the previous invitation has ended the shim sends a new RTM LocalInvitation for the same callee, channel and extra; while one is in progress the call is ignored.',
  },
  {
    id: 'SIG_CHANNEL_INVITE_ACCEPT', api: 'web', owner: 'Call', name: 'channelInviteAccept', kind: 'method',
    signature: "(extra = '')",
    rtm: 'remoteInvitation.response = extra; remoteInvitation.accept()', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'Neither joins the channel; apps call channelJoin(call.channelName) themselves.',
      'RTM sends the accept after 1 s and fails it (ACCEPT_FAILURE) if the caller does not acknowledge within 5 s.',
    ],
  },
  {
    id: 'SIG_CHANNEL_INVITE_REFUSE', api: 'web', owner: 'Call', name: 'channelInviteRefuse', kind: 'method',
    signature: "(extra = '')",
    rtm: 'remoteInvitation.response = extra; remoteInvitation.refuse()', support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['RTM throws if the invitation already ended or was accepted; legacy sent the refusal regardless.'],
  },
  {
    id: 'SIG_CHANNEL_INVITE_END', api: 'web', owner: 'Call', name: 'channelInviteEnd', kind: 'method',
    signature: "(extra = '')",
    rtm: 'localInvitation.cancel() (while ringing); no RTM call ends an accepted invitation', support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'Legacy ends a call at any time, from either side, including hanging up after accept; RTM only cancels a sent, unanswered local invitation.',
      'Legacy fires onInviteEndByMyself("") synchronously, without a server round trip.',
    ],
    notes: "The shim cancels a ringing RTM invitation; after an accept, or from the callee, it sends RTM's legacy end-call text (`AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>`, or a resignal-reserved JSON form when channel or extra contain `_`) as a peer message, which the peer's shim turns into onInviteEndByPeer.",
  },
  {
    id: 'SIG_CHANNEL_INVITE_DTMF', api: 'web', owner: 'Call', name: 'channelInviteDTMF', kind: 'method',
    signature: '(dtmf: string)',
    rtm: "client.sendMessageToPeer({ text: 'ResignalLegacyCallMsg:' + JSON.stringify({ channel, extra }) }, peer): resignal's call signal (no RTM call)", support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'RTM has no in-call messages (legacy sent `voip_invite_msg` with extra `{"msgtype":"dtmf","msgdata":dtmf}`, and the peer\'s Call got onInviteMsg(extra)); RTM has no phone lines either.',
    ],
    notes: "The shim sends a call signal as a peer message (`ResignalLegacyCallMsg:{\"channel\":…,\"extra\":…}`, consumed by the peer's shim, never shown as a message); the peer's Call for that channel gets onInviteMsg(extra). Sent only while the call is live (ringing or accepted; for a caller, once its invitation went out); on a call that ended or never started nothing is sent and nothing fires.",
  },

  // ───────────────────────────── Web: Call callbacks ─────────────────────────────
  {
    id: 'SIG_ON_INVITE_RECEIVED_BY_PEER', api: 'web', owner: 'Call', name: 'onInviteReceivedByPeer', kind: 'callback',
    signature: "(extra: '')",
    rtm: "localInvitation.on('LocalInvitationReceivedByPeer', () => …)", support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_ON_INVITE_ACCEPTED_BY_PEER', api: 'web', owner: 'Call', name: 'onInviteAcceptedByPeer', kind: 'callback',
    signature: '(extra: string)',
    rtm: "localInvitation.on('LocalInvitationAccepted', (response) => …)", support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_ON_INVITE_REFUSED_BY_PEER', api: 'web', owner: 'Call', name: 'onInviteRefusedByPeer', kind: 'callback',
    signature: '(extra: string)',
    rtm: "localInvitation.on('LocalInvitationRefused', (response) => …)", support: 'native',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_ON_INVITE_FAILED', api: 'web', owner: 'Call', name: 'onInviteFailed', kind: 'callback',
    signature: '(extra: string) (JSON with a reason, or an error string)',
    rtm: "localInvitation.on('LocalInvitationFailure', (reason) => …) / remoteInvitation.on('RemoteInvitationFailure', …)", support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: [
      'Legacy passes a JSON string (apps read `JSON.parse(extra).reason`) or an error string; RTM passes a failure-reason enum.',
      'RTM fails after 30 s undelivered (PEER_OFFLINE / PEER_NO_RESPONSE) or 60 s unanswered (INVITATION_EXPIRE).',
    ],
    notes: 'The shim passes JSON `{"reason": <RTM reason>, "ecode": <INVITE_E_* code>}` so existing `JSON.parse(extra).reason` code keeps working.',
  },
  {
    id: 'SIG_ON_INVITE_END_BY_PEER', api: 'web', owner: 'Call', name: 'onInviteEndByPeer', kind: 'callback',
    signature: '(extra: string)',
    rtm: "remoteInvitation.on('RemoteInvitationCanceled', (content) => …) (while ringing only)", support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['RTM reports only a caller cancelling a ringing invitation; legacy also reported hang-ups after accept, from either side.'],
    notes: "The shim also fires it for a hang-up received as RTM's legacy end-call text (see SIG_CHANNEL_INVITE_END).",
  },
  {
    id: 'SIG_ON_INVITE_END_BY_MYSELF', api: 'web', owner: 'Call', name: 'onInviteEndByMyself', kind: 'callback',
    signature: "(extra: '')",
    rtm: "localInvitation.on('LocalInvitationCanceled', () => …)", support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['Legacy fires it synchronously inside channelInviteEnd(), for hang-ups as well as cancels.'],
    notes: 'The shim fires it synchronously from channelInviteEnd(), whatever the RTM invitation state.',
  },
  {
    id: 'SIG_ON_INVITE_MSG', api: 'web', owner: 'Call', name: 'onInviteMsg', kind: 'callback',
    signature: '(extra: string) (extra = \'{"msgtype":"dtmf","msgdata":…}\' for DTMF)',
    rtm: "client.on('MessageFromPeer', …) reading resignal's call signal (`ResignalLegacyCallMsg:` + JSON) for this call's channel and peer", support: 'emulated',
    codemod: { rule: 'invitations', result: 'convert' },
    differences: ['RTM has no in-call messages; legacy delivered the peer\'s channelInviteDTMF here.'],
    notes: "The shim fires it when the peer's shim sends channelInviteDTMF on a live call with this channel and peer (see SIG_CHANNEL_INVITE_DTMF); a signal for a call this side does not know (or that ended) is dropped, as legacy routing did.",
  },

  // ───────────────────────────── Web: invoke functions ─────────────────────────────
  {
    id: 'SIG_INVOKE_USER_QUERY_USER_STATUS', api: 'web', owner: 'invoke', name: 'io.agora.signal.user_query_user_status', kind: 'invoke',
    signature: '{ account } → { result, status: 1 | 0 }',
    rtm: 'client.queryPeersOnlineStatus([account])', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM queries up to 256 users at once and returns booleans; legacy returns status 1/0 for one account.'],
  },
  {
    id: 'SIG_INVOKE_USER_SET_ATTR', api: 'web', owner: 'invoke', name: 'io.agora.signal.user_set_attr', kind: 'invoke',
    signature: '{ name, value } → { result }',
    rtm: 'client.addOrUpdateLocalUserAttributes({ [name]: value })', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: [
      'RTM user attributes exist only while the user is online (deleted at logout, re-uploaded after reconnect).',
      'RTM keys ≤32 bytes, non-empty values ≤8 KB, ≤16 KB in total.',
    ],
    notes: 'An empty value deletes the attribute (deleteLocalUserAttributesByKeys), since RTM rejects empty values.',
  },
  {
    id: 'SIG_INVOKE_USER_GET_ATTR', api: 'web', owner: 'invoke', name: 'io.agora.signal.user_get_attr', kind: 'invoke',
    signature: '{ account, name } → { result, value }',
    rtm: 'client.getUserAttributesByKeys(account, [name])', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM fails (code 6) for a user who is offline, since their attributes no longer exist.'],
  },
  {
    id: 'SIG_INVOKE_USER_GET_ATTR_ALL', api: 'web', owner: 'invoke', name: 'io.agora.signal.user_get_attr_all', kind: 'invoke',
    signature: '{ account } → { result, json }',
    rtm: 'client.getUserAttributes(account)', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: [
      'Legacy returns the attributes as a JSON string (field name probably `json`); RTM returns an object.',
      'RTM fails (code 6) for a user who is offline.',
    ],
  },
  {
    id: 'SIG_INVOKE_CHANNEL_QUERY_NUM', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_query_num', kind: 'invoke',
    signature: '{ name } → { result, num }',
    rtm: 'client.getChannelMemberCount([name])', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM queries up to 32 channels per call, 1 call/s; the result is a map channel → count.'],
  },
  {
    id: 'SIG_INVOKE_CHANNEL_QUERY_USER_ISIN', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_query_user_isin', kind: 'invoke',
    signature: '{ name, account } → { result, isin: 1 | 0 }',
    rtm: '(await channel.getMembers()).includes(account) (joined channels only)', support: 'emulated',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM cannot ask whether a user is in a channel without joining it (then `(await channel.getMembers()).includes(account)`).'],
    notes: "Answered from getMembers() when this session has joined the channel; for any other channel the callback gets err 'unsupported'.",
  },
  {
    id: 'SIG_INVOKE_CHANNEL_QUERY_USERLIST', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_query_userlist', kind: 'invoke',
    signature: '{ name } → { result, num, list }',
    rtm: 'channel.getMembers() (joined channels only)', support: 'emulated',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM lists members only of a joined channel, at most 512.'],
    notes: "Answered from getMembers() when this session has joined the channel ([[account, 0], …]); for any other channel the callback gets err 'unsupported'.",
  },
  {
    id: 'SIG_INVOKE_CHANNEL_QUERY_USERLIST_ALL', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_query_userlist_all', kind: 'invoke',
    signature: '{ name, num = 1e6 } → { result, num, list } (deprecated)',
    rtm: 'channel.getMembers() (joined channels only)', support: 'emulated',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM lists members only of a joined channel, at most 512.'],
    notes: 'Same as channel_query_userlist, truncated to `num` members.',
  },
  {
    id: 'SIG_INVOKE_CHANNEL_SET_ATTR', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_set_attr', kind: 'invoke',
    signature: '{ channel, name, value } → { result }',
    rtm: 'client.addOrUpdateChannelAttributes(channel, { [name]: value }, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: ['RTM keys ≤32 bytes, non-empty values ≤8 KB, ≤32 attributes per channel.'],
  },
  {
    id: 'SIG_INVOKE_CHANNEL_DEL_ATTR', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_del_attr', kind: 'invoke',
    signature: '{ channel, name } → { result }',
    rtm: 'client.deleteChannelAttributesByKeys(channel, [name], { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_INVOKE_CHANNEL_CLEAR_ATTR', api: 'web', owner: 'invoke', name: 'io.agora.signal.channel_clear_attr', kind: 'invoke',
    signature: '{ channel } → { result }',
    rtm: 'client.clearChannelAttributes(channel, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'invoke', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_INVOKE_INTERNAL', api: 'web', owner: 'invoke', name: 'io.agora.signal.*',
    aliases: [
      'io.agora.signal.user_sendmsg', 'io.agora.signal.channel_sendmsg', 'io.agora.signal.user_getmsg',
      'io.agora.signal.user_getmsg2', 'io.agora.signal.channel_join', 'io.agora.signal.channel_leave',
      'io.agora.signal.user_logout', 'io.agora.signal.voip_invite', 'io.agora.signal.voip_invite_ack',
      'io.agora.signal.voip_invite_accept', 'io.agora.signal.voip_invite_refuse', 'io.agora.signal.voip_invite_bye',
      'io.agora.signal.voip_invite_msg',
    ],
    kind: 'invoke',
    signature: '(internal wire RPCs reachable through invoke)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'invoke', result: 'todo' },
    differences: ['These are wire RPCs of the legacy protocol, reachable only because invoke forwarded any name; use the corresponding method instead.'],
    notes: 'The invoke callback gets err "unsupported function: <name>" and ret `{ result: "unsupported function", reason }` asynchronously.',
    warning: 'invoke() of an internal legacy RPC is not supported by resignal; call the matching Session/Channel/Call method (or its RTM replacement) instead.',
  },

  // ───────────────────────────── Web: globals ─────────────────────────────
  {
    id: 'SIG_SIGNAL_CLASS', api: 'web', owner: 'global', name: 'Signal_', kind: 'global',
    signature: 'class (implicit global of builds ≤1.3.0)',
    rtm: 'RtmClient (type)', support: 'emulated',
    codemod: { rule: 'legacy-globals', result: 'todo' },
    differences: ['RTM exposes only the AgoraRTM namespace; no implicit globals.'],
    notes: 'The browser bundle defines `Signal_` next to `Signal`; instanceof checks keep working.',
  },
  {
    id: 'SIG_SIGNALING_SDK_VERSION', api: 'web', owner: 'global', name: 'SIGNALING_SDK_VERSION', kind: 'global',
    signature: 'string',
    rtm: 'AgoraRTM.VERSION', support: 'emulated',
    codemod: { rule: 'legacy-globals', result: 'todo' },
    differences: ['`AgoraRTM.VERSION` is the RTM version ("1.6.0"), not a Signaling version.'],
    notes: 'The shim exports the legacy version it mimics ("1.4.3").',
  },
  {
    id: 'SIG_LOGIN_STATE_NOT_LOGIN', api: 'web', owner: 'global', name: 'LOGIN_STATE_NOT_LOGIN', kind: 'constant',
    signature: '0',
    rtm: "'DISCONNECTED' (RtmStatusCode.ConnectionState)", support: 'native',
    codemod: { rule: 'legacy-globals', result: 'convert' },
    differences: ['RTM ABORTED (kicked) also counts as not logged in.'],
  },
  {
    id: 'SIG_LOGIN_STATE_LOGINING', api: 'web', owner: 'global', name: 'LOGIN_STATE_LOGINING', kind: 'constant',
    signature: '1',
    rtm: "'CONNECTING' (RtmStatusCode.ConnectionState)", support: 'native',
    codemod: { rule: 'legacy-globals', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_LOGIN_STATE_LOGINED', api: 'web', owner: 'global', name: 'LOGIN_STATE_LOGINED', kind: 'constant',
    signature: '2',
    rtm: "'CONNECTED' (RtmStatusCode.ConnectionState)", support: 'native',
    codemod: { rule: 'legacy-globals', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_LOGIN_STATE_RECONNECTING', api: 'web', owner: 'global', name: 'LOGIN_STATE_RECONNECTING', kind: 'constant',
    signature: '3',
    rtm: "'RECONNECTING' (RtmStatusCode.ConnectionState)", support: 'native',
    codemod: { rule: 'legacy-globals', result: 'convert' },
    differences: [],
  },

  // ───────────────────────────── Flat: instance and session ─────────────────────────────
  {
    id: 'SIG_FLAT_GET_INSTANCE', api: 'flat', owner: 'Flat', name: 'getInstance',
    aliases: ['getInstanceWithoutMedia', 'getAgoraSDKInstanceCPP', 'getAgoraSDKInstance'], kind: 'constructor',
    signature: '(context?, appId) → api (singleton)',
    rtm: 'AgoraRTM.createInstance(appId)', support: 'native',
    codemod: { rule: 'flat-instance', result: 'convert' },
    differences: ['The legacy instance is a process-wide singleton; RTM clients are independent objects.'],
  },
  {
    id: 'SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', api: 'flat', owner: 'Flat', name: 'createAgoraSDKInstance',
    aliases: ['createSigInstance', 'createAgoraSDKInstanceCPP'], kind: 'constructor',
    signature: '(appId) → api (new instance, 1.4.0+)',
    rtm: 'AgoraRTM.createInstance(appId)', support: 'native',
    codemod: { rule: 'flat-instance', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_FLAT_CALLBACK_SET', api: 'flat', owner: 'Flat', name: 'callbackSet', kind: 'method',
    signature: '(callback: ICallBack)',
    rtm: "client.on(event, listener) for each event", support: 'emulated',
    codemod: { rule: 'flat-instance', result: 'todo' },
    differences: ['RTM uses one listener per event instead of a callback object.'],
    notes: 'The shim reads the callback object at fire time, so methods added later are called too (with the object as `this`); a block property set on the API object takes precedence over the same method of the callback object.',
  },
  {
    id: 'SIG_FLAT_LOGIN', api: 'flat', owner: 'Flat', name: 'login', kind: 'method',
    signature: '(appId, account, token, uid = 0, deviceID = null)',
    rtm: 'await client.login({ uid: account, token })', support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: [
      'Legacy tokens are SignalingTokens or "_no_need_token"; RTM uses 006/007 tokens (resignal accepts all three).',
      'The numeric uid and deviceID have no RTM counterpart.',
    ],
    notes: 'Runs like login2 with its documented defaults (retry_time_in_s 30, retry_count 3). A second login while logging in or logged in fires onLoginFailed(LOGIN_E_ALREADY_LOGIN).',
  },
  {
    id: 'SIG_FLAT_LOGIN2', api: 'flat', owner: 'Flat', name: 'login2', kind: 'method',
    signature: '(appId, account, token, uid, deviceID, retry_time_in_s = 30, retry_count = 3)',
    rtm: 'await client.login({ uid: account, token })', support: 'emulated',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['RTM has no retry limits: it reconnects until logout; legacy gives up with onLoginFailed / onLogout.'],
    notes: 'The shim enforces both limits itself. Login: a network failure (201) is retried after 0.5–2 s, each attempt capped by the time left (and by the loginAttemptTimeoutMs option, default 10 s), until retry_count retries or retry_time_in_s are used up → onLoginFailed(201); other failures (204/206/209) end at once. Connection loss: onReconnecting(1..retry_count) while RTM reconnects by itself, then onLogout(LOGOUT_E_NET) at either limit.',
  },
  {
    id: 'SIG_FLAT_LOGOUT', api: 'flat', owner: 'Flat', name: 'logout', kind: 'method',
    signature: '()',
    rtm: 'await client.logout()', support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['RTM rejects (code 102) when already logged out; legacy reports LOGOUT_E_ALREADY_LOGOUT (108).'],
    notes: 'Logged in or reconnecting: onChannelLeaved(ch, LEAVECHANNEL_E_LOGOUT) for a joined channel, then onLogout(101) once RTM has logged out. Logged out: onLogout(108). Logging in: the login is cancelled with onLoginFailed(LOGIN_E_CANCEL).',
  },
  {
    id: 'SIG_FLAT_DESTROY', api: 'flat', owner: 'Flat', name: 'destroy', kind: 'method',
    signature: '()',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-instance', result: 'todo' },
    differences: ['RTM has no destroy; log out and drop every reference to the client.'],
    notes: 'The shim logs out, removes all listeners and refuses further calls.',
  },
  {
    id: 'SIG_FLAT_GET_STATUS', api: 'flat', owner: 'Flat', name: 'getStatus', kind: 'method',
    signature: '() → 0 | 1 | 2 | 3',
    rtm: "client.on('ConnectionStateChanged', (state) => …) (track the state yourself)", support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['RTM ConnectionState strings differ and add ABORTED (reported as 0).'],
  },
  {
    id: 'SIG_FLAT_IS_ONLINE', api: 'flat', owner: 'Flat', name: 'isOnline', kind: 'method',
    signature: '() → 0 | 1 (deprecated)',
    rtm: "client.on('ConnectionStateChanged', (state) => state === 'CONNECTED')", support: 'emulated',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: [],
    notes: 'Returns 1 when the RTM client is CONNECTED.',
  },
  {
    id: 'SIG_FLAT_GET_SDK_VERSION', api: 'flat', owner: 'Flat', name: 'getSdkVersion', kind: 'method',
    signature: '() → number (e.g. 1010104019 = 1.1.4.19)',
    rtm: 'AgoraRTM.VERSION', support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM reports a version string of the RTM SDK.'],
    notes: 'Returns 1010403000, the integer form of the legacy version the shim mimics (1.4.3).',
  },
  {
    id: 'SIG_FLAT_DBG', api: 'flat', owner: 'Flat', name: 'dbg', kind: 'method',
    signature: '(a: string, b: string)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM has no debug switches.'],
    notes: 'Accepted and ignored (logged at debug level).',
  },
  {
    id: 'SIG_FLAT_SET_BACKGROUND', api: 'flat', owner: 'Flat', name: 'setBackground', kind: 'method',
    signature: '(bOut: number)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM keeps the same connection in background and foreground.'],
    notes: 'Accepted and ignored.',
  },
  {
    id: 'SIG_FLAT_SET_NETWORK_STATUS', api: 'flat', owner: 'Flat', name: 'setNetworkStatus', kind: 'method',
    signature: '(bOut: number)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM detects network changes itself.'],
    notes: 'Accepted and ignored.',
  },
  {
    id: 'SIG_FLAT_PING', api: 'flat', owner: 'Flat', name: 'ping', kind: 'method',
    signature: '()',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM sends heartbeats itself.'],
    notes: 'Accepted and ignored.',
  },
  {
    id: 'SIG_FLAT_START', api: 'flat', owner: 'Flat', name: 'start', kind: 'method',
    signature: '()',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM has no service thread to start.'],
    notes: 'Accepted and ignored.',
  },
  {
    id: 'SIG_FLAT_STOP', api: 'flat', owner: 'Flat', name: 'stop', kind: 'method',
    signature: '()',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM has no service thread to stop.'],
    notes: 'Accepted and ignored.',
  },

  // ───────────────────────────── Flat: messages ─────────────────────────────
  {
    id: 'SIG_FLAT_MESSAGE_INSTANT_SEND', api: 'flat', owner: 'Flat', name: 'messageInstantSend', kind: 'method',
    signature: "(account, uid, msg, msgID = '')",
    rtm: 'client.sendMessageToPeer({ text: msg }, account)', support: 'native',
    codemod: { rule: 'flat-peer-messages', result: 'convert' },
    differences: [
      'Legacy reports onMessageSendSuccess(msgID) / onMessageSendError(msgID, ecode); RTM resolves or rejects the promise.',
      'Legacy success means the server received it; RTM `hasPeerReceived` is true only if the peer got it.',
    ],
  },
  {
    id: 'SIG_FLAT_MESSAGE_INSTANT_SEND2', api: 'flat', owner: 'Flat', name: 'messageInstantSend2', kind: 'method',
    signature: '(account, uid, msg, msgID, options)',
    rtm: 'client.sendMessageToPeer({ text: msg }, account)', support: 'native',
    codemod: { rule: 'flat-peer-messages', result: 'convert' },
    differences: ['The legacy options have no RTM counterpart (RTM 1.6 has no offline messages).'],
    notes: 'Sent like messageInstantSend; the options are ignored (logged at debug level).',
  },
  {
    id: 'SIG_FLAT_MESSAGE_CHANNEL_SEND', api: 'flat', owner: 'Flat', name: 'messageChannelSend', kind: 'method',
    signature: "(channelID, msg, msgID = '')",
    rtm: 'channel.sendMessage({ text: msg })', support: 'native',
    codemod: { rule: 'flat-channel-messages', result: 'convert' },
    differences: [
      'The legacy sender also receives its own message (onMessageChannelReceive); RTM never echoes it.',
      'Legacy reports onMessageSendSuccess/onMessageSendError by msgID; RTM resolves or rejects.',
    ],
  },
  {
    id: 'SIG_FLAT_MESSAGE_CHANNEL_SEND2', api: 'flat', owner: 'Flat', name: 'messageChannelSend2', kind: 'method',
    signature: '(channelID, msg, msgID, extra)',
    rtm: 'channel.sendMessage({ text: msg })', support: 'native',
    codemod: { rule: 'flat-channel-messages', result: 'convert' },
    differences: ['The legacy `extra` has no RTM counterpart.'],
    notes: 'Sent like messageChannelSend; the extra is ignored (logged at debug level).',
  },
  {
    id: 'SIG_FLAT_MESSAGE_CHANNEL_SEND_FORCE', api: 'flat', owner: 'Flat', name: 'messageChannelSendForce', kind: 'method',
    signature: '(channelID, msg, msgID)',
    rtm: 'REST POST /rtm/users/<uid>/channel_messages (server side; the SDK has none)', support: 'emulated',
    codemod: { rule: 'flat-channel-messages', result: 'todo' },
    differences: ['RTM SDK senders must have joined the channel; legacy could send without joining.'],
    notes: "A joined channel gets a normal send. Any other channel goes through the `forceChannelSend` option, e.g. `restChannelSender({ url, secret })`, which posts to the server's REST endpoint `POST /rtm/users/<uid>/channel_messages` with the app's REST secret (server-side apps only); without one, or if it fails: a console warning and onMessageSendError(msgID, SENDMESSAGE_E_OTHER).",
  },
  {
    id: 'SIG_FLAT_MESSAGE_APP_SEND', api: 'flat', owner: 'Flat', name: 'messageAppSend', kind: 'method',
    signature: '(msg, msgID)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no messages addressed to the app server.'],
    notes: 'Fails with onMessageSendError(msgID, SENDMESSAGE_E_OTHER).',
  },
  {
    id: 'SIG_FLAT_MESSAGE_PUSH_SEND', api: 'flat', owner: 'Flat', name: 'messagePushSend', kind: 'method',
    signature: '(account, uid, msg, msgID)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no push notifications.'],
    notes: 'Fails with onMessageSendError(msgID, SENDMESSAGE_E_OTHER).',
  },
  {
    id: 'SIG_FLAT_MESSAGE_CHAT_SEND', api: 'flat', owner: 'Flat', name: 'messageChatSend', kind: 'method',
    signature: '(account, uid, msg, msgID)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no stored chat messages; use sendMessageToPeer.'],
    notes: 'Fails with onMessageSendError(msgID, SENDMESSAGE_E_OTHER).',
  },
  {
    id: 'SIG_FLAT_MESSAGE_DTMF_SEND', api: 'flat', owner: 'Flat', name: 'messageDTMFSend', kind: 'method',
    signature: '(channelID, phoneNum, dtmf) (deprecated)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-phone-invitations', result: 'todo' },
    differences: ['RTM has no phone lines and no DTMF.'],
    notes: 'Fails with onError("messageDTMFSend", GENERAL_E_FAILED, …).',
  },

  // ───────────────────────────── Flat: queries and user attributes ─────────────────────────────
  {
    id: 'SIG_FLAT_QUERY_USER_STATUS', api: 'flat', owner: 'Flat', name: 'queryUserStatus', kind: 'method',
    signature: '(account)',
    rtm: 'client.queryPeersOnlineStatus([account])', support: 'native',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['Legacy answers through onQueryUserStatusResult(name, "1" | "0"); RTM resolves { [peerId]: boolean }.'],
  },
  {
    id: 'SIG_FLAT_SET_ATTR', api: 'flat', owner: 'Flat', name: 'setAttr', kind: 'method',
    signature: '(name, value)',
    rtm: 'client.addOrUpdateLocalUserAttributes({ [name]: value })', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['RTM user attributes exist only while the user is online; keys ≤32 bytes, non-empty values.'],
  },
  {
    id: 'SIG_FLAT_GET_ATTR', api: 'flat', owner: 'Flat', name: 'getAttr', kind: 'method',
    signature: '(name)',
    rtm: 'client.getUserAttributesByKeys(ownUid, [name])', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['Legacy answers through onUserAttrResult(account, name, value); RTM resolves a map.'],
  },
  {
    id: 'SIG_FLAT_GET_ATTR_ALL', api: 'flat', owner: 'Flat', name: 'getAttrAll', kind: 'method',
    signature: '()',
    rtm: 'client.getUserAttributes(ownUid)', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['Legacy answers through onUserAttrAllResult(account, valueJSON); RTM resolves an object.'],
  },
  {
    id: 'SIG_FLAT_GET_USER_ATTR', api: 'flat', owner: 'Flat', name: 'getUserAttr', kind: 'method',
    signature: '(account, name)',
    rtm: 'client.getUserAttributesByKeys(account, [name])', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['RTM fails (code 6) for an offline user, whose attributes no longer exist.'],
  },
  {
    id: 'SIG_FLAT_GET_USER_ATTR_ALL', api: 'flat', owner: 'Flat', name: 'getUserAttrAll', kind: 'method',
    signature: '(account)',
    rtm: 'client.getUserAttributes(account)', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['RTM fails (code 6) for an offline user, whose attributes no longer exist.'],
  },
  {
    id: 'SIG_FLAT_INVOKE', api: 'flat', owner: 'Flat', name: 'invoke', kind: 'method',
    signature: '(name, reqJSON: string, callID: string)',
    rtm: 'the RTM method of each function (user_query_user_status → client.queryPeersOnlineStatus([account]); see the SIG_INVOKE_* rows)', support: 'emulated',
    codemod: { rule: 'flat-invoke', result: 'convert' },
    differences: ['The answer arrives as onInvokeRet(callID, err, resp); RTM has one promise-returning method per query.'],
    notes: 'Dispatches the same functions as the Web invoke (see the SIG_INVOKE_* rows), with or without the io.agora.signal. prefix, and counts each call under that function\'s SIG_INVOKE_* ID too; channel member queries are answered for the joined channel only.',
  },

  // ───────────────────────────── Flat: channels ─────────────────────────────
  {
    id: 'SIG_FLAT_CHANNEL_JOIN', api: 'flat', owner: 'Flat', name: 'channelJoin', kind: 'method',
    signature: '(channelID)',
    rtm: 'const channel = client.createChannel(channelID); await channel.join()', support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: [
      'Native SDKs keep one channel at a time (joining another leaves the first); an RTM client may join 20.',
      'RTM re-joins joined channels automatically after a reconnect.',
    ],
  },
  {
    id: 'SIG_FLAT_CHANNEL_LEAVE', api: 'flat', owner: 'Flat', name: 'channelLeave', kind: 'method',
    signature: '(channelID)',
    rtm: 'await channel.leave()', support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['RTM rejects leave() on a channel that is not joined.'],
  },
  {
    id: 'SIG_FLAT_CHANNEL_QUERY_USER_NUM', api: 'flat', owner: 'Flat', name: 'channelQueryUserNum', kind: 'method',
    signature: '(channelID)',
    rtm: 'client.getChannelMemberCount([channelID])', support: 'native',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['Legacy answers through onChannelQueryUserNumResult(channelID, ecode, num); RTM resolves a map.'],
  },
  {
    id: 'SIG_FLAT_CHANNEL_QUERY_USER_IS_IN', api: 'flat', owner: 'Flat', name: 'channelQueryUserIsIn', kind: 'method',
    signature: '(channelID, account)',
    rtm: '(await channel.getMembers()).includes(account) (joined channel only)', support: 'emulated',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['RTM cannot ask whether a user is in a channel without joining it.'],
    notes: 'Answered from getMembers() when the channel is joined; otherwise onChannelQueryUserIsIn is not called and onError("channelQueryUserIsIn", GENERAL_E_FAILED, desc) reports why.',
  },
  {
    id: 'SIG_FLAT_CHANNEL_SET_ATTR', api: 'flat', owner: 'Flat', name: 'channelSetAttr', kind: 'method',
    signature: '(channelID, name, value)',
    rtm: 'client.addOrUpdateChannelAttributes(channelID, { [name]: value }, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'flat-channel-attributes', result: 'convert' },
    differences: ['RTM keys ≤32 bytes, non-empty values ≤8 KB, ≤32 attributes per channel.'],
  },
  {
    id: 'SIG_FLAT_CHANNEL_DEL_ATTR', api: 'flat', owner: 'Flat', name: 'channelDelAttr', kind: 'method',
    signature: '(channelID, name)',
    rtm: 'client.deleteChannelAttributesByKeys(channelID, [name], { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'flat-channel-attributes', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_FLAT_CHANNEL_CLEAR_ATTR', api: 'flat', owner: 'Flat', name: 'channelClearAttr', kind: 'method',
    signature: '(channelID)',
    rtm: 'client.clearChannelAttributes(channelID, { enableNotificationToChannelMembers: true })', support: 'native',
    codemod: { rule: 'flat-channel-attributes', result: 'convert' },
    differences: [],
  },

  // ───────────────────────────── Flat: invitations ─────────────────────────────
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_USER', api: 'flat', owner: 'Flat', name: 'channelInviteUser', kind: 'method',
    signature: '(channelID, account, uid)',
    rtm: 'const inv = client.createLocalInvitation(account); inv.channelId = channelID; inv.send()', support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['The flat API identifies a call by channelID+account; RTM code must keep the LocalInvitation object to cancel it later.'],
    notes: 'Same as channelInviteUser2 with an empty extra. Inviting an account again while its call in that channel is open fails with onInviteFailed(…, INVITE_E_REINVITE, extra).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_USER2', api: 'flat', owner: 'Flat', name: 'channelInviteUser2', kind: 'method',
    signature: '(channelID, account, extra)',
    rtm: 'const inv = client.createLocalInvitation(account); inv.channelId = channelID; inv.content = extra; inv.send()', support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['The flat API identifies a call by channelID+account; RTM code must keep the LocalInvitation object.'],
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_PHONE', api: 'flat', owner: 'Flat', name: 'channelInvitePhone', kind: 'method',
    signature: '(channelID, phoneNum, uid) (deprecated)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-phone-invitations', result: 'todo' },
    differences: ['RTM has no phone-line (SIP/PSTN) invitations.'],
    notes: 'Fails with onInviteFailed(channelID, phoneNum, 0, INVITE_E_OTHER, extra with a reason).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_PHONE2', api: 'flat', owner: 'Flat', name: 'channelInvitePhone2', kind: 'method',
    signature: '(channelID, phoneNum, sourcesNum) (deprecated)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-phone-invitations', result: 'todo' },
    differences: ['RTM has no phone-line (SIP/PSTN) invitations.'],
    notes: 'Fails with onInviteFailed(channelID, phoneNum, 0, INVITE_E_OTHER, extra with a reason).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_PHONE3', api: 'flat', owner: 'Flat', name: 'channelInvitePhone3', kind: 'method',
    signature: '(channelID, phoneNum, sourcesNum, extra) (deprecated)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-phone-invitations', result: 'todo' },
    differences: ['RTM has no phone-line (SIP/PSTN) invitations.'],
    notes: 'Fails with onInviteFailed(channelID, phoneNum, 0, INVITE_E_OTHER, extra with a reason).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_DTMF', api: 'flat', owner: 'Flat', name: 'channelInviteDTMF', kind: 'method',
    signature: '(channelID, phoneNum, dtmf)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-phone-invitations', result: 'todo' },
    differences: ['RTM has no phone lines and no DTMF.'],
    notes: 'Fails with onInviteFailed(channelID, phoneNum, 0, INVITE_E_OTHER, extra with a reason).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_ACCEPT', api: 'flat', owner: 'Flat', name: 'channelInviteAccept', kind: 'method',
    signature: '(channelID, account, uid, extra)',
    rtm: 'remoteInvitation.response = extra; remoteInvitation.accept()', support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM code must keep the RemoteInvitation received earlier; accepting does not join the channel.'],
    notes: 'Without a received invitation from that account in that channel: onError("channelInviteAccept", GENERAL_E_WRONG_PARAM, desc).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_REFUSE', api: 'flat', owner: 'Flat', name: 'channelInviteRefuse', kind: 'method',
    signature: '(channelID, account, uid, extra)',
    rtm: 'remoteInvitation.response = extra; remoteInvitation.refuse()', support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM code must keep the RemoteInvitation received earlier.'],
    notes: 'Without a received invitation from that account in that channel: onError("channelInviteRefuse", GENERAL_E_WRONG_PARAM, desc).',
  },
  {
    id: 'SIG_FLAT_CHANNEL_INVITE_END', api: 'flat', owner: 'Flat', name: 'channelInviteEnd', kind: 'method',
    signature: '(channelID, account, uid)',
    rtm: 'localInvitation.cancel() (while ringing only)', support: 'emulated',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['Legacy ends a call at any time from either side; RTM only cancels a sent, unanswered local invitation.'],
    notes: "Like SIG_CHANNEL_INVITE_END: cancels while ringing, otherwise sends RTM's legacy end-call text; onInviteEndByMyself(ch, account, 0) fires synchronously, even for an unknown call.",
  },

  // ───────────────────────────── Flat: session callbacks ─────────────────────────────
  {
    id: 'SIG_FLAT_ON_LOGIN_SUCCESS', api: 'flat', owner: 'Flat', name: 'onLoginSuccess', kind: 'callback',
    signature: '(uid: number, fd: number)',
    rtm: "client.login() resolves; ConnectionStateChanged(CONNECTED, LOGIN_SUCCESS)", support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['RTM has no numeric uid or fd (the shim passes 0, 0).', 'Natives report reconnects through onReconnected, not a second onLoginSuccess.'],
  },
  {
    id: 'SIG_FLAT_ON_LOGIN_FAILED', api: 'flat', owner: 'Flat', name: 'onLoginFailed', kind: 'callback',
    signature: '(ecode: number)',
    rtm: 'client.login() rejects; ConnectionStateChanged(DISCONNECTED, LOGIN_FAILURE | LOGIN_TIMEOUT)', support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['Legacy passes a LOGIN_E_* number; RTM rejects with an RtmError.'],
  },
  {
    id: 'SIG_FLAT_ON_LOGOUT', api: 'flat', owner: 'Flat', name: 'onLogout', kind: 'callback',
    signature: '(ecode: number)',
    rtm: "ConnectionStateChanged(DISCONNECTED | ABORTED, reason)", support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['Legacy passes a LOGOUT_E_* number (101 user, 102 network, 103 kicked); RTM passes a ConnectionChangeReason.'],
  },
  {
    id: 'SIG_FLAT_ON_RECONNECTING', api: 'flat', owner: 'Flat', name: 'onReconnecting', kind: 'callback',
    signature: '(nretry: number)',
    rtm: "ConnectionStateChanged(RECONNECTING, INTERRUPTED)", support: 'emulated',
    codemod: { rule: 'flat-session-lifecycle', result: 'todo' },
    differences: ['RTM reports the state change once, without a retry count.'],
    notes: 'RTM reconnects by itself and reports no attempts, so the shim counts them at 1.4.x pace (1.2 s, 1.4 s, 1.8 s, 2.6 s, then 3 s each): onReconnecting(1) at the loss, one more per period while still reconnecting, up to login2\'s retry_count; see SIG_FLAT_LOGIN2.',
  },
  {
    id: 'SIG_FLAT_ON_RECONNECTED', api: 'flat', owner: 'Flat', name: 'onReconnected', kind: 'callback',
    signature: '(fd: number)',
    rtm: "ConnectionStateChanged(CONNECTED, LOGIN_SUCCESS) after RECONNECTING", support: 'native',
    codemod: { rule: 'flat-session-lifecycle', result: 'todo' },
    differences: ['RTM does not distinguish a reconnect from a first login except by the previous state.'],
  },
  {
    id: 'SIG_FLAT_ON_ERROR', api: 'flat', owner: 'Flat', name: 'onError', kind: 'callback',
    signature: '(name: string, ecode: number, desc: string)',
    rtm: 'rejected promises of each call', support: 'emulated',
    codemod: { rule: 'flat-session-lifecycle', result: 'convert' },
    differences: ['RTM reports errors per call, not through one global callback.'],
    notes: 'The shim reports failures of calls that have no dedicated failure callback here: queryUserStatus, setAttr, getAttr(All), getUserAttr(All), channelQueryUserIsIn, channelSet/Del/ClearAttr, channelInviteAccept/Refuse of an unknown call, messageDTMFSend. ecode: GENERAL_E_NOT_LOGIN before login, GENERAL_E_WRONG_PARAM / GENERAL_E_LARGE_PARAM for rejected arguments, else GENERAL_E_FAILED; desc is the RTM error message.',
  },
  {
    id: 'SIG_FLAT_ON_LOG', api: 'flat', owner: 'Flat', name: 'onLog', kind: 'callback',
    signature: '(txt: string)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM writes logs to the console according to logFilter; no log callback.'],
    notes: 'The shim forwards its own log lines here (debug lines included); warnings and errors also go to the console.',
  },
  {
    id: 'SIG_FLAT_ON_DBG', api: 'flat', owner: 'Flat', name: 'onDbg', kind: 'callback',
    signature: '(a: string, b: string)',
    rtm: null, support: 'emulated',
    codemod: { rule: 'flat-debug-settings', result: 'todo' },
    differences: ['RTM has no debug callback.'],
    notes: 'Kept as a slot that never fires.',
  },

  // ───────────────────────────── Flat: message callbacks ─────────────────────────────
  {
    id: 'SIG_FLAT_ON_MESSAGE_SEND_SUCCESS', api: 'flat', owner: 'Flat', name: 'onMessageSendSuccess', kind: 'callback',
    signature: '(messageID: string)',
    rtm: 'sendMessageToPeer() / channel.sendMessage() resolves', support: 'native',
    codemod: { rule: 'flat-peer-messages', result: 'convert' },
    differences: [
      'Legacy success means the server received the message; RTM peer sends resolve `{ hasPeerReceived }`, true only when the peer got it.',
      'RTM has no message IDs; the result belongs to the promise of each send.',
    ],
  },
  {
    id: 'SIG_FLAT_ON_MESSAGE_SEND_ERROR', api: 'flat', owner: 'Flat', name: 'onMessageSendError', kind: 'callback',
    signature: '(messageID: string, ecode: number)',
    rtm: 'sendMessageToPeer() / channel.sendMessage() rejects', support: 'native',
    codemod: { rule: 'flat-peer-messages', result: 'convert' },
    differences: ['Legacy passes SENDMESSAGE_E_*; RTM rejects with an RtmError. An offline peer is not an RTM error.'],
    notes: 'SENDMESSAGE_E_TIMEOUT (401) when RTM timed out, else SENDMESSAGE_E_OTHER (400): before login, channel not joined, oversized or rejected messages, unsupported message kinds.',
  },
  {
    id: 'SIG_FLAT_ON_MESSAGE_SEND_PROGRESS', api: 'flat', owner: 'Flat', name: 'onMessageSendProgress', kind: 'callback',
    signature: '(account, messageID, type, info) (rarely used)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM reports no progress for text messages.'],
    notes: 'Assigning it is harmless; it never fires.',
  },
  {
    id: 'SIG_FLAT_ON_MESSAGE_INSTANT_RECEIVE', api: 'flat', owner: 'Flat', name: 'onMessageInstantReceive', kind: 'callback',
    signature: '(account: string, uid: number, msg: string)',
    rtm: "client.on('MessageFromPeer', (message, peerId) => …)", support: 'native',
    codemod: { rule: 'flat-peer-messages', result: 'convert' },
    differences: ['RTM delivers a message object; the uid argument is 0.'],
  },
  {
    id: 'SIG_FLAT_ON_MESSAGE_CHANNEL_RECEIVE', api: 'flat', owner: 'Flat', name: 'onMessageChannelReceive', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, msg: string)',
    rtm: "channel.on('ChannelMessage', (message, memberId) => …)", support: 'emulated',
    codemod: { rule: 'flat-channel-messages', result: 'convert' },
    differences: ['The legacy sender receives its own channel messages; RTM never echoes them.', 'RTM listeners are per channel object; legacy passes channelID first.'],
    notes: 'The shim echoes each successful send to the sender locally.',
  },
  {
    id: 'SIG_FLAT_ON_MESSAGE_APP_RECEIVED', api: 'flat', owner: 'Flat', name: 'onMessageAppReceived', kind: 'callback',
    signature: '(msg: string)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no app-server messages.'],
    notes: 'Assigning it is harmless; it never fires.',
  },
  {
    id: 'SIG_FLAT_ON_MSG', api: 'flat', owner: 'Flat', name: 'onMsg', kind: 'callback',
    signature: '(from, t, msg) (rarely used)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no raw notification callback.'],
    notes: 'Assigning it is harmless; it never fires.',
  },
  {
    id: 'SIG_FLAT_ON_BC_CALL_RESULT', api: 'flat', owner: 'Flat', name: 'onBCCall_result', kind: 'callback',
    signature: '(reason, json_ret, callID) (rarely used)',
    rtm: null, support: 'unsupported',
    codemod: { rule: 'flat-unsupported-messages', result: 'todo' },
    differences: ['RTM has no broadcast calls.'],
    notes: 'Assigning it is harmless; it never fires.',
  },

  // ───────────────────────────── Flat: query callbacks ─────────────────────────────
  {
    id: 'SIG_FLAT_ON_QUERY_USER_STATUS_RESULT', api: 'flat', owner: 'Flat', name: 'onQueryUserStatusResult', kind: 'callback',
    signature: "(name: string, status: '1' | '0')",
    rtm: 'client.queryPeersOnlineStatus([account]) resolves { [peerId]: boolean }', support: 'native',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['Legacy status is the string "1" or "0"; RTM returns booleans.'],
  },
  {
    id: 'SIG_FLAT_ON_USER_ATTR_RESULT', api: 'flat', owner: 'Flat', name: 'onUserAttrResult', kind: 'callback',
    signature: '(account: string, name: string, value: string)',
    rtm: 'client.getUserAttributesByKeys(account, [name]) resolves', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['RTM fails for an offline user instead of answering with the stored value.'],
  },
  {
    id: 'SIG_FLAT_ON_USER_ATTR_ALL_RESULT', api: 'flat', owner: 'Flat', name: 'onUserAttrAllResult', kind: 'callback',
    signature: '(account: string, valueJSON: string)',
    rtm: 'client.getUserAttributes(account) resolves', support: 'native',
    codemod: { rule: 'flat-user-attributes', result: 'todo' },
    differences: ['Legacy passes a JSON string; RTM resolves an object.'],
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_QUERY_USER_NUM_RESULT', api: 'flat', owner: 'Flat', name: 'onChannelQueryUserNumResult', kind: 'callback',
    signature: '(channelID: string, ecode: number, num: number)',
    rtm: 'client.getChannelMemberCount([channelID]) resolves', support: 'native',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['Legacy passes QUERYUSERNUM_E_* on failure; RTM rejects.'],
    notes: 'On failure: (channelID, QUERYUSERNUM_E_OTHER or QUERYUSERNUM_E_TIMEOUT, 0).',
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_QUERY_USER_IS_IN', api: 'flat', owner: 'Flat', name: 'onChannelQueryUserIsIn', kind: 'callback',
    signature: '(channelID: string, account: string, isIn: number)',
    rtm: 'the getMembers() promise of the joined channel', support: 'emulated',
    codemod: { rule: 'flat-queries', result: 'convert' },
    differences: ['RTM cannot answer this without joining the channel.'],
    notes: 'Answered from getMembers() of a joined channel (see SIG_FLAT_CHANNEL_QUERY_USER_IS_IN).',
  },
  {
    id: 'SIG_FLAT_ON_INVOKE_RET', api: 'flat', owner: 'Flat', name: 'onInvokeRet', kind: 'callback',
    signature: '(callID: string, err: string, resp: string)',
    rtm: 'the promise of the RTM method the function maps to', support: 'emulated',
    codemod: { rule: 'flat-invoke', result: 'convert' },
    differences: ['RTM has no generic RPC; each query returns its own promise.'],
    notes: 'Fired by the shim for each flat invoke(): err "" and resp `{"result":"ok",…}` on success; otherwise err is "not_login", "invalid_argument" (reqJSON not a JSON object), "unsupported", "unsupported function: <name>" or an RTM failure string, and resp `{"result": err, "reason": …}`.',
  },

  // ───────────────────────────── Flat: channel callbacks ─────────────────────────────
  {
    id: 'SIG_FLAT_ON_CHANNEL_JOINED', api: 'flat', owner: 'Flat', name: 'onChannelJoined', kind: 'callback',
    signature: '(channelID: string)',
    rtm: 'channel.join() resolves', support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: [],
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_JOIN_FAILED', api: 'flat', owner: 'Flat', name: 'onChannelJoinFailed', kind: 'callback',
    signature: '(channelID: string, ecode: number)',
    rtm: 'channel.join() rejects', support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['Legacy passes JOINCHANNEL_E_OTHER (300); RTM rejects with an RtmError.'],
    notes: 'Fired with JOINCHANNEL_E_OTHER for every failure, before login included.',
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_LEAVED', api: 'flat', owner: 'Flat', name: 'onChannelLeaved', kind: 'callback',
    signature: '(channelID: string, ecode: number)',
    rtm: 'channel.leave() resolves', support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['Legacy also reports leaving on kick, logout or disconnect (LEAVECHANNEL_E_*); RTM re-joins after a reconnect instead.'],
    notes: 'ecode: LEAVECHANNEL_E_BYUSER (602) for channelLeave and for the channel left by joining another, LEAVECHANNEL_E_LOGOUT (603) on logout, LEAVECHANNEL_E_DISCONN (604) when the session is lost or kicked. A channel survives a reconnect (RTM re-joins it).',
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_USER_JOINED', api: 'flat', owner: 'Flat', name: 'onChannelUserJoined', kind: 'callback',
    signature: '(account: string, uid: number) (no channelID)',
    rtm: "channel.on('MemberJoined', (memberId) => …)", support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['RTM listeners are per channel object; RTM never reports the local user and stops above 512 members.'],
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_USER_LEAVED', api: 'flat', owner: 'Flat', name: 'onChannelUserLeaved', kind: 'callback',
    signature: '(account: string, uid: number) (no channelID)',
    rtm: "channel.on('MemberLeft', (memberId) => …)", support: 'native',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['RTM also reports members disconnected for 30 s, and stops above 512 members.'],
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_USER_LIST', api: 'flat', owner: 'Flat', name: 'onChannelUserList', kind: 'callback',
    signature: '(accounts: string[], uids: number[]) (C++: (n, accounts, uids))',
    rtm: 'await channel.getMembers() after join()', support: 'emulated',
    codemod: { rule: 'flat-channel-lifecycle', result: 'convert' },
    differences: ['RTM sends no member list on join; getMembers() returns at most 512 IDs.'],
    notes: 'The shim calls getMembers() right after join and passes two parallel arrays (uids all 0).',
  },
  {
    id: 'SIG_FLAT_ON_CHANNEL_ATTR_UPDATED', api: 'flat', owner: 'Flat', name: 'onChannelAttrUpdated', kind: 'callback',
    signature: "(channelID: string, name: string, value: string, type: 'update' | 'del' | 'clear')",
    rtm: "channel.on('AttributesUpdated', (attributes) => …)", support: 'emulated',
    codemod: { rule: 'flat-channel-attributes', result: 'todo' },
    differences: ['RTM delivers the full attribute set, and only when the writer asked for notifications.'],
    notes: 'The shim diffs consecutive attribute sets into per-key changes.',
  },

  // ───────────────────────────── Flat: invitation callbacks ─────────────────────────────
  {
    id: 'SIG_FLAT_ON_INVITE_RECEIVED', api: 'flat', owner: 'Flat', name: 'onInviteReceived', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, extra: string)',
    rtm: "client.on('RemoteInvitationReceived', (remoteInvitation) => …)", support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['Arguments become remoteInvitation.channelId / callerId / content; keep the object to accept or refuse it.'],
  },
  {
    id: 'SIG_FLAT_ON_INVITE_RECEIVED_BY_PEER', api: 'flat', owner: 'Flat', name: 'onInviteReceivedByPeer', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number)',
    rtm: "localInvitation.on('LocalInvitationReceivedByPeer', () => …)", support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM listeners are per invitation object.'],
  },
  {
    id: 'SIG_FLAT_ON_INVITE_ACCEPTED_BY_PEER', api: 'flat', owner: 'Flat', name: 'onInviteAcceptedByPeer', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, extra: string)',
    rtm: "localInvitation.on('LocalInvitationAccepted', (response) => …)", support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM listeners are per invitation object.'],
  },
  {
    id: 'SIG_FLAT_ON_INVITE_REFUSED_BY_PEER', api: 'flat', owner: 'Flat', name: 'onInviteRefusedByPeer', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, extra: string)',
    rtm: "localInvitation.on('LocalInvitationRefused', (response) => …)", support: 'native',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM listeners are per invitation object.'],
  },
  {
    id: 'SIG_FLAT_ON_INVITE_FAILED', api: 'flat', owner: 'Flat', name: 'onInviteFailed', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, ecode: number, extra: string)',
    rtm: "localInvitation.on('LocalInvitationFailure', (reason) => …)", support: 'emulated',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['Legacy passes INVITE_E_* codes; RTM passes a failure-reason enum.'],
    notes: 'The shim maps PEER_OFFLINE → INVITE_E_PEEROFFLINE (703), PEER_NO_RESPONSE / INVITATION_EXPIRE → INVITE_E_TIMEOUT (704), NOT_LOGGEDIN / ACCEPT_FAILURE → INVITE_E_NET (702), anything else → INVITE_E_OTHER (700).',
  },
  {
    id: 'SIG_FLAT_ON_INVITE_END_BY_PEER', api: 'flat', owner: 'Flat', name: 'onInviteEndByPeer', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number, extra: string)',
    rtm: "remoteInvitation.on('RemoteInvitationCanceled', (content) => …) (while ringing only)", support: 'emulated',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM reports only a cancelled ringing invitation, not a hang-up after accept.'],
    notes: "Also fired for a hang-up received as RTM's legacy end-call text (see SIG_CHANNEL_INVITE_END).",
  },
  {
    id: 'SIG_FLAT_ON_INVITE_END_BY_MYSELF', api: 'flat', owner: 'Flat', name: 'onInviteEndByMyself', kind: 'callback',
    signature: '(channelID: string, account: string, uid: number)',
    rtm: "localInvitation.on('LocalInvitationCanceled', () => …)", support: 'emulated',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['Legacy fires it for hang-ups as well as cancels.'],
    notes: 'Fired by channelInviteEnd() whatever the RTM invitation state.',
  },
  {
    id: 'SIG_FLAT_ON_INVITE_MSG', api: 'flat', owner: 'Flat', name: 'onInviteMsg', kind: 'callback',
    signature: '(channelID, account, uid, msgType, msgData, extra)',
    rtm: "client.on('MessageFromPeer', …) reading resignal's call signal (`ResignalLegacyCallMsg:` + JSON) for the call's channel and account", support: 'emulated',
    codemod: { rule: 'flat-invitations', result: 'convert' },
    differences: ['RTM has no in-call messages (they carried DTMF for phone lines).'],
    notes: "Fires when a Web-API peer on the shim sends call.channelInviteDTMF(dtmf) on a live call with this account in that channel: msgType 'dtmf', msgData the digits, extra the legacy JSON. Phone lines (which sent the rest) do not exist in RTM.",
  },
] as const satisfies readonly ApiRowInput[];

/** A stable ID of one legacy element: the key of warnings, codemod TODOs, report counts and doc anchors. */
export type ApiId = (typeof ROWS)[number]['id'];

export interface ApiEntry {
  readonly id: ApiId;
  readonly api: ApiSurface;
  readonly owner: ApiOwner;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: ApiKind;
  readonly signature: string;
  readonly rtm: string | null;
  readonly support: SupportLevel;
  readonly codemod: CodemodPlan;
  readonly differences: readonly string[];
  readonly notes: string | null;
  readonly warning: string;
  /** Anchor in docs/api-map.md, e.g. `#sig_message_instant_send`. */
  readonly docs: string;
}

export const API_MAP_DOC_PATH = 'docs/api-map.md';
export const INVOKE_PREFIX = 'io.agora.signal.';

/** GitHub-style anchor of the `### <ID>` heading in docs/api-map.md. */
export function docsAnchor(id: string): string {
  return `#${id.toLowerCase()}`;
}

/** How the app writes it, e.g. `session.messageInstantSend()`, `channel.onChannelJoined`, `agoraAPI.login2()`. */
export function legacyDisplayName(row: Pick<ApiEntry, 'api' | 'owner' | 'name' | 'kind'>): string {
  const call = row.kind === 'method' || row.kind === 'constructor' ? '()' : '';
  switch (row.owner) {
    case 'Signal':
      return row.kind === 'constructor' ? `${row.name}${call}` : `signal.${row.name}${call}`;
    case 'Session':
      return `session.${row.name}${call}`;
    case 'Channel':
      return `channel.${row.name}${call}`;
    case 'Call':
      return `call.${row.name}${call}`;
    case 'invoke':
      return `session.invoke('${row.name}')`;
    case 'global':
      return row.name;
    case 'Flat':
      // Named after the iOS object (`AgoraAPI` class, `agoraAPI` instance); Android and C++ spell members alike.
      return row.kind === 'constructor' ? `AgoraAPI.${row.name}()` : `agoraAPI.${row.name}${call}`;
  }
}

function defaultWarning(row: ApiRowInput): string {
  const legacy = legacyDisplayName(row);
  if (row.support === 'unsupported') {
    const outcome = row.kind === 'callback' ? 'it can be assigned but never fires' : 'the call fails as a legacy error';
    return `${legacy} is not supported by resignal: RTM 1.x has no equivalent, so ${outcome}.`;
  }
  if (row.rtm === null) {
    return `${legacy} is legacy Signaling API with no RTM 1.x counterpart; resignal emulates it.`;
  }
  return `${legacy} is legacy Signaling API. RTM 1.x: ${row.rtm}.`;
}

function complete(row: ApiRowInput): ApiEntry {
  return Object.freeze({
    id: row.id as ApiId,
    api: row.api,
    owner: row.owner,
    name: row.name,
    aliases: Object.freeze([...(row.aliases ?? [])]),
    kind: row.kind,
    signature: row.signature,
    rtm: row.rtm,
    support: row.support,
    codemod: Object.freeze({ ...row.codemod }),
    differences: Object.freeze([...row.differences]),
    notes: row.notes ?? null,
    warning: row.warning ?? defaultWarning(row),
    docs: docsAnchor(row.id),
  });
}

export const API_MAP: readonly ApiEntry[] = Object.freeze(ROWS.map(complete));

export const API_MAP_BY_ID: Readonly<Record<ApiId, ApiEntry>> = Object.freeze(
  Object.fromEntries(API_MAP.map((entry) => [entry.id, entry])) as Record<ApiId, ApiEntry>,
);

export function isApiId(value: string): value is ApiId {
  return Object.hasOwn(API_MAP_BY_ID, value);
}

/**
 * The row for a legacy element as the app names it. Aliases match too; for `invoke` the
 * `io.agora.signal.` prefix is optional, and unknown `io.agora.signal.*` names fall back to
 * SIG_INVOKE_INTERNAL because the legacy SDK forwarded any such name to the server.
 */
export function findByName(owner: ApiOwner, name: string): ApiEntry | undefined {
  const wanted = owner === 'invoke' && !name.startsWith(INVOKE_PREFIX) ? `${INVOKE_PREFIX}${name}` : name;
  const found = API_MAP.find((e) => e.owner === owner && (e.name === wanted || e.aliases.includes(wanted)));
  if (found !== undefined || owner !== 'invoke') return found;
  return API_MAP_BY_ID.SIG_INVOKE_INTERNAL;
}

/**
 * Every name (aliases included) an owner has, optionally of some kinds only, e.g. the callback
 * properties of a Channel. Use this instead of keeping another list of legacy names.
 */
export function namesOf(owner: ApiOwner, kinds?: readonly ApiKind[]): readonly string[] {
  return API_MAP.filter((e) => e.owner === owner && (kinds === undefined || kinds.includes(e.kind))).flatMap((e) => [e.name, ...e.aliases]);
}

/**
 * The behaviours of legacy-signaling.md §11 that the shim must reproduce exactly, each tied to the
 * IDs whose rows describe it (compat tests assert a scenario per item; docs list them).
 */
export const MUST_REPRODUCE = [
  { item: 1, behaviour: 'Callbacks are plain properties, never fired synchronously inside login()/channelJoin(); handler exceptions are logged and swallowed.', ids: ['SIG_LOGIN', 'SIG_CHANNEL_JOIN', 'SIG_ON_LOGIN_SUCCESS', 'SIG_ON_CHANNEL_JOINED'] },
  { item: 2, behaviour: 'messageInstantSend cb gets false on success, true on error; messageChannelSend and channelSetAttr/DelAttr/ClearAttr cbs get no arguments and fire on failure too.', ids: ['SIG_MESSAGE_INSTANT_SEND', 'SIG_MESSAGE_CHANNEL_SEND', 'SIG_CHANNEL_SET_ATTR', 'SIG_CHANNEL_DEL_ATTR', 'SIG_CHANNEL_CLEAR_ATTR'] },
  { item: 3, behaviour: 'The sender receives its own channel messages through onMessageChannelReceive.', ids: ['SIG_ON_MESSAGE_CHANNEL_RECEIVE', 'SIG_MESSAGE_CHANNEL_SEND'] },
  { item: 4, behaviour: "Join order: onChannelJoined() → onChannelUserList([[acc, uid], …]) → onChannelAttrUpdated(name, value, 'update') per existing attribute.", ids: ['SIG_ON_CHANNEL_JOINED', 'SIG_ON_CHANNEL_USER_LIST', 'SIG_ON_CHANNEL_ATTR_UPDATED'] },
  { item: 5, behaviour: 'channelLeave(cb) suppresses onChannelLeaved; without a cb it fires onChannelLeaved(0).', ids: ['SIG_CHANNEL_LEAVE', 'SIG_ON_CHANNEL_LEAVED'] },
  { item: 6, behaviour: "channelInviteEnd fires onInviteEndByMyself('') synchronously; the callee auto-acks invites; channelInviteAccept does not join.", ids: ['SIG_CHANNEL_INVITE_END', 'SIG_ON_INVITE_END_BY_MYSELF', 'SIG_ON_INVITE_RECEIVED', 'SIG_ON_INVITE_RECEIVED_BY_PEER', 'SIG_CHANNEL_INVITE_ACCEPT'] },
  { item: 7, behaviour: 'onMessageInstantReceive(account, 0, msg): the uid argument is literally 0.', ids: ['SIG_ON_MESSAGE_INSTANT_RECEIVE'] },
  { item: 8, behaviour: 'logout() is a no-op while logged in unless onLogout is set; onLogout(101) on user logout.', ids: ['SIG_LOGOUT', 'SIG_ON_LOGOUT'] },
  { item: 9, behaviour: 'getStatus() returns 0/1/2(/3); channelJoin returns undefined before login.', ids: ['SIG_GET_STATUS', 'SIG_CHANNEL_JOIN'] },
  { item: 10, behaviour: 'One channel per session; 1.4.x re-fires onLoginSuccess after an automatic reconnect and does not re-join.', ids: ['SIG_CHANNEL_JOIN', 'SIG_ON_LOGIN_SUCCESS'] },
  { item: 11, behaviour: "invoke only handles the io.agora.signal. prefix, mutates args (adds line), and calls cb(err, ret) with err === '' on success.", ids: ['SIG_INVOKE'] },
] as const satisfies readonly { readonly item: number; readonly behaviour: string; readonly ids: readonly ApiId[] }[];

/** Legacy `ecode` values (legacy-signaling.md §8); the shim exports them as named constants. */
export const LEGACY_ERROR_CODES = {
  SUCCESS: 0,
  LOGOUT_E_OTHER: 100,
  LOGOUT_E_USER: 101,
  LOGOUT_E_NET: 102,
  LOGOUT_E_KICKED: 103,
  LOGOUT_E_PACKET: 104,
  LOGOUT_E_TOKENEXPIRED: 105,
  LOGOUT_E_OLDVERSION: 106,
  LOGOUT_E_TOKENWRONG: 107,
  LOGOUT_E_ALREADY_LOGOUT: 108,
  LOGIN_E_OTHER: 200,
  LOGIN_E_NET: 201,
  LOGIN_E_FAILED: 202,
  LOGIN_E_CANCEL: 203,
  LOGIN_E_TOKENEXPIRED: 204,
  LOGIN_E_OLDVERSION: 205,
  LOGIN_E_TOKENWRONG: 206,
  LOGIN_E_TOKEN_KICKED: 207,
  LOGIN_E_ALREADY_LOGIN: 208,
  LOGIN_E_INVALID_USER: 209,
  JOINCHANNEL_E_OTHER: 300,
  SENDMESSAGE_E_OTHER: 400,
  SENDMESSAGE_E_TIMEOUT: 401,
  QUERYUSERNUM_E_OTHER: 500,
  QUERYUSERNUM_E_TIMEOUT: 501,
  QUERYUSERNUM_E_BYUSER: 502,
  LEAVECHANNEL_E_OTHER: 600,
  LEAVECHANNEL_E_KICKED: 601,
  LEAVECHANNEL_E_BYUSER: 602,
  LEAVECHANNEL_E_LOGOUT: 603,
  LEAVECHANNEL_E_DISCONN: 604,
  INVITE_E_OTHER: 700,
  INVITE_E_REINVITE: 701,
  INVITE_E_NET: 702,
  INVITE_E_PEEROFFLINE: 703,
  INVITE_E_TIMEOUT: 704,
  INVITE_E_CANTRECV: 705,
  GENERAL_E: 1000,
  GENERAL_E_FAILED: 1001,
  GENERAL_E_UNKNOWN: 1002,
  GENERAL_E_NOT_LOGIN: 1003,
  GENERAL_E_WRONG_PARAM: 1004,
  GENERAL_E_LARGE_PARAM: 1005,
} as const;

export type LegacyErrorName = keyof typeof LEGACY_ERROR_CODES;
export type LegacyErrorCode = (typeof LEGACY_ERROR_CODES)[LegacyErrorName];

/** What each code means (legacy docs); a Record so no code can lack a description. */
export const LEGACY_ERROR_DESCRIPTIONS: Readonly<Record<LegacyErrorName, string>> = {
  SUCCESS: 'No error.',
  LOGOUT_E_OTHER: 'Logged out for another reason, e.g. the network.',
  LOGOUT_E_USER: 'The user logged out (logout()).',
  LOGOUT_E_NET: 'Logged out because of a network problem (connection lost, reconnect attempts used up).',
  LOGOUT_E_KICKED: 'The account logged in elsewhere.',
  LOGOUT_E_PACKET: 'Obsolete.',
  LOGOUT_E_TOKENEXPIRED: 'The token expired.',
  LOGOUT_E_OLDVERSION: 'Obsolete.',
  LOGOUT_E_TOKENWRONG: 'Obsolete.',
  LOGOUT_E_ALREADY_LOGOUT: 'logout() was called while already logged out.',
  LOGIN_E_OTHER: 'Login failed for an unknown reason.',
  LOGIN_E_NET: 'Login failed because of the network.',
  LOGIN_E_FAILED: 'The server rejected the login.',
  LOGIN_E_CANCEL: 'The user cancelled the login.',
  LOGIN_E_TOKENEXPIRED: 'The token expired.',
  LOGIN_E_OLDVERSION: 'Obsolete.',
  LOGIN_E_TOKENWRONG: 'The token is invalid.',
  LOGIN_E_TOKEN_KICKED: 'Logged in elsewhere with a renewed token.',
  LOGIN_E_ALREADY_LOGIN: 'Already logged in (can be ignored).',
  LOGIN_E_INVALID_USER: 'The user ID is invalid.',
  JOINCHANNEL_E_OTHER: 'Joining the channel failed.',
  SENDMESSAGE_E_OTHER: 'Sending the message failed.',
  SENDMESSAGE_E_TIMEOUT: 'Sending the message timed out.',
  QUERYUSERNUM_E_OTHER: 'Querying the channel member count failed.',
  QUERYUSERNUM_E_TIMEOUT: 'Querying the channel member count timed out.',
  QUERYUSERNUM_E_BYUSER: 'Querying the channel member count was cancelled by the user (legacy docs misprint it as 501).',
  LEAVECHANNEL_E_OTHER: 'Left the channel for another reason.',
  LEAVECHANNEL_E_KICKED: 'Removed from the channel by the server.',
  LEAVECHANNEL_E_BYUSER: 'The user left the channel.',
  LEAVECHANNEL_E_LOGOUT: 'Left the channel because the user logged out.',
  LEAVECHANNEL_E_DISCONN: 'Left the channel because the connection was lost.',
  INVITE_E_OTHER: 'The invitation failed.',
  INVITE_E_REINVITE: 'The peer was already invited to this channel.',
  INVITE_E_NET: 'The invitation failed because of the network.',
  INVITE_E_PEEROFFLINE: 'The peer is offline.',
  INVITE_E_TIMEOUT: 'The invitation timed out.',
  INVITE_E_CANTRECV: 'The peer cannot receive invitations.',
  GENERAL_E: 'General error.',
  GENERAL_E_FAILED: 'The call failed.',
  GENERAL_E_UNKNOWN: 'Unknown error.',
  GENERAL_E_NOT_LOGIN: 'Not logged in.',
  GENERAL_E_WRONG_PARAM: 'Wrong parameter.',
  GENERAL_E_LARGE_PARAM: 'A parameter is too large.',
};

/**
 * How an RTM error reads to a legacy app: the first rule whose `name` equals the error's `name` ('' when it has
 * none) and whose `code`, when given, equals its numeric `code` gives the legacy value; `otherwise` when none
 * matches. One table for the shim (shim/failure.ts) and the helpers the codemod emits (codemod/join-helpers.ts),
 * so converted code reports what the shim reports.
 */
export interface RtmErrorMapping<T> {
  readonly rules: readonly { readonly name: string; readonly code?: number; readonly legacy: T }[];
  readonly otherwise: T;
}

/** RTM login errors (rtm-1x.md §2.2/§2.3) → the legacy `onLoginFailed` code (legacy-signaling.md §8). */
export const LOGIN_FAILURE_CODES: RtmErrorMapping<LegacyErrorCode> = {
  rules: [
    { name: 'RtmInvalidArgumentError', legacy: LEGACY_ERROR_CODES.LOGIN_E_INVALID_USER },
    { name: 'RtmUnauthenticatedError', code: 6, legacy: LEGACY_ERROR_CODES.LOGIN_E_TOKENEXPIRED },
    { name: 'RtmUnauthenticatedError', legacy: LEGACY_ERROR_CODES.LOGIN_E_TOKENWRONG },
    { name: '', code: 6, legacy: LEGACY_ERROR_CODES.LOGIN_E_TOKENEXPIRED },
  ],
  otherwise: LEGACY_ERROR_CODES.LOGIN_E_NET,
};

/** A stable, code-like string for the callbacks whose legacy argument was a server string (`onChannelJoinFailed(err)`, `invoke` errors, `onInviteFailed`). */
export type LegacyFailure = 'not_login' | 'invalid_argument' | 'limit_exceeded' | 'timeout' | 'user_not_online' | 'unauthenticated' | 'unsupported' | 'failed';

/** RTM errors → the legacy failure string. */
export const FAILURE_STRINGS: RtmErrorMapping<LegacyFailure> = {
  rules: [
    { name: 'RtmInvalidStatusError', code: 102, legacy: 'not_login' },
    { name: 'RtmInvalidArgumentError', legacy: 'invalid_argument' },
    { name: 'RtmLimitExceededError', legacy: 'limit_exceeded' },
    { name: 'RtmTimeoutError', legacy: 'timeout' },
    { name: 'RtmUnauthenticatedError', legacy: 'unauthenticated' },
    { name: 'RtmUnavailableError', code: 6, legacy: 'user_not_online' },
  ],
  otherwise: 'failed',
};

/**
 * The texts of call signals (shim/call-signal.ts): what a legacy Call tells its peer as a peer message where RTM
 * invitations have no call. One table for the shim and the helpers the codemod emits (codemod/web-helpers.ts), so
 * converted code and the shim understand each other.
 */
export const CALL_SIGNAL_TEXT = {
  /** RTM's own legacy end-call text: `<prefix>_<channel>_<extra>` (channel and extra without `_`). */
  rtmEndCallPrefix: 'AgoraRTMLegacyEndcallCompatibleMessagePrefix',
  /** A hang-up whose channel or extra contains `_`: the prefix, then JSON `{ channel, extra }`. */
  endPrefix: 'ResignalLegacyCallEnd:',
  /** An in-call message (legacy `voip_invite_msg`, DTMF): the prefix, then JSON `{ channel, extra }`; the peer gets onInviteMsg(extra). */
  messagePrefix: 'ResignalLegacyCallMsg:',
  /** The `msgtype` of DTMF in an in-call message's extra (`{"msgtype":"dtmf","msgdata":digits}`). */
  dtmfType: 'dtmf',
} as const;
