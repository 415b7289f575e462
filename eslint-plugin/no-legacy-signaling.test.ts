import { join } from 'node:path';
import { RuleTester } from 'eslint';
import type { Rule } from 'eslint';
import { parser } from 'typescript-eslint';
import { describe, it } from 'vitest';
import { API_MAP_BY_ID, legacyDisplayName, type ApiId } from '../shim/api-map.js';
import { noLegacySignaling } from './rules/no-legacy-signaling.js';

RuleTester.describe = describe;
RuleTester.it = (name: string, fn: () => void) => it(name, { timeout: 120_000 }, fn);

const rule = noLegacySignaling as unknown as Rule.RuleModule;
const typedDir = join(import.meta.dirname, '__fixtures__', 'typed');

const script = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'script' } });
const module = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const typed = new RuleTester({
  // With CI=true typescript-eslint infers a "single run" and reuses one program for every case, so a case would
  // see the previous case's text of file.ts; RuleTester rewrites that file for each case.
  languageOptions: { parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedDir, disallowAutomaticSingleRunInference: true } },
});

const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;

const APP = ['var signal = Signal(APP_ID);', 'var session = signal.login(account, token);'].join('\n');

/** The message data the rule must produce for an ID: its RTM replacement and docs anchor come from the API map. */
function about(id: ApiId, legacy: string = legacyDisplayName(API_MAP_BY_ID[id])): { messageId: 'legacyApi'; data: Record<string, string> } {
  const entry = API_MAP_BY_ID[id];
  return { messageId: 'legacyApi', data: { legacy, id, rtm: entry.rtm ?? '', docs: `docs/api-map.md${entry.docs}` } };
}

function aboutModule(module: string, id: ApiId): { messageId: 'legacyModule'; data: Record<string, string> } {
  const entry = API_MAP_BY_ID[id];
  return { messageId: 'legacyModule', data: { module, id, rtm: entry.rtm ?? '', docs: `docs/api-map.md${entry.docs}` } };
}

