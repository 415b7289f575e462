import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const token = '_no_need_token';
const signal = AgoraRTM.createInstance(APP_ID);
const account = 'bob';
let channel;

const session = signal;
session.login({ uid: account, token })
  .then(() => onLoginSuccess(0), () => {})
  .catch((error) => console.error(error));
const onLoginSuccess = (uid) => {
  channel = session.createChannel('lobby');
  channel.join()
    .then(() => {
      onChannelJoined();
      return channel.getMembers().then((members) => onChannelUserList(members.map((member) => [member, 0])));
    }, (error) => onChannelJoinFailed(String(error)))
    .catch((error) => console.error(error));
  const onChannelJoined = () => render('joined');
  const onChannelJoinFailed = (err) => render('join failed ' + err);
  const onChannelUserList = (users) => {
    users.forEach((user) => render('member ' + user[0]));
  };
  const onChannelUserJoined = (account, uid) => render(account + ' joined');
  channel.on('MemberJoined', (memberId) => onChannelUserJoined(memberId, 0));
  const onChannelUserLeaved = (account, uid) => render(account + ' left');
  channel.on('MemberLeft', (memberId) => onChannelUserLeaved(memberId, 0));
  const onMessageChannelReceive = (account, uid, msg) => render(account + ': ' + msg);
  channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(memberId, 0, message.text));
  const onChannelLeaved = (ecode) => render('left ' + ecode);
  setTimeout(() => channel.leave()
    .catch(() => {})
    .then(() => onChannelLeaved(0))
    .catch((error) => console.error(error)), 60000);
};

export function say(text) {
  sendChannelMessageAndEcho(channel, account, text)
    .catch(() => {})
    .then(() => render('sent'))
    .catch((error) => console.error(error));
}

export function leaveQuietly(done) {
  channel.leave()
    .then(() => done(), () => done())
    .catch((error) => console.error(error));
}

function render(text) {
  console.log(text);
}

/** Sends a channel message and, like legacy Signaling (and unlike RTM), delivers it to the sender's own listeners. */
function sendChannelMessageAndEcho(channel, account, text) {
  return channel.sendMessage({ text }).then(() => {
    for (const listener of channel.listeners('ChannelMessage')) {
      listener({ text }, account, { serverReceivedTs: Date.now() });
    }
  });
}
