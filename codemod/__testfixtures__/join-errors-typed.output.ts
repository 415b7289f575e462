// A typed join whose channel name RTM may reject, and an invoke failure passed to a named callback.
import AgoraRTM from 'resignal';

function onCount(err: string, ret: { result: string; num?: number }): void {
  console.log(err, ret.result, ret.num);
}

export function start(appId: string, roomName: string): void {
  var session = AgoraRTM.createInstance(appId);
  session.login({ uid: 'alice' })
    .then(() => onLoginSuccess(), () => {})
    .catch((error: unknown) => console.error(error));
  repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
  const onLoginSuccess = function () {
    try {
      var room = session.createChannel(roomName);
      room.join()
        .then(() => onChannelJoined(), (error: unknown) => onChannelJoinFailed(legacyFailureString(error)))
        .catch((error: unknown) => console.error(error));
    } catch (error) {
      // createChannel() throws at once for a name RTM rejects: report it like a failed join, as legacy did
      Promise.reject(error)
        .catch((error: unknown) => onChannelJoinFailed(legacyFailureString(error)))
        .catch((error: unknown) => console.error(error));
    }
    const onChannelJoined = function () {
      console.log('joined', roomName);
    };
    const onChannelJoinFailed = function (err: string) {
      console.log('join failed', err);
    };
    session.getChannelMemberCount([roomName])
      .then((counts: Record<string, number>) => ({ error: '', ret: { result: 'ok', name: roomName, num: counts[roomName] ?? 0 } }), legacyInvokeFailure)
      .then(({ error, ret }: { error: string; ret: any }) => onCount(error, ret))
      .catch((error: unknown) => console.error(error));
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

/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */
function legacyInvokeFailure(error: unknown): { error: string; ret: { result: string; reason: string } } {
  const failure = legacyFailureString(error);
  return { error: failure, ret: { result: failure, reason: String(error) } };
}
