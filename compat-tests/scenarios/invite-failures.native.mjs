/*
 * The native RTM twin of invite-failures.scenario.mjs: how a migrated app reproduces the legacy behaviour. RTM has
 * no `_require_peer_online` / `_timeout` keys (ask queryPeersOnlineStatus first; cancel on a timer) and no in-call
 * messages: DTMF travels as the peer message the shim uses for it (`ResignalLegacyCallMsg:` + JSON
 * `{ channel, extra }`, extra being the legacy `{"msgtype":"dtmf","msgdata":…}`), delivered to the call with that
 * channel and peer. Run in mixed fleets it also checks that a legacy caller's failures and DTMF look right to a
 * native callee and the other way round.
 */
const CALL_MESSAGE_PREFIX = 'ResignalLegacyCallMsg:';

function sendDtmf(client, peerId, channelId, dtmf) {
  var extra = JSON.stringify({ msgtype: 'dtmf', msgdata: dtmf });
  return client.sendMessageToPeer({ text: CALL_MESSAGE_PREFIX + JSON.stringify({ channel: channelId, extra: extra }) }, peerId);
}

/** The `{ channel, extra }` of an in-call message, or undefined for any other peer message. */
function parseCallMessage(text) {
  if (!text.startsWith(CALL_MESSAGE_PREFIX)) return undefined;
  try {
    var message = JSON.parse(text.slice(CALL_MESSAGE_PREFIX.length));
    return typeof message?.channel === 'string' && typeof message.extra === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

export default {
  name: 'invitation failures, re-invite and DTMF (native twin)',
  roles: {
    async alice(env) {
      var client = AgoraRTM.createInstance(env.appId);
      var accepted = false;
      client.on('MessageFromPeer', (message, peerId) => {
        var dtmf = parseCallMessage(message.text);
        if (dtmf && peerId === 'bob' && dtmf.channel === 'room-1' && accepted) env.trace('onInviteMsg', dtmf.extra);
      });
      await client.login({ uid: 'alice' });
      env.trace('onLoginSuccess', 0);
      function failed(reason, ecode) {
        env.trace('onInviteFailed', reason, ecode, 0);
      }
      function invite(channelId, content) {
        var invitation = client.createLocalInvitation('bob');
        invitation.channelId = channelId;
        invitation.content = content;
        invitation.on('LocalInvitationReceivedByPeer', () => env.trace('onInviteReceivedByPeer', ''));
        invitation.on('LocalInvitationAccepted', (response) => env.trace('onInviteAcceptedByPeer', response));
        invitation.on('LocalInvitationFailure', (reason) => failed(reason, 700));
        invitation.send();
        return invitation;
      }

      // `_require_peer_online: 1`: check first, fail at once.
      var online = await client.queryPeersOnlineStatus(['bob']);
      if (!online.bob) failed('PEER_OFFLINE', 703);
      await env.barrier('offline-failed');
      await env.barrier('bob-online');
      invite('room-1', '{"_require_peer_online":1}');
      await env.until('onInviteAcceptedByPeer');
      accepted = true;
      await sendDtmf(client, 'bob', 'room-1', '1#');
      await env.barrier('dtmf-sent');
      await env.until('onInviteMsg');
      await env.barrier('dtmf-answered');

      // `_timeout: 1`: cancel after a second without an answer.
      var ringing = invite('room-2', '{"_timeout":1}');
      await env.sleep(1000);
      ringing.cancel();
      failed('TIMEOUT', 704);
      await env.barrier('done');
    },

    async bob(env) {
      await env.barrier('offline-failed');
      var client = AgoraRTM.createInstance(env.appId);
      var calls = new Map();
      client.on('RemoteInvitationReceived', (call) => {
        env.trace('onInviteReceived', call.callerId, call.channelId, call.content, 0);
        calls.set(call.channelId, call);
        call.on('RemoteInvitationCanceled', (content) => env.trace('onInviteEndByPeer', call.channelId, content));
        if (call.channelId === 'room-1') {
          call.response = '{"ok":1}';
          call.accept();
        }
      });
      client.on('MessageFromPeer', (message, peerId) => {
        var dtmf = parseCallMessage(message.text);
        var call = dtmf && calls.get(dtmf.channel);
        if (call && call.callerId === peerId) env.trace('onInviteMsg', dtmf.channel, dtmf.extra);
      });
      await client.login({ uid: 'bob' });
      env.trace('onLoginSuccess', 0);
      await env.barrier('bob-online');
      await env.barrier('dtmf-sent');
      await env.until('onInviteMsg');
      await sendDtmf(client, 'alice', 'room-1', '#');
      await env.barrier('dtmf-answered');
      await env.until('onInviteEndByPeer');
      await env.barrier('done');
    },
  },
};
