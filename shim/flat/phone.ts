/**
 * Phone-line features (SIP/PSTN invitations, DTMF) have no RTM counterpart. They fail the native way, never
 * inside the call: invitations with `onInviteFailed(ch, phoneNum, 0, INVITE_E_OTHER, extra)` (extra is JSON with
 * the reason, like every shim invitation failure), `messageDTMFSend` with `onError(name, GENERAL_E_FAILED, desc)`.
 */
import { GENERAL_E_FAILED, INVITE_E_OTHER } from '../errors.js';
import { inviteFailureExtra } from '../invite-options.js';
import { FLAT_UID, later, type FlatCore } from './core.js';
import { FlatFailure, reportError } from './failures.js';

export function phoneInviteFails(core: FlatCore, method: string, channelID: string, phoneNum: string): void {
  core.log.warn(`${method}(${JSON.stringify(channelID)}, ${JSON.stringify(phoneNum)}) is not supported: RTM has no phone-line calls.`);
  const extra = inviteFailureExtra(`unsupported: ${method} (RTM has no phone-line calls)`);
  later(() => core.fire('onInviteFailed', channelID, phoneNum, FLAT_UID, INVITE_E_OTHER, extra));
}

export function dtmfSendFails(core: FlatCore, method: string): void {
  core.log.warn(`${method} is not supported: RTM has no phone-line calls and no DTMF.`);
  reportError(core, method, new FlatFailure(GENERAL_E_FAILED, `${method} is not supported: RTM has no phone-line calls`));
}
