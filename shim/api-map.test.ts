import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  API_MAP,
  API_MAP_BY_ID,
  CODEMOD_RULES,
  LEGACY_ERROR_CODES,
  LEGACY_ERROR_DESCRIPTIONS,
  MUST_REPRODUCE,
  docsAnchor,
  findByName,
  isApiId,
  namesOf,
  type ApiId,
  type ApiOwner,
} from './api-map.js';
import { REGENERATE_COMMAND, githubSlug, renderApiMapDoc } from './api-map-doc.js';

// @ts-expect-error IDs are literal types: an unknown ID does not compile.
const _notAnId: ApiId = 'SIG_NOT_A_REAL_ID';

describe('API map rows', () => {
  it('has unique, well-formed IDs with the right prefix per API', () => {
    const ids = API_MAP.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of API_MAP) {
      expect(entry.id).toMatch(/^SIG_[A-Z0-9]+(_[A-Z0-9]+)*$/);
      expect(entry.id.startsWith('SIG_FLAT_'), entry.id).toBe(entry.api === 'flat');
    }
  });

  it('has every field filled in consistently', () => {
    for (const e of API_MAP) {
      const where = e.id;
      expect(e.name.trim(), where).not.toBe('');
      expect(e.signature.trim(), where).not.toBe('');
      expect(e.warning.trim(), where).not.toBe('');
      expect(e.warning, where).not.toContain('\n');
      expect(e.owner === 'Flat', where).toBe(e.api === 'flat');
      expect(e.kind === 'invoke', where).toBe(e.owner === 'invoke');
      expect(CODEMOD_RULES, where).toContain(e.codemod.rule);
      expect(e.codemod.rule.startsWith('flat-'), where).toBe(e.api === 'flat');
      expect(e.docs, where).toBe(docsAnchor(e.id));
      for (const difference of e.differences) expect(difference.trim(), where).not.toBe('');
      if (e.rtm !== null) expect(e.warning, `${where}: the warning names the RTM replacement`).toContain(e.rtm);
      if (e.support === 'native') expect(e.rtm, `${where}: native needs an RTM counterpart`).not.toBeNull();
      if (e.support !== 'native') expect(e.notes, `${where}: say how it is emulated / how it fails`).not.toBeNull();
      if (e.support === 'unsupported') expect(e.codemod.result, where).toBe('todo');
      if (e.rtm === null) expect(e.codemod.result, `${where}: nothing to convert to`).toBe('todo');
    }
  });

  it('every codemod rule names at least one row', () => {
    for (const rule of CODEMOD_RULES) expect(API_MAP.some((e) => e.codemod.rule === rule), rule).toBe(true);
  });

  it('indexes every row by ID and is frozen', () => {
    expect(Object.keys(API_MAP_BY_ID)).toHaveLength(API_MAP.length);
    for (const entry of API_MAP) expect(API_MAP_BY_ID[entry.id]).toBe(entry);
    expect(Object.isFrozen(API_MAP)).toBe(true);
    expect(Object.isFrozen(API_MAP_BY_ID.SIG_LOGIN.differences)).toBe(true);
    expect(isApiId('SIG_LOGIN')).toBe(true);
    expect(isApiId('toString')).toBe(false);
  });

  it('names each (owner, name) once, aliases included, so findByName is unambiguous', () => {
    const keys = API_MAP.flatMap((e) => [e.name, ...e.aliases].map((name) => `${e.owner}.${name}`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('findByName', () => {
  it('finds methods, callbacks, properties, aliases and flat functions', () => {
    expect(findByName('Session', 'messageInstantSend')?.id).toBe('SIG_MESSAGE_INSTANT_SEND');
    expect(findByName('Session', 'onLoginSuccess')?.id).toBe('SIG_ON_LOGIN_SUCCESS');
    expect(findByName('Channel', 'name')?.id).toBe('SIG_CHANNEL_NAME');
    expect(findByName('Signal', 'setUpDebugging')?.id).toBe('SIG_SETUP_DEBUGGING');
    expect(findByName('Flat', 'login2')?.id).toBe('SIG_FLAT_LOGIN2');
    expect(findByName('Flat', 'getInstanceWithoutMedia')?.id).toBe('SIG_FLAT_GET_INSTANCE');
    expect(findByName('Session', 'onReconnecting')).toBeUndefined();
  });

  it('finds invoke functions with or without the prefix, internal RPCs included', () => {
    expect(findByName('invoke', 'io.agora.signal.user_query_user_status')?.id).toBe('SIG_INVOKE_USER_QUERY_USER_STATUS');
    expect(findByName('invoke', 'channel_query_num')?.id).toBe('SIG_INVOKE_CHANNEL_QUERY_NUM');
    expect(findByName('invoke', 'io.agora.signal.voip_invite')?.id).toBe('SIG_INVOKE_INTERNAL');
    expect(findByName('invoke', 'io.agora.signal.never_heard_of_it')?.id).toBe('SIG_INVOKE_INTERNAL');
  });
});

describe('namesOf', () => {
  it('lists names of one owner, optionally by kind, aliases included', () => {
    expect(namesOf('Call', ['callback'])).toEqual([
      'onInviteReceivedByPeer', 'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed',
      'onInviteEndByPeer', 'onInviteEndByMyself', 'onInviteMsg',
    ]);
    expect(namesOf('Signal')).toContain('setUpDebugging');
    expect(namesOf('Flat', ['constructor'])).toContain('createSigInstance');
  });
});

describe('coverage of the legacy API (legacy-signaling.md)', () => {
  // Independent of the map on purpose: a removed row must fail here.
  const required: Record<ApiOwner, readonly string[]> = {
    Signal: ['Signal', 'login', 'setDoLog', 'getSDKVersion', 'getSDKVersion_int', 'setup_debugging', 'dbg'],
    Session: [
      'logout', 'getStatus', 'messageInstantSend', 'invoke', 'channelJoin', 'channelInviteUser2',
      'account', 'uid', 'state', 'line', 'dbg',
      'onLoginSuccess', 'onLoginFailed', 'onLogout', 'onMessageInstantReceive', 'onInviteReceived', 'onError',
    ],
    Channel: [
      'name', 'state', 'm_channel_msgid', 'messageChannelSend', 'channelLeave', 'channelSetAttr', 'channelDelAttr',
      'channelClearAttr', 'onChannelJoined', 'onChannelJoinFailed', 'onChannelUserList', 'onChannelUserJoined',
      'onChannelUserLeaved', 'onChannelAttrUpdated', 'onMessageChannelReceive', 'onChannelLeaved',
    ],
    Call: [
      'channelName', 'peer', 'extra', 'peeruid', 'channelInviteUser2', 'channelInviteAccept', 'channelInviteRefuse',
      'channelInviteEnd', 'channelInviteDTMF', 'onInviteReceivedByPeer', 'onInviteAcceptedByPeer',
      'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteEndByPeer', 'onInviteEndByMyself', 'onInviteMsg',
    ],
    invoke: [
      'user_query_user_status', 'user_set_attr', 'user_get_attr', 'user_get_attr_all', 'channel_query_num',
      'channel_query_user_isin', 'channel_query_userlist', 'channel_query_userlist_all', 'channel_set_attr',
      'channel_del_attr', 'channel_clear_attr',
    ],
    global: ['Signal_', 'SIGNALING_SDK_VERSION', 'LOGIN_STATE_NOT_LOGIN', 'LOGIN_STATE_LOGINING', 'LOGIN_STATE_LOGINED', 'LOGIN_STATE_RECONNECTING'],
    Flat: [
      'getInstance', 'createAgoraSDKInstance', 'login', 'login2', 'logout', 'destroy', 'getStatus', 'getSdkVersion',
      'dbg', 'messageInstantSend', 'messageChannelSend', 'messageChannelSendForce', 'queryUserStatus', 'setAttr',
      'getAttr', 'getAttrAll', 'getUserAttr', 'getUserAttrAll', 'channelJoin', 'channelLeave', 'channelQueryUserNum',
      'channelQueryUserIsIn', 'channelSetAttr', 'channelDelAttr', 'channelClearAttr', 'channelInviteUser',
      'channelInviteUser2', 'channelInviteDTMF', 'channelInviteAccept', 'channelInviteRefuse', 'channelInviteEnd',
      'channelInvitePhone', 'channelInvitePhone2', 'channelInvitePhone3', 'messageDTMFSend', 'invoke',
      'onLoginSuccess', 'onLoginFailed', 'onLogout', 'onReconnecting', 'onReconnected', 'onError', 'onLog',
      'onMessageSendSuccess', 'onMessageSendError', 'onMessageInstantReceive', 'onMessageChannelReceive',
      'onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined', 'onChannelUserLeaved',
      'onChannelUserList', 'onChannelAttrUpdated', 'onInviteReceived', 'onInviteReceivedByPeer',
      'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteEndByPeer',
      'onInviteEndByMyself', 'onInviteMsg', 'onQueryUserStatusResult', 'onUserAttrResult', 'onUserAttrAllResult',
      'onChannelQueryUserNumResult', 'onChannelQueryUserIsIn', 'onInvokeRet',
    ],
  };

  it.each(Object.entries(required) as [ApiOwner, readonly string[]][])('%s elements are all mapped', (owner, names) => {
    const missing = names.filter((name) => findByName(owner, name) === undefined || (owner === 'invoke' && findByName(owner, name)?.id === 'SIG_INVOKE_INTERNAL'));
    expect(missing).toEqual([]);
  });

  it('keeps phone-line features unsupported; Web call DTMF and onInviteMsg are emulated with call signals', () => {
    for (const id of ['SIG_CHANNEL_INVITE_DTMF', 'SIG_ON_INVITE_MSG', 'SIG_FLAT_ON_INVITE_MSG'] as const) expect(API_MAP_BY_ID[id].support, id).toBe('emulated');
    for (const id of ['SIG_FLAT_CHANNEL_INVITE_DTMF', 'SIG_FLAT_CHANNEL_INVITE_PHONE', 'SIG_FLAT_CHANNEL_INVITE_PHONE2', 'SIG_FLAT_CHANNEL_INVITE_PHONE3', 'SIG_FLAT_MESSAGE_DTMF_SEND'] as const) {
      expect(API_MAP_BY_ID[id].support, id).toBe('unsupported');
    }
  });

  it('lists every §11 "must reproduce" item, tied to mapped IDs', () => {
    expect(MUST_REPRODUCE.map((m) => m.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const item of MUST_REPRODUCE) {
      expect(item.ids.length, `item ${item.item}`).toBeGreaterThan(0);
      for (const id of item.ids) expect(isApiId(id), id).toBe(true);
    }
  });

  it('lists every §8 error code with its value and a description', () => {
    expect(LEGACY_ERROR_CODES).toEqual({
      SUCCESS: 0,
      LOGOUT_E_OTHER: 100, LOGOUT_E_USER: 101, LOGOUT_E_NET: 102, LOGOUT_E_KICKED: 103, LOGOUT_E_PACKET: 104,
      LOGOUT_E_TOKENEXPIRED: 105, LOGOUT_E_OLDVERSION: 106, LOGOUT_E_TOKENWRONG: 107, LOGOUT_E_ALREADY_LOGOUT: 108,
      LOGIN_E_OTHER: 200, LOGIN_E_NET: 201, LOGIN_E_FAILED: 202, LOGIN_E_CANCEL: 203, LOGIN_E_TOKENEXPIRED: 204,
      LOGIN_E_OLDVERSION: 205, LOGIN_E_TOKENWRONG: 206, LOGIN_E_TOKEN_KICKED: 207, LOGIN_E_ALREADY_LOGIN: 208,
      LOGIN_E_INVALID_USER: 209,
      JOINCHANNEL_E_OTHER: 300,
      SENDMESSAGE_E_OTHER: 400, SENDMESSAGE_E_TIMEOUT: 401,
      QUERYUSERNUM_E_OTHER: 500, QUERYUSERNUM_E_TIMEOUT: 501, QUERYUSERNUM_E_BYUSER: 502,
      LEAVECHANNEL_E_OTHER: 600, LEAVECHANNEL_E_KICKED: 601, LEAVECHANNEL_E_BYUSER: 602, LEAVECHANNEL_E_LOGOUT: 603,
      LEAVECHANNEL_E_DISCONN: 604,
      INVITE_E_OTHER: 700, INVITE_E_REINVITE: 701, INVITE_E_NET: 702, INVITE_E_PEEROFFLINE: 703, INVITE_E_TIMEOUT: 704,
      INVITE_E_CANTRECV: 705,
      GENERAL_E: 1000, GENERAL_E_FAILED: 1001, GENERAL_E_UNKNOWN: 1002, GENERAL_E_NOT_LOGIN: 1003,
      GENERAL_E_WRONG_PARAM: 1004, GENERAL_E_LARGE_PARAM: 1005,
    });
    expect(Object.keys(LEGACY_ERROR_DESCRIPTIONS).sort()).toEqual(Object.keys(LEGACY_ERROR_CODES).sort());
    for (const description of Object.values(LEGACY_ERROR_DESCRIPTIONS)) expect(description.trim()).not.toBe('');
    expect(new Set(Object.values(LEGACY_ERROR_CODES)).size).toBe(Object.keys(LEGACY_ERROR_CODES).length);
  });
});

describe('docs/api-map.md', () => {
  const rendered = renderApiMapDoc();
  const headings = rendered.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => githubSlug(line.replace(/^#+ /, '')));

  it('has unique heading anchors, one per ID equal to its docs anchor', () => {
    expect(new Set(headings).size).toBe(headings.length);
    for (const entry of API_MAP) expect(headings, entry.id).toContain(entry.docs.slice(1));
    expect(new Set(API_MAP.map((e) => e.docs)).size).toBe(API_MAP.length);
  });

  it('links only to anchors that exist', () => {
    const links = [...rendered.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.filter((anchor) => !headings.includes(anchor))).toEqual([]);
  });

  it(`is up to date (regenerate with: ${REGENERATE_COMMAND})`, () => {
    let committed = '';
    try {
      committed = readFileSync(new URL('../docs/api-map.md', import.meta.url), 'utf8');
    } catch {
      // missing file: reported below as stale
    }
    expect(committed === rendered, `docs/api-map.md is stale or missing: run \`${REGENERATE_COMMAND}\``).toBe(true);
  });
});
