/**
 * Call invitations (rtm-1x.md §3.11). The server only routes the signals; every timer runs here, as in the
 * official SDK: 30 s to deliver an invite, 60 s for the callee to answer once it has it, 5 s for the caller to
 * acknowledge an accept.
 */
import { isValidId, utf8Length } from '../protocol/index.js';
import { SafeEmitter } from './emitter.js';
import {
  LocalInvitationFailureReason,
  LocalInvitationState,
  RemoteInvitationFailureReason,
  RemoteInvitationState,
} from './enums.js';
import { invalidArgument, invalidStatus, RtmError } from './errors.js';

export const INVITATION_CONTENT_MAX_BYTES = 8192;

export type { CallSignal, CallSignalKind } from '../protocol/index.js';
import type { CallSignal, CallSignalKind } from '../protocol/index.js';

export interface InvitationTimings {
  /** Give up delivering an invite after this long (PEER_OFFLINE / PEER_NO_RESPONSE). */
  deliveryMs: number;
  /** Resend an undelivered invite this often. */
  resendMs: number;
  /** An invite the callee received ends with INVITATION_EXPIRE after this long. */
  expiryMs: number;
  /** A callee's accept fails if the caller has not acknowledged it within this. */
  acceptAckMs: number;
  /** Resend an unacknowledged accept this often. */
  acceptResendMs: number;
}

export const DEFAULT_INVITATION_TIMINGS: InvitationTimings = {
  deliveryMs: 30_000,
  resendMs: 2_000,
  expiryMs: 60_000,
  acceptAckMs: 5_000,
  acceptResendMs: 1_000,
};

/** What invitations need from their client. */
export interface InvitationHost {
  readonly timings: InvitationTimings;
  isLoggedIn(): boolean;
  /** Sends a signal; resolves whether the peer's device acknowledged it (false: peer offline). */
  sendSignal(to: string, signal: CallSignal): Promise<boolean>;
  forget(invitation: LocalInvitation | RemoteInvitation): void;
}

export interface LocalInvitationEvents {
  LocalInvitationAccepted: (response: string) => void;
  LocalInvitationRefused: (response: string) => void;
  LocalInvitationReceivedByPeer: () => void;
  LocalInvitationCanceled: () => void;
  LocalInvitationFailure: (reason: LocalInvitationFailureReason) => void;
}

export interface RemoteInvitationEvents {
  RemoteInvitationCanceled: (content: string) => void;
  RemoteInvitationRefused: () => void;
  RemoteInvitationAccepted: () => void;
  RemoteInvitationFailure: (reason: RemoteInvitationFailureReason) => void;
}

function randomCallId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

function contentTooLong(text: string): boolean {
  return utf8Length(text) > INVITATION_CONTENT_MAX_BYTES;
}

const LOCAL_ENDED = new Set<LocalInvitationState>([
  LocalInvitationState.CANCELED,
  LocalInvitationState.FAILURE,
  LocalInvitationState.ACCEPTED_BY_REMOTE,
  LocalInvitationState.REFUSED_BY_REMOTE,
]);

export class LocalInvitation extends SafeEmitter<LocalInvitationEvents> {
  readonly name = 'RtmLocalInvitation';
  readonly calleeId: string;
  readonly callId = randomCallId();
  content = '';
  #channelId = '';
  #response = '';
  #state = LocalInvitationState.IDLE;
  #timers: ReturnType<typeof setTimeout>[] = [];
  readonly #host: InvitationHost;

  constructor(host: InvitationHost, calleeId: string) {
    super();
    this.#host = host;
    this.calleeId = calleeId;
  }

  get state(): LocalInvitationState {
    return this.#state;
  }

  get response(): string {
    return this.#response;
  }

  set response(_value: string) {
    throw invalidArgument(1, 'The response of a local invitation is read-only');
  }

  get channelId(): string {
    return this.#channelId;
  }

  /** Like the official SDK, changing the channel after sending is ignored (and logged). */
  set channelId(value: string) {
    if (this.#state !== LocalInvitationState.IDLE) {
      console.warn('[resignal] LocalInvitation.channelId can only be set before send(); ignored.');
      return;
    }
    this.#channelId = value;
  }

