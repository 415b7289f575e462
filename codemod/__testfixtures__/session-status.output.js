var APP_ID = '970ca35de60c44645bbae8a215061b33';
var signal = AgoraRTM.createInstance(APP_ID);
signal.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_OFF });
signal.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_WARNING });
var session = signal;
session.login({ uid: 'fred' })
  .then(() => onLoginSuccess(0), () => {})
  .catch((error) => console.error(error));
console.log('status', legacyStatus(session), legacyStatus(session));

const onLoginSuccess = function (uid) {
  console.log('logged in as', 'fred', uid, 0);
  if (legacyStatus(session) === 2) console.log('online');
};

/** The legacy getStatus() number for the client's RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function legacyStatus(client) {
  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
}
