/*
 * Flat-API elements RTM has no counterpart for, and their documented clear failures (docs/shim-flat.md):
 * app, push and chat messages fail with onMessageSendError(msgID, 400); messageDTMFSend with
 * onError('messageDTMFSend', 1001, desc); phone-line invitations with onInviteFailed(ch, phoneNum, 0, 700, extra)
 * whose reason says "unsupported". Callbacks nothing can trigger (onDbg, onMessageSendProgress,
 * onMessageAppReceived, onMsg, onBCCall_result, onInviteMsg) are assigned, as block properties and through
 * callbackSet, and never fire. A Web-API user is the target of the sends and receives nothing.
 */
function never(name, env) {
  return function () {
    env.trace('never fires', name);
  };
}

export default {
  name: 'flat API unsupported elements fail clearly',
  sides: ['shim'],
  expected: {
    ios: [
      ['onLoginSuccess', 0, 0],
      ['onMessageSendError', 'app-1', 400],
      ['onMessageSendError', 'push-1', 400],
      ['onMessageSendError', 'chat-1', 400],
      ['onError', 'messageDTMFSend', 1001],
      ['onMessageSendSuccess', 'plain-1'],
    ],
    android: [
      ['onLoginSuccess', 0, 0],
      ['onInviteFailed', 'line-1', '+15550100', 0, 700, 'unsupported'],
      ['onInviteFailed', 'line-2', '+15550101', 0, 700, 'unsupported'],
      ['onInviteFailed', 'line-3', '+15550102', 0, 700, 'unsupported'],
      ['onInviteFailed', 'line-4', '+15550103', 0, 700, 'unsupported'],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onMessageInstantReceive', 'ios', 0, 'only this one arrives'],
    ],
  },
  roles: {
    async ios(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onMessageSendSuccess = function (messageID) {
        env.trace('onMessageSendSuccess', messageID);
      };
      api.onMessageSendError = function (messageID, ecode) {
        env.trace('onMessageSendError', messageID, ecode);
      };
      api.onError = function (name, ecode) {
        env.trace('onError', name, ecode);
      };
      api.onDbg = never('onDbg', env);
      api.onMessageSendProgress = never('onMessageSendProgress', env);
      api.onMessageAppReceived = never('onMessageAppReceived', env);
      api.onMsg = never('onMsg', env);
      api.onBCCall_result = never('onBCCall_result', env);
      api.onInviteMsg = never('onInviteMsg', env);
      api.login(env.appId, 'ios', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      api.messageAppSend('to the app server', 'app-1');
      await env.until('onMessageSendError');
      api.messagePushSend('web', 0, 'a push', 'push-1');
      await env.until('onMessageSendError', 2);
      api.messageChatSend('web', 0, 'a stored chat', 'chat-1');
      await env.until('onMessageSendError', 3);
      api.messageDTMFSend('line-1', '+15550100', '1#');
      await env.until('onError');
      api.messageInstantSend('web', 0, 'only this one arrives', 'plain-1');
      await env.until('onMessageSendSuccess');
      await env.barrier('done');
    },

    async android(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.callbackSet({
        onLoginSuccess: function (uid, fd) {
          env.trace('onLoginSuccess', uid, fd);
        },
        onInviteFailed: function (channelID, account, uid, ecode, extra) {
          // The reason reads "unsupported: <method> (…)".
          env.trace('onInviteFailed', channelID, account, uid, ecode, JSON.parse(extra).reason.split(':')[0]);
        },
        onInviteMsg: never('onInviteMsg', env),
        onMsg: never('onMsg', env),
        onDbg: never('onDbg', env),
      });
      api.login(env.appId, 'android', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      api.channelInvitePhone('line-1', '+15550100', 0);
      await env.until('onInviteFailed');
      api.channelInvitePhone2('line-2', '+15550101', '+15550199');
      await env.until('onInviteFailed', 2);
      api.channelInvitePhone3('line-3', '+15550102', '+15550199', '{"k":1}');
      await env.until('onInviteFailed', 3);
      api.channelInviteDTMF('line-4', '+15550103', '5');
      await env.until('onInviteFailed', 4);
      await env.barrier('done');
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.until('onMessageInstantReceive');
      await env.barrier('done');
    },
  },
};