  send(): void {
    if (this.#state === LocalInvitationState.SENT_TO_REMOTE || this.#state === LocalInvitationState.RECEIVED_BY_REMOTE) {
      throw invalidStatus(5, 'The invitation has already been sent');
    }
    if (LOCAL_ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if ((this.#channelId !== '' && !isValidId(this.#channelId)) || !isValidId(this.calleeId)) {
      throw invalidArgument(1, 'The channelId or calleeId of the invitation is invalid');
    }
    if (typeof this.content !== 'string' || contentTooLong(this.content)) {
      throw invalidArgument(1, `The length of the "content" overflows the limit of ${INVITATION_CONTENT_MAX_BYTES} bytes`);
    }
    this.#state = LocalInvitationState.SENT_TO_REMOTE;
    if (!this.#host.isLoggedIn()) {
      setTimeout(() => this.#fail(LocalInvitationFailureReason.NOT_LOGGEDIN), 0);
      return;
    }
    const { deliveryMs } = this.#host.timings;
    let lastSaidOffline = false;
    this.#later(deliveryMs, () => {
      if (this.#state === LocalInvitationState.SENT_TO_REMOTE) {
        this.#fail(lastSaidOffline ? LocalInvitationFailureReason.PEER_OFFLINE : LocalInvitationFailureReason.PEER_NO_RESPONSE);
      }
    });
    const attempt = (): void => {
      if (this.#state !== LocalInvitationState.SENT_TO_REMOTE) return;
      this.#host
        .sendSignal(this.calleeId, this.#signal('invite', this.content))
        .then((delivered) => {
          if (delivered) this.#receivedByPeer();
          else lastSaidOffline = true;
        })
        .catch(() => {
          lastSaidOffline = false;
        })
        .finally(() => {
          if (this.#state === LocalInvitationState.SENT_TO_REMOTE) this.#later(this.#host.timings.resendMs, attempt);
        });
    };
    attempt();
  }

  cancel(): void {
    if (LOCAL_ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (this.#state === LocalInvitationState.IDLE) throw invalidStatus(2, 'The invitation has not been sent');
    if (typeof this.content !== 'string' || contentTooLong(this.content)) {
      throw invalidArgument(1, `The length of the "content" overflows the limit of ${INVITATION_CONTENT_MAX_BYTES} bytes`);
    }
    if (!this.#host.isLoggedIn()) throw new RtmError('RtmInvalidStatusError', undefined, 'The client is not logged in');
    this.#host.sendSignal(this.calleeId, this.#signal('cancel', this.content)).catch(() => undefined);
    this.#end(LocalInvitationState.CANCELED);
    this.emit('LocalInvitationCanceled');
  }

  /** @internal A signal from the callee about this invitation. */
  handleSignal(signal: CallSignal): void {
    if (LOCAL_ENDED.has(this.#state) || this.#state === LocalInvitationState.IDLE) return;
    if (signal.kind === 'accept') {
      this.#host.sendSignal(this.calleeId, this.#signal('accept-ack', '')).catch(() => undefined);
      if (this.#state === LocalInvitationState.SENT_TO_REMOTE) this.#receivedByPeer();
      this.#response = signal.extra;
      this.#end(LocalInvitationState.ACCEPTED_BY_REMOTE);
      this.emit('LocalInvitationAccepted', signal.extra);
    } else if (signal.kind === 'refuse') {
      if (this.#state === LocalInvitationState.SENT_TO_REMOTE) this.#receivedByPeer();
      this.#response = signal.extra;
      this.#end(LocalInvitationState.REFUSED_BY_REMOTE);
      this.emit('LocalInvitationRefused', signal.extra);
    }
  }

  /** @internal The client logged out: nothing more can arrive. */
  dispose(): void {
    this.#clearTimers();
  }

  #receivedByPeer(): void {
    if (this.#state !== LocalInvitationState.SENT_TO_REMOTE) return;
    this.#state = LocalInvitationState.RECEIVED_BY_REMOTE;
    this.#clearTimers();
    this.#later(this.#host.timings.expiryMs, () => this.#fail(LocalInvitationFailureReason.INVITATION_EXPIRE));
    this.emit('LocalInvitationReceivedByPeer');
  }

  #fail(reason: LocalInvitationFailureReason): void {
    if (LOCAL_ENDED.has(this.#state)) return;
    this.#end(LocalInvitationState.FAILURE);
    this.emit('LocalInvitationFailure', reason);
  }

  #end(state: LocalInvitationState): void {
    this.#state = state;
    this.#clearTimers();
    this.#host.forget(this);
  }

  #signal(kind: CallSignalKind, extra: string): CallSignal {
    return { kind, callId: this.callId, channel: this.#channelId, extra };
  }

  #later(ms: number, fn: () => void): void {
    this.#timers.push(setTimeout(fn, ms));
  }

  #clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
  }
}

const REMOTE_ENDED = new Set<RemoteInvitationState>([
  RemoteInvitationState.REFUSED,
  RemoteInvitationState.ACCEPTED,
  RemoteInvitationState.CANCELED,
  RemoteInvitationState.FAILURE,
]);

export class RemoteInvitation extends SafeEmitter<RemoteInvitationEvents> {
  readonly name = 'RtmRemoteInvitation';
  readonly callerId: string;
  readonly callId: string;
  response = '';
  #channelId: string;
  #content: string;
  #state = RemoteInvitationState.INVITATION_RECEIVED;
  #timers: ReturnType<typeof setTimeout>[] = [];
  readonly #host: InvitationHost;

  constructor(host: InvitationHost, callerId: string, signal: CallSignal) {
    super();
    this.#host = host;
    this.callerId = callerId;
    this.callId = signal.callId;
    this.#channelId = signal.channel;
    this.#content = signal.extra;
    this.#later(host.timings.expiryMs, () => this.#fail(RemoteInvitationFailureReason.INVITATION_EXPIRE));
  }

  get state(): RemoteInvitationState {
    return this.#state;
  }

  get channelId(): string {
    return this.#channelId;
  }

  set channelId(_value: string) {
    throw invalidArgument(1, 'The channelId of a remote invitation is read-only');
  }

  get content(): string {
    return this.#content;
  }

  set content(_value: string) {
    throw invalidArgument(1, 'The content of a remote invitation is read-only');
  }

  accept(): void {
    if (REMOTE_ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (this.#state === RemoteInvitationState.ACCEPT_SENT_TO_LOCAL) throw invalidStatus(4, 'The invitation has already been accepted');
    if (typeof this.response !== 'string' || contentTooLong(this.response)) {
      throw invalidArgument(1, `The length of the "response" overflows the limit of ${INVITATION_CONTENT_MAX_BYTES} bytes`);
    }
    this.#state = RemoteInvitationState.ACCEPT_SENT_TO_LOCAL;
    this.#clearTimers();
    let callerOffline = false;
    const response = this.response;
    const attempt = (): void => {
      if (this.#state !== RemoteInvitationState.ACCEPT_SENT_TO_LOCAL) return;
      this.#host
        .sendSignal(this.callerId, { kind: 'accept', callId: this.callId, channel: this.#channelId, extra: response })
        .then((delivered) => {
          callerOffline = !delivered;
        })
        .catch(() => undefined);
      this.#later(this.#host.timings.acceptResendMs, attempt);
    };
    // resignal sends the first accept at once; the official SDK waits 1 s (docs/client.md).
    attempt();
    this.#later(this.#host.timings.acceptAckMs, () =>
      this.#fail(callerOffline ? RemoteInvitationFailureReason.PEER_OFFLINE : RemoteInvitationFailureReason.ACCEPT_FAILURE),
    );
  }

  refuse(): void {
    if (this.#state === RemoteInvitationState.ACCEPT_SENT_TO_LOCAL) throw invalidStatus(4, 'The invitation has already been accepted');
    if (REMOTE_ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (typeof this.response !== 'string' || contentTooLong(this.response)) {
      throw invalidArgument(1, `The length of the "response" overflows the limit of ${INVITATION_CONTENT_MAX_BYTES} bytes`);
    }
    this.#host
      .sendSignal(this.callerId, { kind: 'refuse', callId: this.callId, channel: this.#channelId, extra: this.response })
      .catch(() => undefined);
    this.#end(RemoteInvitationState.REFUSED);
    this.emit('RemoteInvitationRefused');
  }

  /** @internal A signal from the caller about this invitation. */
  handleSignal(signal: CallSignal): void {
    if (REMOTE_ENDED.has(this.#state)) return;
    if (signal.kind === 'accept-ack' && this.#state === RemoteInvitationState.ACCEPT_SENT_TO_LOCAL) {
      this.#end(RemoteInvitationState.ACCEPTED);
      this.emit('RemoteInvitationAccepted');
    } else if (signal.kind === 'cancel') {
      this.#content = signal.extra;
      this.#end(RemoteInvitationState.CANCELED);
      this.emit('RemoteInvitationCanceled', signal.extra);
    }
  }

  /** @internal The client logged out: nothing more can arrive. */
  dispose(): void {
    this.#clearTimers();
  }

  #fail(reason: RemoteInvitationFailureReason): void {
    if (REMOTE_ENDED.has(this.#state)) return;
    this.#end(RemoteInvitationState.FAILURE);
    this.emit('RemoteInvitationFailure', reason);
  }

  #end(state: RemoteInvitationState): void {
    this.#state = state;
    this.#clearTimers();
    this.#host.forget(this);
  }

  #later(ms: number, fn: () => void): void {
    this.#timers.push(setTimeout(fn, ms));
  }

  #clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
  }
}
