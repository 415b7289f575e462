/*
 * The flat API's session (legacy-signaling.md §10): an iOS-style user (createAgoraSDKInstance, block properties,
 * login, the ignored debug calls seen through onLog, a second login refused with 208, destroy), an Android-style
 * user (callbackSet, a login2 refused for its account, then logged in) and a Web-API user on the same server.
 * Most flat session calls stay TODO in the codemod, so the shim run is checked against the exact legacy trace.
 */
export default {
  name: 'flat API session: instances, login, callbackSet, ignored calls, destroy',
  sides: ['shim'],
  expected: {
    ios: [
      ['getSdkVersion', 1010403000],
      ['isOnline', 0],
      ['onLog', 'Agora sig dbg : dbg ignored: lbs on'],
      ['onLog', 'Agora sig dbg : setBackground ignored: 1'],
      ['onLog', 'Agora sig dbg : setNetworkStatus ignored: 0'],
      ['onLog', 'Agora sig dbg : ping ignored: RTM sends heartbeats itself'],
      ['onLog', 'Agora sig dbg : start ignored'],
      ['onLog', 'Agora sig dbg : stop ignored'],
      ['onLog', 'Agora sig dbg : login: deviceID ignored: iphone-1'],
      ['onLoginSuccess', 0, 0],
      ['isOnline', 1],
      ['onLog', 'Agora sig dbg : login ignored: already logging in or logged in'],
      ['onLoginFailed', 208],
      ['onMessageInstantReceive', 'android', 0, 'hello ios'],
      ['onMessageSendSuccess', 'generated'],
      ['onLog', '[resignal/shim] SIG_FLAT_IS_ONLINE: this flat API object was destroyed; create a new one.'],
      ['isOnline after destroy', 0],
    ],
    android: [
      ['onLoginFailed', 209],
      ['onLoginSuccess', 0, 0],
      ['onMessageSendSuccess', 'a-1'],
      ['onQueryUserStatusResult', 'ios', '1'],
      ['onQueryUserStatusResult', 'ios', '0'],
      ['onLogout', 101],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onMessageInstantReceive', 'ios', 0, 'hi web'],
    ],
  },
  roles: {
    async ios(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLog = function (txt) {
        if (/ignored|destroyed/.test(txt)) env.trace('onLog', txt);
      };
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', ecode);
      };
      api.onLogout = function (ecode) {
        env.trace('onLogout', ecode);
      };
      api.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      api.onMessageSendSuccess = function (messageID) {
        // An empty msgID makes the SDK generate a decimal one.
        env.trace('onMessageSendSuccess', /^\d+$/.test(messageID) ? 'generated' : messageID);
      };
      env.trace('getSdkVersion', api.getSdkVersion());
      env.trace('isOnline', api.isOnline());
      api.dbg('lbs', 'on');
      api.setBackground(1);
      api.setNetworkStatus(0);
      api.ping();
      api.start();
      api.stop();
      api.login(env.appId, 'ios', '_no_need_token', 0, 'iphone-1');
      await env.until('onLoginSuccess');
      env.trace('isOnline', api.isOnline());
      api.login(env.appId, 'ios', '_no_need_token');
      await env.until('onLoginFailed');
      await env.barrier('online');
      await env.until('onMessageInstantReceive');
      api.messageInstantSend('web', 0, 'hi web', '');
      await env.until('onMessageSendSuccess');
      await env.barrier('messages-done');
      await env.barrier('android-saw-ios-online');
      // destroy() logs out without onLogout and refuses every later call.
      api.destroy();
      env.trace('isOnline after destroy', api.isOnline());
      await env.sleep(300);
      await env.barrier('ios-destroyed');
    },

    async android(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.callbackSet({
        onLoginSuccess: function (uid, fd) {
          env.trace('onLoginSuccess', uid, fd);
        },
        onLoginFailed: function (ecode) {
          env.trace('onLoginFailed', ecode);
        },
        onLogout: function (ecode) {
          env.trace('onLogout', ecode);
        },
        onMessageSendSuccess: function (messageID) {
          env.trace('onMessageSendSuccess', messageID);
        },
        onQueryUserStatusResult: function (name, status) {
          env.trace('onQueryUserStatusResult', name, status);
        },
      });
      api.login2(env.appId, '', '_no_need_token', 0, '', 5, 1);
      await env.until('onLoginFailed');
      api.login2(env.appId, 'android', '_no_need_token', 0, '', 5, 1);
      await env.until('onLoginSuccess');
      await env.barrier('online');
      api.messageInstantSend('ios', 0, 'hello ios', 'a-1');
      await env.until('onMessageSendSuccess');
      await env.barrier('messages-done');
      api.queryUserStatus('ios');
      await env.until('onQueryUserStatusResult');
      await env.barrier('android-saw-ios-online');
      await env.barrier('ios-destroyed');
      api.queryUserStatus('ios');
      await env.until('onQueryUserStatusResult', 2);
      api.logout();
      await env.until('onLogout');
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
      await env.barrier('messages-done');
      await env.barrier('android-saw-ios-online');
      await env.barrier('ios-destroyed');
    },
  },
};
