// Converted with --no-preserve own-channel-message,member-list-on-join,handler-errors
import AgoraRTM from 'resignal';

export function join(appId, account, token, onText) {
  const session = AgoraRTM.createInstance(appId);
  session.login({ uid: account, token }).then(() => onLoginSuccess(), () => {});
  const onLoginSuccess = () => {
    const channel = session.createChannel('news');
    channel.join()
      .then(() => deliverLegacyChannelAttributes(session, channel, (name, value, type) => onChannelAttrUpdated(name, value, type)), () => {});
    // TODO(resignal: SIG_ON_CHANNEL_USER_LIST): RTM does not send the member list on join (--no-preserve member-list-on-join): call channel.getMembers() after join() if you need it
    channel.onChannelUserList = (users) => onText(users.length + ' here');
    const onMessageChannelReceive = (from, uid, text) => onText(from + ': ' + text);
    channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(memberId, 0, message.text));
    const onChannelAttrUpdated = (name, value, type) => onText(type + ' ' + name);
    channel.sendMessage({ text: 'hi' }).catch(() => {});
  };
}

/**
 * Legacy onChannelAttrUpdated(name, value, type) for a channel just joined: one 'update' per attribute it has, then
 * one call per change. RTM's AttributesUpdated carries the whole set, so the set last seen is compared with the new
 * one: 'del' per vanished name, 'update' per new or changed value, one 'clear' when several vanish at once. An
 * exception thrown by `handler` is logged, as legacy did.
 */
function deliverLegacyChannelAttributes(client, channel, handler) {
  const report = (name, value, type) => {
    try {
      handler(name, value, type);
    } catch (error) {
      console.error(error);
    }
  };
  let known = new Map();
  const apply = (attributes) => {
    const next = new Map(Object.entries(attributes).map(([name, attribute]) => [name, attribute.value]));
    const before = known;
    known = next;
    if (next.size === 0 && before.size > 1) {
      report('', '', 'clear');
      return;
    }
    for (const name of before.keys()) if (!next.has(name)) report(name, '', 'del');
    for (const [name, value] of next) if (before.get(name) !== value) report(name, value, 'update');
  };
  return client.getChannelAttributes(channel.channelId).then(apply, () => {}).then(() => {
    channel.on('AttributesUpdated', apply);
  });
}
