import AgoraRTM from 'resignal';

// A flat-API module in TypeScript: everything in scope, so everything converts (and type-checks).
const appId: string = '970ca35de60c44645bbae8a215061b33';
const api = AgoraRTM.createInstance(appId);
const apiChannels = new Map<string, ReturnType<typeof api.createChannel>>(); // the joined channel by ID (the flat API joined one at a time)
let apiStatus = 0; // getStatus(): 0 not logged in, 1 logging in, 2 logged in, 3 reconnecting
api.on('ConnectionStateChanged', (state: string) => {
  apiStatus = flatLoginStatus(state);
});

const onLoginSuccess = (uid: number, fd: number) => console.log('online', uid, fd);
const onLogout = (ecode: number) => console.log('offline', ecode);
api.on('ConnectionStateChanged', (state: string, reason: string) => {
  const ecode = legacyLogoutCode(state, reason);
  if (ecode !== undefined) onLogout(ecode);
});
const onChannelJoined = (channelID: string) => console.log('joined', channelID);
const onChannelUserList = (accounts: string[], uids: number[]) => console.log('members', accounts, uids);
const onMessageChannelReceive = (channelID: string, account: string, uid: number, msg: string) => console.log(channelID, account, uid, msg);
const onMessageSendError = (messageID: string, ecode: number) => console.warn('not sent', messageID, ecode);
const onQueryUserStatusResult = (name: string, status: string) => console.log(name, status);
const onInvokeRet = (callID: string, err: string, resp: string) => console.log(callID, err, resp);

export function start(account: string): void {
  api.login({ uid: account })
    .then(() => onLoginSuccess(0, 0), () => {})
    .catch((error: unknown) => console.error(error));
  leaveFlatChannels(apiChannels)
    .then(() => {
      const channel = api.createChannel('lobby');
      apiChannels.set('lobby', channel);
      channel.on('ChannelMessage', (message: { text?: string }, memberId: string) => onMessageChannelReceive('lobby', memberId, 0, message.text ?? ''));
      return channel.join().then(() => {
        onChannelJoined('lobby');
        return deliverMemberListFirst(channel, (members: string[]) => onChannelUserList(members, members.map(() => 0)));
      }, () => {
        apiChannels.delete('lobby');
      });
    })
    .catch((error: unknown) => console.error(error));
  sendFlatChannelMessage(apiChannels, 'lobby', 'hello')
    .then(() => {
      onMessageChannelReceive('lobby', account, 0, 'hello');
    }, (error: unknown) => onMessageSendError(flatMessageId(), flatFailureCode(error, 401, 400)))
    .catch((error: unknown) => console.error(error));
  api.queryPeersOnlineStatus(['bob'])
    .then((online: Record<string, boolean>) => onQueryUserStatusResult('bob', online['bob'] ? '1' : '0'), () => {})
    .catch((error: unknown) => console.error(error));
  api.queryPeersOnlineStatus(['bob'])
    .then((online2: Record<string, boolean>) => onInvokeRet('q-1', '', JSON.stringify({ result: 'ok', account: 'bob', status: online2['bob'] ? 1 : 0 })), (error: unknown) => onInvokeRet('q-1', 'failed', JSON.stringify({ result: 'failed', reason: String(error) })))
    .catch((error: unknown) => console.error(error));
  console.log('status', apiStatus);
  leaveFlatChannels(apiChannels)
    .then(() => api.logout())
    .catch(() => {});
}

/** The flat API's getStatus() for an RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function flatLoginStatus(state: string): number {
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
}

/** Leaves every channel joined through the flat API (it joined one at a time) and resolves with their IDs. */
function leaveFlatChannels(channels: Map<string, { leave(): Promise<void> }>): Promise<string[]> {
  const left = [...channels.keys()];
  const leaving = [...channels.values()].map((channel) => channel.leave().catch(() => {}));
  channels.clear();
  return Promise.all(leaving).then(() => left);
}

/** The legacy onLogout code for an RTM connection state that ends the session (101 logout, 102 lost, 103 kicked). */
function legacyLogoutCode(state: string, reason: string): number | undefined {
  if (state === 'DISCONNECTED' && reason === 'LOGOUT') return 101;
  if (state === 'ABORTED' && reason === 'REMOTE_LOGIN') return 103;
  if (state === 'ABORTED') return 102;
  return undefined;
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

/** Sends to a channel joined through the flat API; like the flat API, fails when that channel is not joined. */
function sendFlatChannelMessage(channels: Map<string, { sendMessage(message: { text: string }): Promise<void> }>, channelID: string, text: string): Promise<void> {
  const channel = channels.get(channelID);
  return channel ? channel.sendMessage({ text }) : Promise.reject(new Error('channel ' + channelID + ' is not joined'));
}

/** The message ID the flat API reported: the app's own, or a generated decimal ID when it passed none (''). */
function flatMessageId(msgID?: string): string {
  return msgID ? msgID : `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

/** The flat API's failure code for an RTM error: `timeoutCode` when RTM timed out, `otherCode` otherwise. */
function flatFailureCode(error: unknown, timeoutCode: number, otherCode: number): number {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'RtmTimeoutError' ? timeoutCode : otherCode;
}
