/* A team chat page on the legacy Signaling Web SDK: the global Signal, callback properties. */
/* global Signal, document */
var APP_ID = 'c0a1b2c3d4e5f60718293a4b5c6d7e8f';
var signal = Signal(APP_ID);
var session = null;
var channel = null;

function show(text) {
  var item = document.createElement('li');
  item.textContent = text;
  document.getElementById('messages').appendChild(item);
}

function login(account) {
  session = signal.login(account, '_no_need_token');
  session.onLoginSuccess = function (uid) {
    show('logged in as ' + account);
    channel = session.channelJoin('team');
    channel.onChannelJoined = function () {
      show('joined #team');
    };
    channel.onChannelUserJoined = function (who) {
      show(who + ' joined');
    };
    channel.onMessageChannelReceive = function (who, uid, msg) {
      show(who + ': ' + msg);
    };
  };
  session.onLoginFailed = function (ecode) {
    show('login failed (' + ecode + ')');
  };
  session.onMessageInstantReceive = function (who, uid, msg) {
    show(who + ' (private): ' + msg);
  };
}

function say(text) {
  channel.messageChannelSend(text);
}

function whisper(peer, text) {
  session.messageInstantSend(peer, text, function (isError) {
    if (isError) show('could not reach ' + peer);
  });
}

function logout() {
  session.logout();
}

document.getElementById('login').onsubmit = function (event) {
  event.preventDefault();
  login(event.target.account.value);
};
document.getElementById('say').onsubmit = function (event) {
  event.preventDefault();
  say(event.target.text.value);
};
document.getElementById('whisper').onsubmit = function (event) {
  event.preventDefault();
  whisper(event.target.peer.value, event.target.text.value);
};
document.getElementById('logout').onclick = logout;
