import React from 'react';
import AgoraRTM from 'resignal';

const signal = AgoraRTM.createInstance(process.env.APP_ID);

export function Dialer({ session, peer }) {
  return (
    <div>
      {/* TODO(resignal: SIG_CHANNEL_INVITE_USER2): could not prove which legacy object this is: convert channelInviteUser2 by hand (see docs/codemod.md) */}
      <button onClick={() => session.channelInviteUser2('room', peer, '')}>Call</button>
      {/* TODO(resignal: SIG_MESSAGE_INSTANT_SEND): could not prove which legacy object this is: convert messageInstantSend by hand (see docs/codemod.md) */}
      <button onClick={() => session.messageInstantSend(peer, 'hi')}>Wave</button>
    </div>
  );
}

export function start(account) {
  // TODO(resignal: SIG_LOGIN): use client.login({ uid: account, token }) and handle its promise (onLoginSuccess → then, onLoginFailed → catch)
  return signal.login(account, '_no_need_token');
}
