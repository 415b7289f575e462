// Flat-API channels: one channel at a time, named by ID in every call and callback.
var appId = '970ca35de60c44645bbae8a215061b33';
const api = AgoraRTM.createInstance(appId);
const apiChannels = new Map(); // the joined channel by ID (the flat API joined one at a time)
const account = 'alice';
const onChannelJoined = (channelID) => console.log('showJoined', channelID);
const onChannelJoinFailed = (channelID, ecode) => console.log('showError', channelID, ecode);
const onChannelUserList = (accounts, uids) => console.log('setMembers', accounts);
const onChannelUserJoined = (account, uid) => console.log('addMember', account);
const onChannelUserLeaved = (account, uid) => console.log('removeMember', account);
const onMessageChannelReceive = (channelID, account, uid, msg) => console.log('addLine', channelID, account, msg);
const onChannelLeaved = (channelID, ecode) => console.log('showLeft', channelID, ecode);
const onChannelQueryUserNumResult = (channelID, ecode, num) => console.log('showCount', channelID, num);
const onChannelQueryUserIsIn = (channelID, account, isIn) => console.log('isIn', channelID, account, isIn);
const onError = (name, ecode, desc) => console.warn(name, ecode, desc);
api.login({ uid: account }).catch(() => {});

function enter(room) {
  leaveFlatChannels(apiChannels)
    .then((left) => {
      for (const channelID of left) onChannelLeaved(channelID, 602);
      const channel = api.createChannel(room);
      apiChannels.set(room, channel);
      channel.on('MemberJoined', (memberId) => onChannelUserJoined(memberId, 0));
      channel.on('MemberLeft', (memberId) => onChannelUserLeaved(memberId, 0));
      channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(room, memberId, 0, message.text));
      return channel.join().then(() => {
        onChannelJoined(room);
        return deliverMemberListFirst(channel, (members) => onChannelUserList(members, members.map(() => 0)));
      }, () => {
        apiChannels.delete(room);
        onChannelJoinFailed(room, 300);
      });
    })
    .catch((error) => console.error(error));
}

function say(room, text) {
  sendFlatChannelMessage(apiChannels, room, text)
    .then(() => {
      onMessageChannelReceive(room, account, 0, text);
    }, () => {})
    .catch((error) => console.error(error));
  api.getChannelMemberCount([room])
    .then((counts) => onChannelQueryUserNumResult(room, 0, counts[room] ?? 0), (error) => onChannelQueryUserNumResult(room, flatFailureCode(error, 501, 500), 0))
    .catch((error) => console.error(error));
  flatChannelMembers(apiChannels, room)
    .then((members) => onChannelQueryUserIsIn(room, 'bob', members.includes('bob') ? 1 : 0), (error) => onError('channelQueryUserIsIn', flatErrorCode(error), flatErrorText(error)))
    .catch((error) => console.error(error));
}

function setTopic(room, topic) {
  api.addOrUpdateChannelAttributes(room, { topic: topic }, { enableNotificationToChannelMembers: true })
    .catch((error) => onError('channelSetAttr', flatErrorCode(error), flatErrorText(error)))
    .catch((error) => console.error(error));
}

function leave(room) {
  api.deleteChannelAttributesByKeys(room, ['topic'], { enableNotificationToChannelMembers: true })
    .catch((error) => onError('channelDelAttr', flatErrorCode(error), flatErrorText(error)))
    .catch((error) => console.error(error));
  leaveFlatChannel(apiChannels, room)
    .then((left) => {
      if (left) onChannelLeaved(room, 602);
    })
    .catch((error) => console.error(error));
}

/**
 * Calls `deliver` with the members of a channel just joined. Legacy Signaling reported the member list before any
 * message or member event of the channel, so the channel's listeners are set aside until `deliver` has run; the
 * events that arrive meanwhile are then handed to them in order.
 */
function deliverMemberListFirst(channel, deliver) {
  const held = [];
  const restores = ['ChannelMessage', 'MemberJoined', 'MemberLeft'].map((event) => {
    const listeners = channel.listeners(event);
    const hold = (...args) => {
      held.push(() => {
        for (const listener of listeners) {
          try {
            listener(...args);
          } catch (error) {
            console.error(error); // as RTM does with an exception thrown by a listener
          }
        }
      });
    };
    for (const listener of listeners) channel.off(event, listener);
    channel.on(event, hold);
    return () => {
      channel.off(event, hold);
      for (const listener of listeners) channel.on(event, listener);
    };
  });
  return channel.getMembers().then(deliver).finally(() => {
    for (const restore of restores) restore();
    for (const replay of held) replay();
  });
}

/** Leaves every channel joined through the flat API (it joined one at a time) and resolves with their IDs. */
function leaveFlatChannels(channels) {
  const left = [...channels.keys()];
  const leaving = [...channels.values()].map((channel) => channel.leave().catch(() => {}));
  channels.clear();
  return Promise.all(leaving).then(() => left);
}

/** Leaves a channel joined through the flat API; resolves false when it was not the joined channel (the flat API then did nothing). */
function leaveFlatChannel(channels, channelID) {
  const channel = channels.get(channelID);
  if (!channel) return Promise.resolve(false);
  channels.delete(channelID);
  return channel.leave().then(() => true, () => true);
}

/** Sends to a channel joined through the flat API; like the flat API, fails when that channel is not joined. */
function sendFlatChannelMessage(channels, channelID, text) {
  const channel = channels.get(channelID);
  return channel ? channel.sendMessage({ text }) : Promise.reject(new Error('channel ' + channelID + ' is not joined'));
}

/** The flat API's failure code for an RTM error: `timeoutCode` when RTM timed out, `otherCode` otherwise. */
function flatFailureCode(error, timeoutCode, otherCode) {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'RtmTimeoutError' ? timeoutCode : otherCode;
}

/** The members of a channel joined through the flat API; like the flat API, fails for any other channel (RTM lists joined channels only). */
function flatChannelMembers(channels, channelID) {
  const channel = channels.get(channelID);
  return channel ? channel.getMembers() : Promise.reject(new Error('the member list of ' + channelID + ' needs this user to have joined it'));
}

/** The flat API's onError code for an RTM error (1003 not logged in, 1004 invalid argument, 1005 too large, 1001 otherwise). */
function flatErrorCode(error) {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidStatusError' && code === 102) return 1003;
  if (name === 'RtmInvalidArgumentError') return 1004;
  if (name === 'RtmLimitExceededError') return 1005;
  return 1001;
}

/** The flat API's onError description: the error message. */
function flatErrorText(error) {
  return error instanceof Error ? error.message.trim() : String(error);
}
