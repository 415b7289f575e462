import type { CallExpression, Node } from 'ts-morph';
import type { Transform, TransformContext } from '../types.js';
import { arms, assignsSlot, errorArm, flatId, unusableSlots } from './flat-shared.js';
import { calleeOwner, chain, keyedEntry, replaceNode, valueDiscarded } from './shared.js';

const NOTIFY = '{ enableNotificationToChannelMembers: true }';

interface FlatAttributeMethod {
  readonly method: 'channelSetAttr' | 'channelDelAttr' | 'channelClearAttr';
  /** Arguments after the channel ID. */
  readonly arity: number;
  readonly call: (ctx: TransformContext, client: string, channelId: string, args: readonly Node[]) => string;
  readonly rtm: string;
}

const METHODS: readonly FlatAttributeMethod[] = [
  { method: 'channelSetAttr', arity: 2, call: (ctx, client, channelId, [name, value]) => `${client}.addOrUpdateChannelAttributes(${channelId}, { ${keyedEntry(ctx, name!, value!)} }, ${NOTIFY})`, rtm: 'client.addOrUpdateChannelAttributes(channelID, { [name]: value }, { enableNotificationToChannelMembers: true })' },
  { method: 'channelDelAttr', arity: 1, call: (ctx, client, channelId, [name]) => `${client}.deleteChannelAttributesByKeys(${channelId}, [${ctx.source(name!)}], ${NOTIFY})`, rtm: 'client.deleteChannelAttributesByKeys(channelID, [name], { enableNotificationToChannelMembers: true })' },
  { method: 'channelClearAttr', arity: 0, call: (_ctx, client, channelId) => `${client}.clearChannelAttributes(${channelId}, ${NOTIFY})`, rtm: 'client.clearChannelAttributes(channelID, { enableNotificationToChannelMembers: true })' },
];

/**
 * `api.channelSetAttr(ch, name, value)` → `addOrUpdateChannelAttributes(ch, { [name]: value }, notify)` (and Del/Clear).
 * The flat API had no result callback: failures reached onError; the outcome reached onChannelAttrUpdated (the
 * writer too), which the codemod does not convert, so a site whose instance assigns it stays TODO.
 */
function convert(ctx: TransformContext, call: CallExpression, entry: FlatAttributeMethod): void {
  const id = flatId(entry.method);
  const args = call.getArguments();
  const watched = assignsSlot(ctx, call, 'onChannelAttrUpdated') || unusableSlots(ctx, call, ['onError']).length > 0;
  if (args.length !== entry.arity + 1 || !valueDiscarded(call) || watched) {
    const why = watched ? "this instance assigns onChannelAttrUpdated, which told the writer too (RTM: channel.on('AttributesUpdated') with the whole set), or an onError not in scope here" : 'unexpected arguments, or the result is used';
    ctx.todo(call, id, `${why}; use ${entry.rtm} and handle its promise`);
    return;
  }
  const client = ctx.source(calleeOwner(call));
  replaceNode(ctx, call, chain(ctx, entry.call(ctx, client, ctx.source(args[0]!), args.slice(1)), arms(ctx, undefined, errorArm(ctx, call, entry.method))));
  ctx.converted(call, id);
}

/** Flat channel attributes: the client's channel-attribute calls, notifying members as the flat API did. */
export const flatAttributes: Transform = {
  name: 'flat-attributes',
  ids: METHODS.map((entry) => flatId(entry.method)),
  run(_sourceFile, ctx) {
    for (const entry of METHODS) for (const call of ctx.analysis.methodCalls('flat', entry.method)) if (ctx.claim(call)) convert(ctx, call, entry);
  },
};
