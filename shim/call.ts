/**
 * The legacy Call on RTM invitations: `channelInviteUser2` → LocalInvitation (`extra` in `content`, the channel in
 * `channelId`), `onInviteReceived` ← RemoteInvitation (whose receipt RTM acknowledges by itself, like the legacy
 * auto-ack). Hang-ups RTM cannot express (after an accept, or by the callee) and DTMF travel as call signals
 * (peer messages, shim/call-signal.ts).
 */
import { attempt } from './attempt.js';
import { dtmfExtra, encodeCallSignal, type CallSignal } from './call-signal.js';
import { fireCallback, initCallbackProperties, type FireHooks } from './callback-property.js';
import type { ShimContext } from './context.js';
import { failureString } from './failure.js';
import { inviteFailureExtra, parseInviteOptions } from './invite-options.js';
import type { LegacyCall, LegacyCallback } from './legacy-types.js';
import { Disposers, listen } from './listen.js';
import type { LocalInvitationLike, RemoteInvitationLike, RtmClientLike } from './rtm-types.js';
import { legacyMessage } from './text.js';

export const CALL_CALLBACKS = [
  'onInviteReceivedByPeer',
  'onInviteAcceptedByPeer',
  'onInviteRefusedByPeer',
  'onInviteFailed',
  'onInviteEndByPeer',
  'onInviteEndByMyself',
  'onInviteMsg',
] as const;

export interface CallHost {
  client(): RtmClientLike | null;
  readonly calls: CallRegistry;
}

const callKey = (channel: string, peer: string): string => `${channel}\u0000${peer}`;

/** Calls by channel + peer, the legacy routing key; a signal with no matching call is dropped. */
export class CallRegistry {
  readonly #calls = new Map<string, Call>();

  add(call: Call): void {
    this.#calls.set(call.key, call);
  }