script.run('no-legacy-signaling (patterns, scripts)', rule, {
  valid: [
    // Names other libraries use too, on objects that did not come from Signal.
    lines('auth.login(user, password);', 'auth.logout();', 'auth.getStatus();', 'api.invoke("other.name", {});', 'item.name;'),
    // A Signal the file declares itself is not the legacy factory.
    lines('function Signal(name) { return { login: function () {} }; }', 'var s = Signal("x");', 's.login();'),
    // Native RTM 1.x code.
    lines(
      'var client = AgoraRTM.createInstance(APP_ID);',
      'client.login({ uid: account, token: token }).then(function () {',
      '  var channel = client.createChannel("lobby");',
      '  channel.on("ChannelMessage", function (message, memberId) { show(memberId, message.text); });',
      '  return channel.join();',
      '});',
      'client.sendMessageToPeer({ text: "hi" }, "bob");',
    ),
  ],
  invalid: [
    {
      code: 'var signal = new Signal(APP_ID);\n',
      errors: [
        {
          ...about('SIG_SIGNAL', 'Signal()'),
          suggestions: [{ messageId: 'codemodRewrite', output: 'var signal = AgoraRTM.createInstance(APP_ID);\n' }]
        },
      ],
    },
    {
      code: lines(APP, 'function send(peer, msg) {', '  session.messageInstantSend(peer, msg);', '}', 'function quit() {', '  session.logout();', '}'),
      errors: [
        {
          messageId: 'legacyApi',
          line: 1,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines(APP.replace('Signal(APP_ID)', 'AgoraRTM.createInstance(APP_ID)'), 'function send(peer, msg) {', '  session.messageInstantSend(peer, msg);', '}', 'function quit() {', '  session.logout();', '}'),
            },
          ]
        },
        // login() rewrites the callbacks too, so it is not local: no suggestion.
        { ...about('SIG_LOGIN', 'signal.login()'), line: 2, suggestions: [] },
        {
          ...about('SIG_MESSAGE_INSTANT_SEND', 'session.messageInstantSend()'),
          line: 4,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines(APP, 'function send(peer, msg) {', '  session.sendMessageToPeer({ text: msg }, peer).catch(() => {});', '}', 'function quit() {', '  session.logout();', '}'),
            },
          ]
        },
        // Without an onLogout handler in the file, logout() becomes logoutIfLoggingIn(session), a helper: no suggestion.
        { ...about('SIG_LOGOUT', 'session.logout()'), line: 7, suggestions: [] },
      ],
    },
    {
      // With a callback the rewrite stays local too; the isError flag becomes the promise arms.
      code: lines(APP, 'session.messageInstantSend("bob", "hi", function (isError) { log(isError); });'),
      errors: [
        { messageId: 'legacyApi', line: 1, suggestions: 1 },
        { messageId: 'legacyApi', line: 2, suggestions: [] },
        {
          messageId: 'legacyApi',
          line: 3,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines(
                APP,
                'session.sendMessageToPeer({ text: "hi" }, "bob")',
                '  .then(() => false, () => true)',
                '  .then(function (isError) { log(isError); })',
                '  .catch((error) => console.error(error));',
              ),
            },
          ]
        },
      ],
    },
    {
      // Distinctive names are reported on any object; generic ones only on proven legacy objects.
      code: lines('app.session.onLoginSuccess = function (uid) {};', 'app.session.logout();', 'conn.channelJoin("lobby");'),
      errors: [
        { ...about('SIG_ON_LOGIN_SUCCESS', 'session.onLoginSuccess') },
        { ...about('SIG_CHANNEL_JOIN', 'session.channelJoin()'), line: 3 },
      ],
    },
    {
      code: lines(APP, 'var channel = session.channelJoin("lobby");', 'show(channel.name, session.account);', 'session.onInviteReceived = function (call) {', '  call.channelInviteAccept();', '  show(call.peer);', '};'),
      errors: [
        { messageId: 'legacyApi', line: 1, suggestions: 1 },
        { messageId: 'legacyApi', line: 2 },
        { ...about('SIG_CHANNEL_JOIN', 'session.channelJoin()'), line: 3 },
        {
          ...about('SIG_CHANNEL_NAME', 'channel.name'),
          line: 4,
          column: 6,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines(APP, 'var channel = session.channelJoin("lobby");', 'show(channel.channelId, session.account);', 'session.onInviteReceived = function (call) {', '  call.channelInviteAccept();', '  show(call.peer);', '};'),
            },
          ],
        },
        { ...about('SIG_SESSION_ACCOUNT', 'session.account'), line: 4, column: 20 },
        { messageId: 'legacyApi', line: 5 },
        { ...about('SIG_CHANNEL_INVITE_ACCEPT', 'call.channelInviteAccept()'), line: 6 },
        { ...about('SIG_CALL_PEER', 'call.peer'), line: 7 },
      ],
    },
    {
      // `var session = null;` first, then the session: still the session (an empty value says nothing).
      code: lines('var signal = Signal(APP_ID);', 'var session = null;', 'function start() {', '  session = signal.login(account, token);', '}', 'function stop() {', '  session.logout();', '}'),
      options: [{ suggestions: false }],
      errors: [{ ...about('SIG_SIGNAL', 'Signal()') }, { ...about('SIG_LOGIN', 'signal.login()'), line: 4 }, { ...about('SIG_LOGOUT', 'session.logout()'), line: 7 }],
    },
    {
      code: 'var version = Signal(APP_ID).getSDKVersion_int();\n',
      options: [{ suggestions: false }],
      errors: [
        {
          messageId: 'legacyApiNoRtm',
          data: { legacy: 'signal.getSDKVersion_int()', id: 'SIG_GET_SDK_VERSION_INT', docs: 'docs/api-map.md#sig_get_sdk_version_int', rtm: '' },
        },
        { ...about('SIG_SIGNAL', 'Signal()') },
      ],
    },
    {
      code: "helper.invoke('io.agora.signal.channel_query_num', { name: 'lobby' }, done);\n",
      errors: [
        {
          ...about('SIG_INVOKE_CHANNEL_QUERY_NUM', "session.invoke('io.agora.signal.channel_query_num')"),
        },
      ],
    },
    {
      code: lines('if (session.getStatus() === LOGIN_STATE_LOGINED) ready();', 'api.login2(APP_ID, account, token, 0, "", 30, 3);'),
      errors: [
        {
          ...about('SIG_LOGIN_STATE_LOGINED', 'LOGIN_STATE_LOGINED'),
          line: 1,
          column: 29,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines('if (session.getStatus() === 2 /* LOGIN_STATE_LOGINED */) ready();', 'api.login2(APP_ID, account, token, 0, "", 30, 3);'),
            },
          ],
        },
        { ...about('SIG_FLAT_LOGIN2', 'agoraAPI.login2()'), line: 2 },
      ],
    },
  ],
});

