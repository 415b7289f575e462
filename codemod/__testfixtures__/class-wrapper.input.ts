import AgoraSignal from '../lib/AgoraSig-1.4.3';

type Listener = (text: string) => void;

export class Chat {
  private signal = new AgoraSignal('970ca35de60c44645bbae8a215061b33');
  private session: any;
  private channel: any;
  private account = '';

  constructor(private readonly onText: Listener) {}

  connect(account: string, token: string): void {
    this.account = account;
    this.session = this.signal.login(account, token);
    this.session.onLoginSuccess = (uid: number) => {
      this.onText(`logged in as ${uid}`);
      this.channel = this.session.channelJoin('general');
      this.channel.onChannelJoined = () => this.onText('joined');
      this.channel.onMessageChannelReceive = (from: string, uid: number, msg: string) => this.onText(`${from}: ${msg}`);
    };
    this.session.onLoginFailed = (ecode: number) => this.onText(`login failed ${ecode}`);
    this.session.onMessageInstantReceive = (from: string, uid: number, msg: string) => this.onText(`dm ${from}: ${msg}`);
  }

  whisper(peer: string, text: string): void {
    this.session.messageInstantSend(peer, text, (isError: boolean) => {
      if (isError) this.onText('not sent');
    });
  }

  say(text: string): void {
    this.channel.messageChannelSend(text);
  }
}
