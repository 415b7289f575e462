import AgoraRTM from 'resignal';

type Listener = (text: string) => void;

export class Chat {
  private signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
  private session: any;
  private channel: any;
  private account = '';

  constructor(private readonly onText: Listener) {}

  connect(account: string, token: string): void {
    this.account = account;
    this.session = this.signal;
    this.session.login({ uid: account, token })
      .then(() => onLoginSuccess(0), (error: unknown) => onLoginFailed(legacyLoginErrorCode(error)))
      .catch((error: unknown) => console.error(error));
    repeatLoginSuccessOnReconnect(this.session, () => onLoginSuccess(0));
    const onLoginSuccess = (uid: number) => {
      this.onText(`logged in as ${uid}`);
      this.channel = this.session.createChannel('general');
      this.channel.join()
        .then(() => onChannelJoined(), () => {})
        .catch((error: unknown) => console.error(error));
      const onChannelJoined = () => this.onText('joined');
      const onMessageChannelReceive = (from: string, uid: number, msg: string) => this.onText(`${from}: ${msg}`);
      this.channel.on('ChannelMessage', (message: { text?: string }, memberId: string) => onMessageChannelReceive(memberId, 0, message.text ?? ''));
    };
    const onLoginFailed = (ecode: number) => this.onText(`login failed ${ecode}`);
    const onMessageInstantReceive = (from: string, uid: number, msg: string) => this.onText(`dm ${from}: ${msg}`);
    this.session.on('MessageFromPeer', (message: { text?: string }, peerId: string) => onMessageInstantReceive(peerId, 0, message.text ?? ''));
  }

  whisper(peer: string, text: string): void {
    this.session.sendMessageToPeer({ text }, peer)
      .then(() => false, () => true)
      .then((isError: boolean) => {
        if (isError) this.onText('not sent');
      })
      .catch((error: unknown) => console.error(error));
  }

  say(text: string): void {
    // TODO(resignal: SIG_MESSAGE_CHANNEL_SEND): legacy also delivered this message to the sender's own onMessageChannelReceive and RTM does not; the login account is not in scope here: use channel.sendMessage({ text: msg }) and call your handler for your own message (or run with --no-preserve own-channel-message)
    this.channel.messageChannelSend(text);
  }
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
