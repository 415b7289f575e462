/**
 * Flat invitations, identified by channel + account as in the native SDKs, on the Web shim's Call (RTM
 * invitations, `_require_peer_online` / `_timeout`, hang-ups and in-call messages as call signals). Each Call's
 * single-`extra` callbacks are turned into the native argument lists here.
 */
import { Call, CallRegistry, type CallHost } from '../call.js';
import { inviteMessageParts, type CallSignal } from '../call-signal.js';
import type { ShimContext } from '../context.js';
import { GENERAL_E_WRONG_PARAM, INVITE_E_OTHER, INVITE_E_REINVITE } from '../errors.js';
import { inviteFailureExtra } from '../invite-options.js';
import type { RemoteInvitationLike } from '../rtm-types.js';
import { FLAT_UID, later, reuseContext, type FlatCore } from './core.js';
import { FlatFailure, reportError } from './failures.js';

const keyOf = (channelID: string, account: string): string => `${channelID}\u0000${account}`;

/** The INVITE_E_* code inside the Web shim's failure extra (`{"reason", "ecode"}`). */
function ecodeOf(extra: string): number {
  try {
    const value = JSON.parse(extra) as { ecode?: unknown } | null;
    return typeof value?.ecode === 'number' ? value.ecode : INVITE_E_OTHER;
  } catch {
    return INVITE_E_OTHER;
  }
}

export class FlatCalls {
  readonly #core: FlatCore;
  readonly #ctx: ShimContext;
  readonly #host: CallHost;
  readonly #calls = new Map<string, Call>();

  constructor(core: FlatCore) {
    this.#core = core;
    this.#ctx = reuseContext(core);
    this.#host = { client: () => core.client(), calls: new CallRegistry() };
  }

  invite(channelID: string, account: string, extra: string): void {
    if (this.#calls.has(keyOf(channelID, account))) {
      const extra = JSON.stringify({ reason: 'REINVITE', ecode: INVITE_E_REINVITE });
      later(() => this.#core.fire('onInviteFailed', channelID, account, FLAT_UID, INVITE_E_REINVITE, extra));
      return;
    }
    if (!this.#core.loggedIn()) {
      const failure = inviteFailureExtra('NOT_LOGGEDIN');
      later(() => this.#core.fire('onInviteFailed', channelID, account, FLAT_UID, ecodeOf(failure), failure));
      return;
    }
    const call = Call.outgoing(this.#ctx, this.#host, channelID, account, extra);
    this.#bind(call, channelID, account);
  }

  incoming(invitation: RemoteInvitationLike): void {
    const call = Call.incoming(this.#ctx, this.#host, invitation);
    const { channelId, callerId, content } = invitation;
    this.#calls.get(keyOf(channelId, callerId))?.abandon();
    this.#bind(call, channelId, callerId);
    this.#core.fire('onInviteReceived', channelId, callerId, FLAT_UID, content);
  }

  accept(channelID: string, account: string, extra: string): void {
    this.#find('channelInviteAccept', channelID, account)?.channelInviteAccept(extra);
  }

  refuse(channelID: string, account: string, extra: string): void {
    const call = this.#find('channelInviteRefuse', channelID, account);
    if (!call) return;
    call.channelInviteRefuse(extra);
    this.#calls.delete(keyOf(channelID, account));
  }

  /** Fires `onInviteEndByMyself(ch, account, uid)` synchronously, whatever the state of the call. */
  end(channelID: string, account: string): void {
    const call = this.#calls.get(keyOf(channelID, account));
    if (call) call.channelInviteEnd('');
    else this.#core.fire('onInviteEndByMyself', channelID, account, FLAT_UID);
  }

  /** A hang-up or an in-call message (a Web peer's DTMF) that arrived as a peer message. */
  deliver(signal: CallSignal, peer: string): void {
    this.#host.calls.deliver(signal, peer);
  }

  abandonAll(): void {
    this.#host.calls.abandonAll();
    this.#calls.clear();
  }

  #find(name: string, channelID: string, account: string): Call | null {
    const call = this.#calls.get(keyOf(channelID, account));
    if (!call) reportError(this.#core, name, new FlatFailure(GENERAL_E_WRONG_PARAM, `no invitation of "${account}" in channel "${channelID}"`));
    return call ?? null;
  }

  #bind(call: Call, channelID: string, account: string): void {
    const key = keyOf(channelID, account);
    this.#calls.set(key, call);
    const core = this.#core;
    const forget = (): void => {
      if (this.#calls.get(key) === call) this.#calls.delete(key);
    };
    call.onInviteReceivedByPeer = () => core.fire('onInviteReceivedByPeer', channelID, account, FLAT_UID);
    call.onInviteAcceptedByPeer = (extra) => core.fire('onInviteAcceptedByPeer', channelID, account, FLAT_UID, extra);
    call.onInviteRefusedByPeer = (extra) => {
      forget();
      core.fire('onInviteRefusedByPeer', channelID, account, FLAT_UID, extra);
    };
    call.onInviteFailed = (extra) => {
      forget();
      core.fire('onInviteFailed', channelID, account, FLAT_UID, ecodeOf(extra), extra);
    };
    call.onInviteEndByPeer = (extra) => {
      forget();
      core.fire('onInviteEndByPeer', channelID, account, FLAT_UID, extra);
    };
    call.onInviteMsg = (extra) => {
      const { msgType, msgData } = inviteMessageParts(extra);
      core.fire('onInviteMsg', channelID, account, FLAT_UID, msgType, msgData, extra);
    };
    call.onInviteEndByMyself = () => {
      forget();
      core.fire('onInviteEndByMyself', channelID, account, FLAT_UID);
    };
  }
}