  remove(call: Call): void {
    if (this.#calls.get(call.key) === call) this.#calls.delete(call.key);
  }

  deliver(signal: CallSignal, peer: string): void {
    const call = this.#calls.get(callKey(signal.channel, peer));
    if (signal.kind === 'end') call?.endedByPeer(signal.extra);
    else call?.messageFromPeer(signal.extra);
  }

  abandonAll(): void {
    for (const call of this.#calls.values()) call.abandon();
    this.#calls.clear();
  }
}

const optionalExtra = (extra: unknown): string => (extra === undefined || extra === null ? '' : legacyMessage(extra));

export class Call implements LegacyCall {
  readonly #channelName: string;
  readonly #peer: string;
  readonly #extra: string;

  declare onInviteReceivedByPeer: LegacyCallback<(extra: string) => void>;
  declare onInviteAcceptedByPeer: LegacyCallback<(extra: string) => void>;
  declare onInviteRefusedByPeer: LegacyCallback<(extra: string) => void>;
  declare onInviteFailed: LegacyCallback<(extra: string) => void>;
  declare onInviteEndByPeer: LegacyCallback<(extra: string) => void>;
  declare onInviteEndByMyself: LegacyCallback<(extra: string) => void>;
  declare onInviteMsg: LegacyCallback<(extra: string) => void>;

  readonly #ctx: ShimContext;
  /** Firing hooks of this kind of object, looked up once (every received message fires through them). */
  readonly #hooks: FireHooks;
  readonly #host: CallHost;
  readonly #listeners = new Disposers();
  #local: LocalInvitationLike | null = null;
  #remote: RemoteInvitationLike | null = null;
  #answered = false;
  #ended = false;
  #timeout: ReturnType<typeof setTimeout> | undefined;

  private constructor(ctx: ShimContext, host: CallHost, channelName: string, peer: string, extra: string) {
    initCallbackProperties(this, CALL_CALLBACKS);
    this.#ctx = ctx;
    this.#hooks = ctx.hooks('Call');
    this.#host = host;
    this.#channelName = channelName;
    this.#peer = peer;
    this.#extra = extra;
  }

  /* --- readable properties (accessors, so reading one counts as using it) --- */

  get channelName(): string {
    this.#ctx.use('SIG_CALL_CHANNEL_NAME');
    return this.#channelName;
  }

  get peer(): string {
    this.#ctx.use('SIG_CALL_PEER');
    return this.#peer;
  }

  get extra(): string {
    this.#ctx.use('SIG_CALL_EXTRA');
    return this.#extra;
  }

  /** 1.2.0.x only; RTM has no numeric uids. */
  get peeruid(): number {
    this.#ctx.use('SIG_CALL_PEERUID');
    return 0;
  }

  /** The routing key parts without deprecation accounting. */
  get key(): string {
    return callKey(this.#channelName, this.#peer);
  }

  static outgoing(ctx: ShimContext, host: CallHost, channelName: string, peer: string, extra: string): Call {
    const call = new Call(ctx, host, channelName, peer, extra);
    host.calls.add(call);
    call.#invite();
    return call;
  }

  static incoming(ctx: ShimContext, host: CallHost, invitation: RemoteInvitationLike): Call {
    const call = new Call(ctx, host, invitation.channelId, invitation.callerId, invitation.content);
    call.#remote = invitation;
    call.#listeners.add(
      listen(invitation, 'RemoteInvitationCanceled', (content: string) => call.endedByPeer(typeof content === 'string' ? content : '')),
      listen(invitation, 'RemoteInvitationFailure', (reason: string) => call.#failed(reason)),
    );
    host.calls.add(call);
    return call;
  }

  /** Sends the invitation again once the previous one has ended (the SDK called this itself on creation). */
  channelInviteUser2(): void {
    this.#ctx.use('SIG_CALL_CHANNEL_INVITE_USER2');
    if (this.#remote || (!this.#ended && this.#local)) {
      this.#ctx.log.info('channelInviteUser2: this call is already in progress.');
      return;
    }
    this.#ended = false;
    this.#answered = false;
    this.#host.calls.add(this);
    this.#invite();
  }

  channelInviteAccept(extra?: string): void {
    this.#ctx.use('SIG_CHANNEL_INVITE_ACCEPT');
    const remote = this.#remote;
    if (!remote || this.#ended) {
      this.#ctx.log.info('channelInviteAccept: not a ringing incoming call.');
      return;
    }
    try {
      remote.response = optionalExtra(extra);
      remote.accept();
      this.#answered = true;
    } catch (error) {
      this.#ctx.log.warn('channelInviteAccept failed:', error);
    }
  }

  channelInviteRefuse(extra?: string): void {
    this.#ctx.use('SIG_CHANNEL_INVITE_REFUSE');
    const remote = this.#remote;
    if (!remote || this.#ended || this.#answered) {
      this.#ctx.log.info('channelInviteRefuse: not a ringing incoming call.');
      return;
    }
    try {
      remote.response = optionalExtra(extra);
      remote.refuse();
    } catch (error) {
      this.#ctx.log.warn('channelInviteRefuse failed:', error);
    }
    this.#finish();
  }

  channelInviteEnd(extra?: string): void {
    this.#ctx.use('SIG_CHANNEL_INVITE_END');
    const text = optionalExtra(extra);
    if (!this.#ended) {
      const local = this.#local;
      if (local && !this.#answered) this.#cancel(local, text);
      else if (this.#remote || this.#answered) this.#signal({ kind: 'end', channel: this.#channelName, extra: text }, 'the hang-up message');
      this.#finish();
    }
    this.#fire('onInviteEndByMyself', '');
  }

  /**
   * The legacy in-call message (`voip_invite_msg`): the peer's Call gets `onInviteMsg(extra)`. Sent only while the
   * call is live (ringing or accepted; for a caller, once its invitation went out), since the peer drops a signal
   * for a call it does not know; otherwise nothing is sent and no callback fires (an info log says why).
   */
  channelInviteDTMF(dtmf: string): void {
    this.#ctx.use('SIG_CHANNEL_INVITE_DTMF');
    if (this.#ended || (!this.#remote && !this.#local)) {
      this.#ctx.log.info('channelInviteDTMF: the call is not in progress; nothing is sent.');
      return;
    }
    this.#signal({ kind: 'message', channel: this.#channelName, extra: dtmfExtra(dtmf) }, 'the DTMF message');
  }

  /* --- internal: used by the registry and the session --- */

  abandon(): void {
    this.#ended = true;
    clearTimeout(this.#timeout);
    this.#listeners.drain();
  }

  /* --- outgoing --- */

  #invite(): void {
    const client = this.#host.client();
    if (!client) {
      setTimeout(() => this.#failed('NOT_LOGGEDIN'), 0);
      return;
    }
    const options = parseInviteOptions(this.#extra);
    if (!options.requirePeerOnline) {
      this.#send(client, options.timeoutMs);
      return;
    }
    attempt(() => client.queryPeersOnlineStatus([this.#peer])).then(
      (status) => {
        if (this.#ended) return;
        if (status[this.#peer]) this.#send(client, options.timeoutMs);
        else this.#failed('PEER_OFFLINE');
      },
      (error: unknown) => this.#failed(failureString(error)),
    );
  }

  #send(client: RtmClientLike, timeoutMs: number): void {
    if (!client.createLocalInvitation) {
      this.#ctx.log.warn('this RTM client has no createLocalInvitation(); channelInviteUser2 fails.');
      setTimeout(() => this.#failed('unsupported: this RTM client has no invitations'), 0);
      return;
    }
    let local: LocalInvitationLike;
    try {
      local = client.createLocalInvitation(this.#peer);
      local.channelId = this.#channelName;
      local.content = this.#extra;
      this.#listeners.add(
        listen(local, 'LocalInvitationReceivedByPeer', () => {
          if (!this.#ended) this.#fire('onInviteReceivedByPeer', '');
        }),
        listen(local, 'LocalInvitationAccepted', (response: string) => {
          if (this.#ended) return;
          this.#answered = true;
          clearTimeout(this.#timeout);
          this.#fire('onInviteAcceptedByPeer', response ?? '');
        }),
        listen(local, 'LocalInvitationRefused', (response: string) => {
          if (this.#ended) return;
          this.#finish();
          this.#fire('onInviteRefusedByPeer', response ?? '');
        }),
        listen(local, 'LocalInvitationFailure', (reason: string) => this.#failed(reason)),
      );
      this.#local = local;
      local.send();
    } catch (error) {
      this.#ctx.log.debug('channelInviteUser2 failed:', error);
      this.#local = null;
      setTimeout(() => this.#failed(failureString(error)), 0);
      return;
    }
    if (timeoutMs > 0) {
      this.#timeout = setTimeout(() => {
        if (this.#ended || this.#answered) return;
        this.#cancel(local, this.#extra);
        this.#failed('TIMEOUT');
      }, timeoutMs);
    }
  }

  #cancel(local: LocalInvitationLike, content: string): void {
    try {
      local.content = content;
      local.cancel();
    } catch (error) {
      this.#ctx.log.debug('cancel of the RTM invitation failed:', error);
    }
  }

  /* --- endings --- */

  /** An in-call message (DTMF) from the peer. */
  messageFromPeer(extra: string): void {
    if (!this.#ended) this.#fire('onInviteMsg', extra);
  }

  endedByPeer(extra: string): void {
    if (this.#ended) return;
    if (this.#local && !this.#answered) this.#cancel(this.#local, '');
    this.#finish();
    this.#fire('onInviteEndByPeer', extra);
  }

  #failed(reason: string): void {
    if (this.#ended) return;
    this.#finish();
    this.#fire('onInviteFailed', inviteFailureExtra(reason));
  }

  #finish(): void {
    this.abandon();
    this.#host.calls.remove(this);
  }

  #signal(signal: CallSignal, what: string): void {
    const client = this.#host.client();
    if (!client) return;
    attempt(() => client.sendMessageToPeer({ text: encodeCallSignal(signal) }, this.#peer)).catch((error: unknown) => this.#ctx.log.debug(`${what} failed:`, error));
  }

  #fire(name: (typeof CALL_CALLBACKS)[number], ...args: unknown[]): void {
    fireCallback(this, name, args, this.#hooks);
  }
}


