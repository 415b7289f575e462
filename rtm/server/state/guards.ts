import { isValidId } from '../../protocol/ids.js';
import type { SessionContext } from '../handlers/context.js';
import type { StateRateKind } from '../hub/session-data.js';
import { WireError } from '../wire-error.js';

/** Counts one call against the session's limit of `kind`; TOO_OFTEN when over it. */
export function takeRate(ctx: SessionContext, kind: StateRateKind): void {
  if (!ctx.session.data.take(kind, ctx.options.now())) throw new WireError('TOO_OFTEN', 'Too many calls of this kind; slow down.');
}

export function requireChannelId(ch: string): void {
  if (!isValidId(ch)) throw new WireError('INVALID_CHANNEL_ID', 'The channel ID breaks the RTM ID rules.');
}

export function requireUserId(uid: string): void {
  if (!isValidId(uid)) throw new WireError('INVALID_USER_ID', 'The user ID breaks the RTM ID rules.');
}

/** Channel attributes and metadata written to an empty channel expire like those of a channel that emptied. */
export async function expireIfEmpty(ctx: SessionContext, ch: string): Promise<void> {
  const [count = 0] = await ctx.hub.engine.countMembers(ctx.session.appId, [ch]);
  if (count === 0) await ctx.hub.stateLifecycle.channelEmpty(ctx.session.appId, ch);
}
