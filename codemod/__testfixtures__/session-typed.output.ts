import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

export function start(account: string, token: string): void {
  const signal = AgoraRTM.createInstance(APP_ID);
  const session = signal;
  session.login({ uid: account, token })
    .then(() => onLoginSuccess(0), (error: unknown) => onLoginFailed(legacyLoginErrorCode(error)))
    .catch((error: unknown) => console.error(error));
  const onLoginSuccess = (uid: number) => {
    log('online', uid);
    const channel = session.createChannel('team');
    channel.join()
      .then(() => {
        onChannelJoined();
        return channel.getMembers().then((members: string[]) => onChannelUserList(members.map((member): [string, number] => [member, 0])));
      }, (error: unknown) => onChannelJoinFailed(String(error)))
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
    .then((status: Record<string, boolean>) => ({ error: '', ret: { result: 'ok', account: 'boss', status: status['boss'] ? 1 : 0 } }), (error: unknown) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
    .then(({ error, ret }: { error: string; ret: any }) => ((err: string, ret: { status?: number }) => log(err, ret.status))(error, ret))
    .catch((error: unknown) => console.error(error));
}

/** The legacy onLoginFailed code for an RTM login error (legacy codes 201 network, 204 token expired, 206 invalid token). */
function legacyLoginErrorCode(error: unknown): number {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 6) return 204;
  if (code === 3 || code === 5) return 206;
  return 201;
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
