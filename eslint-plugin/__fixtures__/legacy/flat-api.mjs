/* expected: SIG_FLAT_GET_INSTANCE SIG_FLAT_ON_LOGIN_SUCCESS SIG_FLAT_LOGIN2 SIG_FLAT_CHANNEL_JOIN */
import AgoraAPI from 'resignal/shim/flat';

const api = AgoraAPI.getInstance(process.env.APP_ID);
api.onLoginSuccess = () => api.channelJoin('lobby');
api.login2(process.env.APP_ID, 'native-user', '_no_need_token', 0, '', 30, 3);
