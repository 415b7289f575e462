/* global AgoraRTM, APP_ID, document, window */
// A page after its migration: RTM 1.x only. The rule must find nothing here.
var client = AgoraRTM.createInstance(APP_ID);
var channel = null;

function start(account, token) {
  client.on('MessageFromPeer', function (message, peerId) {
    show(peerId, message.text);
  });
  client.on('ConnectionStateChanged', function (state, reason) {
    show('state', state + ' ' + reason);
  });
  return client.login({ uid: account, token: token }).then(function () {
    channel = client.createChannel('lobby');
    channel.on('ChannelMessage', function (message, memberId) {
      show(memberId, message.text);
    });
    return channel.join();
  });
}

function send(peer, text) {
  return client.sendMessageToPeer({ text: text }, peer);
}

function quit() {
  return channel.leave().then(function () {
    return client.logout();
  });
}

function show(who, text) {
  document.body.append(who + ': ' + text);
}

window.chat = { start: start, send: send, quit: quit };
