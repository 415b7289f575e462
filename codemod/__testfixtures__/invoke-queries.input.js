var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = Signal(APP_ID).login('gina', '_no_need_token');

session.onLoginSuccess = function () {
  var lobby = session.channelJoin('lobby');
  lobby.onChannelJoined = function () {
    session.invoke('io.agora.signal.user_set_attr', { name: 'mood', value: 'happy' });
    session.invoke('io.agora.signal.user_get_attr', { account: 'hank', name: 'mood' }, function (err, ret) {
      console.log('mood', err, ret.value);
    });
    session.invoke('io.agora.signal.user_get_attr_all', { account: 'hank' }, function (err, ret) {
      console.log('all', err, ret.json);
    });
    session.invoke('io.agora.signal.channel_query_user_isin', { name: 'lobby', account: 'hank' }, function (err, ret) {
      console.log('isin', err, ret.isin);
    });
    session.invoke('io.agora.signal.channel_query_userlist', { name: 'lobby' }, function (err, ret) {
      console.log('list', err, ret.num, ret.list);
    });
    session.invoke('io.agora.signal.channel_query_userlist_all', { name: 'lobby', num: 10 }, function (err, ret) {
      console.log('first ten', err, ret.list);
    });
  };
};
