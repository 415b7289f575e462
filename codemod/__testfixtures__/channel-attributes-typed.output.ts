// A typed module that keeps a room's topic in a channel attribute and lists who is there.
import AgoraRTM from 'resignal';

export function watchRoom(appId: string, account: string, show: (line: string) => void): void {
  const session = AgoraRTM.createInstance(appId);
  session.login({ uid: account })
    .then(() => onLoginSuccess(), () => {})
    .catch((error: unknown) => console.error(error));
  repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
  const onLoginSuccess = () => {
    const channel = session.createChannel('room');
    channel.join()
      .then(() => {
        onChannelJoined();
        return deliverMemberListFirst(channel, (members: string[]) => {
          onChannelUserList(members.map((member): [string, number] => [member, 0]));
          return deliverLegacyChannelAttributes(session, channel, (name: string, value: string, type: 'update' | 'del' | 'clear') => onChannelAttrUpdated(name, value, type));
        });
      }, () => {})
      .catch((error: unknown) => console.error(error));
    const onChannelUserList = (users: [string, number][]) => show(`${users.length} here`);
    const onChannelAttrUpdated = (name: string, value: string, type: string) => {
      if (name === 'topic') show(type === 'update' ? `topic: ${value}` : 'no topic');
    };
    const onChannelJoined = () => session.addOrUpdateChannelAttributes(channel.channelId, { seen: account }, { enableNotificationToChannelMembers: true })
      .catch(() => {});
  };
}

/**
 * Legacy 1.4.x after an automatic reconnect: channels were not re-joined and onLoginSuccess fired again (apps
 * re-join there). RTM re-joins by itself, so after a reconnect the channels this client created are left first
 * (other members see them leave, as with the shim), then `loggedIn` runs. A channel is remembered until then.
 */
function repeatLoginSuccessOnReconnect(client: { createChannel(channelId: string): { leave(): Promise<void> }; on(event: 'ConnectionStateChanged', listener: (state: string) => void): unknown }, loggedIn: () => void): void {
  const channels = new Set<{ leave(): Promise<void> }>();
  const createChannel = client.createChannel.bind(client);
  client.createChannel = (channelId: string) => {
    const channel = createChannel(channelId);
    channels.add(channel);
    return channel;
  };
  let reconnecting = false;
  client.on('ConnectionStateChanged', (state) => {
    const reconnected = reconnecting && state === 'CONNECTED';
    reconnecting = state === 'RECONNECTING';
    if (!reconnected) return;
    const left = [...channels].map((channel) => channel.leave().catch(() => {}));
    channels.clear();
    Promise.all(left).then(loggedIn);
  });
}

/**
 * Legacy onChannelAttrUpdated(name, value, type) for a channel just joined: one 'update' per attribute it has, then
 * one call per change. RTM's AttributesUpdated carries the whole set, so the set last seen is compared with the new
 * one: 'del' per vanished name, 'update' per new or changed value, one 'clear' when several vanish at once. An
 * exception thrown by `handler` is logged, as legacy did.
 */
function deliverLegacyChannelAttributes(client: { getChannelAttributes(channelId: string): Promise<Record<string, { value: string }>> }, channel: { readonly channelId: string; on(event: 'AttributesUpdated', listener: (attributes: Record<string, { value: string }>) => void): unknown }, handler: (name: string, value: string, type: 'update' | 'del' | 'clear') => void): Promise<void> {
  const report = (name: string, value: string, type: 'update' | 'del' | 'clear') => {
    try {
      handler(name, value, type);
    } catch (error) {
      console.error(error);
    }
  };
  let known = new Map<string, string>();
  const apply = (attributes: Record<string, { value: string }>) => {
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

/**
 * Calls `deliver` with the members of a channel just joined. Legacy Signaling reported the member list before any
 * message or member event of the channel, so the channel's listeners are set aside until `deliver` has run; the
 * events that arrive meanwhile are then handed to them in order.
 */
function deliverMemberListFirst(channel: { getMembers(): Promise<string[]>; listeners(event: 'ChannelMessage' | 'MemberJoined' | 'MemberLeft'): Function[]; on(event: 'ChannelMessage' | 'MemberJoined' | 'MemberLeft', listener: Function): unknown; off(event: 'ChannelMessage' | 'MemberJoined' | 'MemberLeft', listener: Function): unknown }, deliver: (members: string[]) => void): Promise<void> {
  const held: (() => void)[] = [];
  const restores = (['ChannelMessage', 'MemberJoined', 'MemberLeft'] as const).map((event) => {
    const listeners = channel.listeners(event);
    const hold = (...args: unknown[]) => {
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
