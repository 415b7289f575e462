/*
 * A chat page written the way pages on the legacy Signaling Web SDK (AgoraSig-1.x.js) were written:
 * a plain script, the global `Signal`, callback properties assigned right after each call.
 * It runs unchanged on resignal's shim (/sdk/resignal-signal.js). Do not modernise it: it is the
 * "before" of the demo, and the codemod turns it into converted-chat.js at build time.
 */
/* global Signal, document, window, location, URLSearchParams */
var APP_ID = 'resignaldemo00000000000000000000';

var account = '';
var signal = null;
var session = null;
var channel = null;
var outgoingCall = null;
var incomingCall = null;

function $(id) {
  return document.getElementById(id);
}

function log(text, kind) {
  var item = document.createElement('li');
  item.className = kind || 'info';
  item.textContent = text;
  $('log').appendChild(item);
  $('log').scrollTop = $('log').scrollHeight;
}

function setState(text) {
  $('state').textContent = text;
}

function showMembers(accounts) {
  var list = $('members');
  list.innerHTML = '';
  for (var i = 0; i < accounts.length; i++) {
    var item = document.createElement('li');
    item.textContent = accounts[i];
    list.appendChild(item);
  }
}

function currentMembers() {
  var items = $('members').getElementsByTagName('li');
  var accounts = [];
  for (var i = 0; i < items.length; i++) accounts.push(items[i].textContent);
  return accounts;
}

function addMember(account) {
  var accounts = currentMembers();
  if (accounts.indexOf(account) < 0) accounts.push(account);
  showMembers(accounts);
}

function removeMember(account) {
  showMembers(currentMembers().filter(function (a) { return a !== account; }));
}

function showIncoming(text) {
  $('incoming-text').textContent = text;
  $('incoming').hidden = text === '';
}

function login() {
  account = $('account').value.trim();
  if (account === '') {
    log('Type an account name first.', 'error');
    return;
  }
  signal = Signal($('app-id').value.trim() || APP_ID);
  session = signal.login(account, '_no_need_token');
  setState('logging in as ' + account + '…');

  session.onLoginSuccess = function (uid) {
    setState('logged in as ' + account);
    log('Logged in as ' + account + ' (uid ' + uid + ')', 'system');
    document.body.className = 'online';
  };
  session.onLoginFailed = function (ecode) {
    setState('login failed (' + ecode + ')');
    log('Login failed, error code ' + ecode, 'error');
  };
  session.onLogout = function (ecode) {
    setState('logged out (' + ecode + ')');
    log('Logged out, code ' + ecode, 'system');
    document.body.className = '';
    showMembers([]);
  };
  session.onMessageInstantReceive = function (from, uid, msg) {
    log(from + ' → me: ' + msg, 'peer');
  };
  session.onInviteReceived = function (call) {
    incomingCall = call;
    showIncoming(call.peer + ' is calling you (channel ' + call.channelName + ')');
    log('Incoming call from ' + call.peer + ' for channel ' + call.channelName, 'call');
    call.onInviteEndByPeer = function () {
      showIncoming('');
      log(call.peer + ' ended the call', 'call');
    };
  };
}

function logout() {
  if (session) session.logout();
}

function sendPeerMessage() {
  var peer = $('peer').value.trim();
  var text = $('peer-text').value;
  session.messageInstantSend(peer, text, function (isError) {
    if (isError) {
      log('Could not send to ' + peer, 'error');
    } else {
      log('me → ' + peer + ': ' + text, 'peer mine');
    }
  });
  $('peer-text').value = '';
}

function joinChannel() {
  var name = $('channel-name').value.trim();
  channel = session.channelJoin(name);

  channel.onChannelJoined = function () {
    $('channel-title').textContent = '#' + name;
    log('Joined channel ' + name, 'system');
  };
  channel.onChannelJoinFailed = function (ecode) {
    log('Could not join ' + name + ': ' + ecode, 'error');
  };
  channel.onChannelUserList = function (users) {
    var accounts = [];
    for (var i = 0; i < users.length; i++) accounts.push(users[i][0]);
    showMembers(accounts);
  };
  channel.onChannelUserJoined = function (account) {
    addMember(account);
    log(account + ' joined ' + name, 'system');
  };
  channel.onChannelUserLeaved = function (account) {
    removeMember(account);
    log(account + ' left ' + name, 'system');
  };
  channel.onMessageChannelReceive = function (account, uid, msg) {
    log('[' + name + '] ' + account + ': ' + msg, 'channel');
  };
  channel.onChannelLeaved = function () {
    $('channel-title').textContent = '';
    showMembers([]);
    log('Left channel ' + name, 'system');
  };

  $('leave').onclick = function () {
    channel.channelLeave();
  };
  $('channel-send').onclick = function () {
    channel.messageChannelSend($('channel-text').value);
    $('channel-text').value = '';
  };
}

function callPeer() {
  var peer = $('callee').value.trim();
  var name = $('channel-name').value.trim();
  outgoingCall = session.channelInviteUser2(name, peer, JSON.stringify({ from: 'legacy-chat' }));
  log('Calling ' + peer + '…', 'call');

  outgoingCall.onInviteReceivedByPeer = function () {
    log(peer + ' is ringing', 'call');
  };
  outgoingCall.onInviteAcceptedByPeer = function () {
    log(peer + ' accepted the call', 'call');
  };
  outgoingCall.onInviteRefusedByPeer = function () {
    log(peer + ' refused the call', 'call');
  };
  outgoingCall.onInviteFailed = function (extra) {
    log('Call to ' + peer + ' failed: ' + extra, 'error');
  };
  outgoingCall.onInviteEndByPeer = function () {
    log(peer + ' ended the call', 'call');
  };
  outgoingCall.onInviteEndByMyself = function () {
    log('Call to ' + peer + ' ended', 'call');
  };
}

function hangUp() {
  if (outgoingCall) outgoingCall.channelInviteEnd();
}

function acceptCall() {
  incomingCall.channelInviteAccept();
  log('Accepted the call from ' + incomingCall.peer, 'call');
  showIncoming('');
}

function refuseCall() {
  incomingCall.channelInviteRefuse(JSON.stringify({ status: 0 }));
  log('Refused the call from ' + incomingCall.peer, 'call');
  showIncoming('');
}

window.onload = function () {
  var params = new URLSearchParams(location.search);
  $('app-id').value = params.get('appid') || APP_ID;
  $('account').value = params.get('account') || '';
  $('login').onclick = login;
  $('logout').onclick = logout;
  $('peer-send').onclick = sendPeerMessage;
  $('join').onclick = joinChannel;
  $('call').onclick = callPeer;
  $('hangup').onclick = hangUp;
  $('accept').onclick = acceptCall;
  $('refuse').onclick = refuseCall;
};
