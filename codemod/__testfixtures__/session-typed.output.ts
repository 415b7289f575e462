import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

export function start(account: string, token: string): void {
  const signal = AgoraRTM.createInstance(APP_ID);
  const session = signal;
  session.login({ uid: account, token })
    .then(() => onLoginSuccess(0), (error: unknown) => onLoginFailed(legacyLoginErrorCode(error)))
    .catch((error: unknown) => console.error(error));
  repeatLoginSuccessOnReconnect(session, () => onLoginSuccess(0));
  const onLoginSuccess = (uid: number) => {
    log('online', uid);
    const channel = session.createChannel('team');
    channel.join()
      .then(() => {
        onChannelJoined();
        return deliverMemberListFirst(channel, (members: string[]) => onChannelUserList(members.map((member): [string, number] => [member, 0])));
      }, (error: unknown) => onChannelJoinFailed(legacyFailureString(error)))
      .catch((error: unknown) => console.error(error));
    const onChannelJoined = () => log('joined');
    const onChannelJoinFailed = (err: string) => log('join failed', err);
    const onChannelUserList = (users: [string, number][]) => log('members', users.map((user) => user[0]));
    const onChannelUserJoined = (member: string, uid: number) => log('joined', member, uid);
    channel.on('MemberJoined', (memberId: string) => onChannelUserJoined(memberId, 0));
    const onMessageChannelReceive = (from: string, uid: number, text: string) => log(from, uid, text);
    channel.on('ChannelMessage', (message: { text?: string }, memberId: string) => onMessageChannelReceive(memberId, 0, message.text ?? ''));
    sendChannelMessageAndEcho(channel, account, 'hello team')
      .catch(() => {})
      .then(() => log('sent'))
      .catch((error: unknown) => console.error(error));
  };
  const onLoginFailed = (ecode: number) => log('login failed', ecode);
  const onLogout = (ecode: number) => log('logged out', ecode);
  session.on('ConnectionStateChanged', (state: string, reason: string) => {
    const ecode = legacyLogoutCode(state, reason);
    if (ecode !== undefined) onLogout(ecode);
  });
  const onMessageInstantReceive = (from: string, uid: number, text: string) => log(from, uid, text);
  session.on('MessageFromPeer', (message: { text?: string }, peerId: string) => onMessageInstantReceive(peerId, 0, message.text ?? ''));
  session.sendMessageToPeer({ text: 'here' }, 'boss')
    .then(() => false, () => true)
    .then((isError: boolean) => log('dm', isError))
    .catch((error: unknown) => console.error(error));
  session.queryPeersOnlineStatus(['boss'])
    .then((status: Record<string, boolean>) => ({ error: '', ret: { result: 'ok', account: 'boss', status: status['boss'] ? 1 : 0 } }), legacyInvokeFailure)
    .then(({ error, ret }: { error: string; ret: any }) => ((err: string, ret: { status?: number }) => log(err, ret.status))(error, ret))
    .catch((error: unknown) => console.error(error));
}

/** The legacy onLoginFailed code for an RTM login error (201 network, 204 token expired, 206 invalid token, 209 invalid account), as the shim reports it. */
function legacyLoginErrorCode(error: unknown): number {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidArgumentError') return 209;
  if (name === 'RtmUnauthenticatedError' && code === 6) return 204;
  if (name === 'RtmUnauthenticatedError') return 206;
  if (name === '' && code === 6) return 204;
  return 201;
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

/** The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it. */
function legacyFailureString(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidStatusError' && code === 102) return 'not_login';
  if (name === 'RtmInvalidArgumentError') return 'invalid_argument';
  if (name === 'RtmLimitExceededError') return 'limit_exceeded';
  if (name === 'RtmTimeoutError') return 'timeout';
  if (name === 'RtmUnauthenticatedError') return 'unauthenticated';
  if (name === 'RtmUnavailableError' && code === 6) return 'user_not_online';
  return 'failed';
}

/** The legacy onLogout code for an RTM connection state that ends the session (101 logout, 102 lost, 103 kicked). */
function legacyLogoutCode(state: string, reason: string): number | undefined {
  if (state === 'DISCONNECTED' && reason === 'LOGOUT') return 101;
  if (state === 'ABORTED' && reason === 'REMOTE_LOGIN') return 103;
  if (state === 'ABORTED') return 102;
  return undefined;
}

/** Sends a channel message and, like legacy Signaling (and unlike RTM), delivers it to the sender's own listeners. */
function sendChannelMessageAndEcho(channel: { sendMessage(message: { text: string }): Promise<void>; listeners(event: 'ChannelMessage'): Function[] }, account: string, text: string): Promise<void> {
  return channel.sendMessage({ text }).then(() => {
    for (const listener of channel.listeners('ChannelMessage')) {
      listener({ text }, account, { serverReceivedTs: Date.now() });
    }
  });
}

/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */
function legacyInvokeFailure(error: unknown): { error: string; ret: { result: string; reason: string } } {
  const failure = legacyFailureString(error);
  return { error: failure, ret: { result: failure, reason: String(error) } };
}
