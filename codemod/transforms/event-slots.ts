import { plannedTodo } from '../api.js';
import type { Role } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { hoistSlot, idOf, insertAfter, params, slotProblem } from './shared.js';

interface EventSlot {
  readonly role: Role;
  readonly slot: string;
  readonly event: string;
  readonly params: readonly (readonly [string, string])[];
  /** The legacy callback's arguments, built from the RTM listener's parameters. */
  readonly args: (ctx: TransformContext) => string[];
}

const text = (ctx: TransformContext): string => (ctx.facts.typescript ? "message.text ?? ''" : 'message.text');

const EVENT_SLOTS: readonly EventSlot[] = [
  { role: 'session', slot: 'onMessageInstantReceive', event: 'MessageFromPeer', params: [['message', '{ text?: string }'], ['peerId', 'string']], args: (ctx) => ['peerId', '0', `${text(ctx)}`] },
  { role: 'session', slot: 'onInviteReceived', event: 'RemoteInvitationReceived', params: [['invitation', 'never']], args: () => ['invitation'] },
  { role: 'channel', slot: 'onChannelUserJoined', event: 'MemberJoined', params: [['memberId', 'string']], args: () => ['memberId', '0'] },
  { role: 'channel', slot: 'onChannelUserLeaved', event: 'MemberLeft', params: [['memberId', 'string']], args: () => ['memberId', '0'] },
  { role: 'channel', slot: 'onMessageChannelReceive', event: 'ChannelMessage', params: [['message', '{ text?: string }'], ['memberId', 'string']], args: (ctx) => ['memberId', '0', `${text(ctx)}`] },
  { role: 'call', slot: 'onInviteReceivedByPeer', event: 'LocalInvitationReceivedByPeer', params: [], args: () => ["''"] },
  { role: 'call', slot: 'onInviteAcceptedByPeer', event: 'LocalInvitationAccepted', params: [['response', 'string']], args: () => ['response'] },
  { role: 'call', slot: 'onInviteRefusedByPeer', event: 'LocalInvitationRefused', params: [['response', 'string']], args: () => ['response'] },
  { role: 'call', slot: 'onInviteFailed', event: 'LocalInvitationFailure', params: [['reason', 'string']], args: (ctx) => [`${ctx.helper('legacyInviteFailure')}(reason)`] },
  { role: 'call', slot: 'onInviteEndByMyself', event: 'LocalInvitationCanceled', params: [], args: () => ["''"] },
  { role: 'remoteCall', slot: 'onInviteFailed', event: 'RemoteInvitationFailure', params: [['reason', 'string']], args: (ctx) => [`${ctx.helper('legacyInviteFailure')}(reason)`] },
];

/**
 * Whether the file makes or takes calls: legacy consumed the hang-up messages of calls (sent after an accept), which
 * RTM delivers as peer messages, so they must not reach onMessageInstantReceive.
 */
/** The helper that recognises legacy call signals (it calls parseLegacyCallEnd, emitted with it). */
export function callSignalCheck(ctx: TransformContext): string {
  ctx.helper('parseLegacyCallEnd');
  return ctx.helper('isLegacyCallSignal');
}

function usesCalls(ctx: TransformContext): boolean {
  return ctx.analysis.slotsOf('session', 'onInviteReceived').length > 0 || ctx.analysis.methodCalls('session', 'channelInviteUser2').length > 0;
}

/**
 * Callback properties that report events → a hoisted named handler plus an `on()` listener that
 * adapts the RTM arguments to the legacy ones (uid 0, message text).
 */
export const eventSlots: Transform = {
  name: 'event-slots',
  ids: [...EVENT_SLOTS.map((entry) => idOf(entry.role, entry.slot)), idOf('session', 'onLogout')],
  run(_sourceFile, ctx) {
    for (const entry of EVENT_SLOTS) {
      for (const slot of ctx.analysis.slotsOf(entry.role, entry.slot)) {
        const id = idOf(entry.role, entry.slot);
        const problem = slotProblem(ctx, slot) ?? plannedTodo(id);
        if (problem === 'already handled') continue;
        if (problem) {
          ctx.claim(slot.statement);
          ctx.todo(slot.statement, id, `${problem}; RTM event: ${entry.event}`);
          continue;
        }
        const handler = hoistSlot(ctx, slot);
        const listenerParams = entry.params.some(([, type]) => type === 'never') ? `(${entry.params.map(([n]) => n).join(', ')})` : params(ctx, entry.params);
        const body = entry.event === 'MessageFromPeer' && usesCalls(ctx)
          ? `{\n  if (!${callSignalCheck(ctx)}(message.text)) ${handler.call(...entry.args(ctx))};\n}`
          : handler.call(...entry.args(ctx));
        insertAfter(ctx, slot.statement, [`${slot.owner.getText()}.on('${entry.event}', ${listenerParams} => ${body});`]);
        ctx.converted(slot.statement, id);
      }
    }
    for (const slot of ctx.analysis.slotsOf('session', 'onLogout')) {
      const id = idOf('session', 'onLogout');
      const problem = slotProblem(ctx, slot);
      if (problem === 'already handled') continue;
      if (problem) {
        ctx.todo(slot.statement, id, `${problem}; RTM event: ConnectionStateChanged`);
        continue;
      }
      const handler = hoistSlot(ctx, slot);
      const code = ctx.helper('legacyLogoutCode');
      insertAfter(ctx, slot.statement, [
        `${slot.owner.getText()}.on('ConnectionStateChanged', ${params(ctx, [['state', 'string'], ['reason', 'string']])} => {`,
        `  const ecode = ${code}(state, reason);`,
        `  if (ecode !== undefined) ${handler.call('ecode')};`,
        '});',
      ]);
      ctx.converted(slot.statement, id);
    }
  },
};
