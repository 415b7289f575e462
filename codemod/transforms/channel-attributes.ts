import type { CallExpression, Node } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import type { Transform, TransformContext } from '../types.js';
import { clientOfChannelAt } from './own-account.js';
import { calleeOwner, chain, idOf, keyedEntry, replaceNode, settleLinks, valueDiscarded } from './shared.js';

const NOTIFY = '{ enableNotificationToChannelMembers: true }';

interface AttributeMethod {
  readonly method: 'channelSetAttr' | 'channelDelAttr' | 'channelClearAttr';
  readonly arity: number;
  readonly call: (ctx: TransformContext, client: string, channelId: string, args: readonly Node[]) => string;
  readonly advice: string;
}

const METHODS: readonly AttributeMethod[] = [
  {
    method: 'channelSetAttr',
    arity: 2,
    call: (ctx, client, channelId, [name, value]) => `${client}.addOrUpdateChannelAttributes(${channelId}, { ${keyedEntry(ctx, name!, value!)} }, ${NOTIFY})`,
    advice: 'client.addOrUpdateChannelAttributes(channel.channelId, { [name]: value }, { enableNotificationToChannelMembers: true })',
  },
  {
    method: 'channelDelAttr',
    arity: 1,
    call: (ctx, client, channelId, [name]) => `${client}.deleteChannelAttributesByKeys(${channelId}, [${ctx.source(name!)}], ${NOTIFY})`,
    advice: 'client.deleteChannelAttributesByKeys(channel.channelId, [name], { enableNotificationToChannelMembers: true })',
  },
  {
    method: 'channelClearAttr',
    arity: 0,
    call: (_ctx, client, channelId) => `${client}.clearChannelAttributes(${channelId}, ${NOTIFY})`,
    advice: 'client.clearChannelAttributes(channel.channelId, { enableNotificationToChannelMembers: true })',
  },
];

function convert(ctx: TransformContext, call: CallExpression, entry: AttributeMethod): void {
  const id = idOf('channel', entry.method);
  const owner = calleeOwner(call);
  const channelKey = keyOf(owner);
  const args = call.getArguments();
  const client = channelKey === undefined ? undefined : clientOfChannelAt(ctx, channelKey, call);
  if (!client || args.length < entry.arity || args.length > entry.arity + 1 || !valueDiscarded(call)) {
    ctx.todo(call, id, `use ${entry.advice} and call cb() when it settles (the client of this channel is not in scope here)`);
    return;
  }
  const callback = args[entry.arity];
  const links = settleLinks(ctx, callback);
  replaceNode(ctx, call, chain(ctx, entry.call(ctx, client, `${ctx.source(owner)}.channelId`, args.slice(0, entry.arity)), links));
  ctx.converted(call, id);
}

/** channelSetAttr/DelAttr/ClearAttr → the client's channel-attribute calls, notifying members as legacy did. */
export const channelAttributes: Transform = {
  name: 'channel-attributes',
  ids: METHODS.map((entry) => idOf('channel', entry.method)),
  run(_sourceFile, ctx) {
    for (const entry of METHODS) {
      for (const call of ctx.analysis.methodCalls('channel', entry.method)) {
        if (ctx.claim(call)) convert(ctx, call, entry);
      }
    }
  },
};
