import React from 'react';
import Signal from './AgoraSig';

const signal = Signal(process.env.APP_ID);

export function Dialer({ session, peer }) {
  return (
    <div>
      <button onClick={() => session.channelInviteUser2('room', peer, '')}>Call</button>
      <button onClick={() => session.messageInstantSend(peer, 'hi')}>Wave</button>
    </div>
  );
}

export function start(account) {
  return signal.login(account, '_no_need_token');
}