module.run('no-legacy-signaling (patterns, modules)', rule, {
  valid: [lines("import AgoraRTM from 'resignal';", 'const client = AgoraRTM.createInstance(APP_ID);', 'await client.login({ uid: account });', 'await client.logout();')],
  invalid: [
    {
      code: lines("import Signal from './vendor/AgoraSig-1.4.0.js';", 'const signal = Signal(APP_ID);', 'export default signal;'),
      errors: [
        {
          ...aboutModule('./vendor/AgoraSig-1.4.0.js', 'SIG_SIGNAL'),
          suggestions: [{ messageId: 'codemodRewrite', output: lines("import AgoraRTM from 'resignal';", 'const signal = Signal(APP_ID);', 'export default signal;') }]
        },
        {
          messageId: 'legacyApi',
          suggestions: [{ messageId: 'codemodRewrite', output: lines("import Signal from './vendor/AgoraSig-1.4.0.js';", 'const signal = AgoraRTM.createInstance(APP_ID);', 'export default signal;') }]
        },
      ],
    },
    {
      // The shim's global entry is the legacy SDK: the codemod swaps it for the RTM import in place, and Signal()
      // becomes createInstance; the named import of constants stays as it is (no rewrite).
      code: lines("import { LOGIN_E_TOKENWRONG } from 'resignal/shim';", "import 'resignal/shim/global';", 'const signal = Signal(APP_ID);'),
      errors: [
        { ...aboutModule('resignal/shim', 'SIG_SIGNAL'), suggestions: [] },
        {
          messageId: 'legacyModule',
          line: 2,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines("import { LOGIN_E_TOKENWRONG } from 'resignal/shim';", "import AgoraRTM from 'resignal';", 'const signal = Signal(APP_ID);'),
            },
          ],
        },
        {
          messageId: 'legacyApi',
          line: 3,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines("import { LOGIN_E_TOKENWRONG } from 'resignal/shim';", "import 'resignal/shim/global';", 'const signal = AgoraRTM.createInstance(APP_ID);'),
            },
          ],
        },
      ],
    },
    {
      code: lines("import AgoraAPI from 'resignal/shim/flat';", 'const api = AgoraAPI.getInstance(APP_ID);', 'api.logout();'),
      errors: [
        { ...aboutModule('resignal/shim/flat', 'SIG_FLAT_GET_INSTANCE') },
        {
          ...about('SIG_FLAT_GET_INSTANCE', 'AgoraAPI.getInstance()'),
          line: 2,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines("import AgoraAPI from 'resignal/shim/flat';", 'const api = AgoraRTM.createInstance(APP_ID);', 'api.logout();'),
            },
          ],
        },
        {
          ...about('SIG_FLAT_LOGOUT', 'agoraAPI.logout()'),
          line: 3,
          suggestions: [
            {
              messageId: 'codemodRewrite',
              output: lines("import AgoraAPI from 'resignal/shim/flat';", 'const api = AgoraAPI.getInstance(APP_ID);', 'api.logout().catch(() => {});'),
            },
          ],
        },
      ],
    },
    {
      code: lines("const Signal = require('../lib/AgoraSig.js');", "const legacy = await import('resignal/shim');"),
      options: [{ suggestions: false }],
      errors: [
        { ...aboutModule('../lib/AgoraSig.js', 'SIG_SIGNAL') },
        { messageId: 'legacyModule', line: 2 },
      ],
    },
    {
      code: lines("import Signal from '@acme/signaling';", 'Signal(APP_ID).setDoLog(true);'),
      options: [{ legacyModules: ['@acme/signaling'], suggestions: false }],
      errors: [
        { messageId: 'legacyModule' },
        { ...about('SIG_SET_DO_LOG', 'signal.setDoLog()'), line: 2, column: 1 },
        { ...about('SIG_SIGNAL', 'Signal()'), line: 2, column: 1 },
      ],
    },
  ],
});

typed.run('no-legacy-signaling (types)', rule, {
  valid: [
    {
      // A typed object of the app: even a distinctive name is not legacy when the type says so.
      code: lines('class Rooms {', '  channelJoin(name: string): string { return name; }', '  login(): void {}', '}', 'const rooms = new Rooms();', "rooms.channelJoin('lobby');", 'rooms.login();'),
      filename: join(typedDir, 'file.ts'),
    },
  ],
  invalid: [
    {
      code: lines(
        "import Signal, { type LegacySession } from 'resignal/shim';",
        'export function quit(session: LegacySession): number {',
        '  session.logout();',
        '  return session.getStatus();',
        '}',
        "export const signal = Signal('appid');",
      ),
      filename: join(typedDir, 'file.ts'),
      options: [{ suggestions: false }],
      errors: [
        { messageId: 'legacyModule', line: 1 },
        { ...about('SIG_LOGOUT', 'session.logout()'), line: 3 },
        { ...about('SIG_GET_STATUS', 'session.getStatus()'), line: 4 },
        { messageId: 'legacyApi', line: 6 },
      ],
    },
  ],
});
