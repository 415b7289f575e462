var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = AgoraRTM.createInstance(APP_ID);
session.login({ uid: 'gina' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));

const onLoginSuccess = function () {
  var lobby = session.createChannel('lobby');
  lobby.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    session.addOrUpdateLocalUserAttributes({ mood: 'happy' }).catch(() => {});
    session.getUserAttributesByKeys('hank', ['mood'])
      .then((attributes) => ({ error: '', ret: { result: 'ok', account: 'hank', name: 'mood', value: attributes['mood'] ?? '' } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
      .then(function ({ error: err, ret }) {
        console.log('mood', err, ret.value);
      })
      .catch((error) => console.error(error));
    session.getUserAttributes('hank')
      .then((attributes) => ({ error: '', ret: { result: 'ok', account: 'hank', json: JSON.stringify(attributes), value: JSON.stringify(attributes) } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
      .then(function ({ error: err, ret }) {
        console.log('all', err, ret.json);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', account: 'hank', isin: members.includes('hank') ? 1 : 0 } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
      .then(function ({ error: err, ret }) {
        console.log('isin', err, ret.isin);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', num: members.length, list: members.map((member) => [member, 0]) } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
      .then(function ({ error: err, ret }) {
        console.log('list', err, ret.num, ret.list);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', num: Math.min(members.length, 10), list: members.slice(0, 10).map((member) => [member, 0]) } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
      .then(function ({ error: err, ret }) {
        console.log('first ten', err, ret.list);
      })
      .catch((error) => console.error(error));
  };
};
