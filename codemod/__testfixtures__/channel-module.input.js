import Signal from './vendor/AgoraSig-1.4.0';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const token = '_no_need_token';
const signal = new Signal(APP_ID);
const account = 'bob';
let channel;

const session = signal.login(account, token);
session.onLoginSuccess = (uid) => {
  channel = session.channelJoin('lobby');
  channel.onChannelJoined = () => render('joined');
  channel.onChannelJoinFailed = (err) => render('join failed ' + err);
  channel.onChannelUserList = (users) => {
    users.forEach((user) => render('member ' + user[0]));
  };
  channel.onChannelUserJoined = (account, uid) => render(account + ' joined');
  channel.onChannelUserLeaved = (account, uid) => render(account + ' left');
  channel.onMessageChannelReceive = (account, uid, msg) => render(account + ': ' + msg);
  channel.onChannelLeaved = (ecode) => render('left ' + ecode);
  setTimeout(() => channel.channelLeave(), 60000);
};

export function say(text) {
  channel.messageChannelSend(text, () => render('sent'));
}

export function leaveQuietly(done) {
  channel.channelLeave(done);
}

function render(text) {
  console.log(text);
}
