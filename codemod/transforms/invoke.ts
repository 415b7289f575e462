import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { apiId, plannedTodo } from '../api.js';
import { isSideEffectFree, keyOf, unwrap } from '../analysis/keys.js';
import { declarationOf } from '../analysis/scope.js';
import type { Transform, TransformContext } from '../types.js';
import { boundCall } from './bound-call.js';
import { isStableValue, visibleAt } from './own-account.js';
import { calleeOwner, chain, errorTail, keyedEntry, params, replaceNode, usesOwnThis, valueDiscarded } from './shared.js';

const PREFIX = 'io.agora.signal.';

interface InvokeRule {
  readonly fields: readonly string[];
  /** Why these arguments cannot be converted (checked before anything is written), or undefined. */
  readonly refuse?: (nodes: Record<string, Node>) => string | undefined;
  /** The RTM call needs the joined channel named by the `name` argument (passed to `call` as `joined`). */
  readonly joinedChannel?: boolean;
  /** The RTM call, given the client and the argument texts. */
  readonly call: (client: string, args: Record<string, string>, nodes: Record<string, Node>, ctx: TransformContext) => string;
  readonly result: string;
  readonly resultType: string;
  /** The legacy `ret` object built from the RTM result (`result`). */
  readonly ret: (args: Record<string, string>) => string;
}

const RULES: Record<string, InvokeRule | string> = {
  user_query_user_status: {
    fields: ['account'],
    call: (client, a) => `${client}.queryPeersOnlineStatus([${a.account}])`,
    result: 'status',
    resultType: 'Record<string, boolean>',
    ret: (a) => `{ result: 'ok', account: ${a.account}, status: status[${a.account}] ? 1 : 0 }`,
  },
  channel_query_num: {
    fields: ['name'],
    call: (client, a) => `${client}.getChannelMemberCount([${a.name}])`,
    result: 'counts',
    resultType: 'Record<string, number>',
    ret: (a) => `{ result: 'ok', name: ${a.name}, num: counts[${a.name}] ?? 0 }`,
  },
  user_get_attr: {
    fields: ['account', 'name'],
    call: (client, a) => `${client}.getUserAttributesByKeys(${a.account}, [${a.name}])`,
    result: 'attributes',
    resultType: 'Record<string, string>',
    ret: (a) => `{ result: 'ok', account: ${a.account}, name: ${a.name}, value: attributes[${a.name}] ?? '' }`,
  },
  user_set_attr: {
    fields: ['name', 'value'],
    refuse: (n) => (isNonEmptyString(n.value!) ? undefined : 'an empty value deleted the attribute in legacy: use client.deleteLocalUserAttributesByKeys([name]) for "", client.addOrUpdateLocalUserAttributes({ [name]: value }) otherwise'),
    call: (client, _a, n, ctx) => `${client}.addOrUpdateLocalUserAttributes({ ${keyedEntry(ctx, n.name!, n.value!)} })`,
    result: '',
    resultType: '',
    ret: () => "{ result: 'ok' }",
  },
  user_get_attr_all: {
    fields: ['account'],
    call: (client, a) => `${client}.getUserAttributes(${a.account})`,
    result: 'attributes',
    resultType: 'Record<string, string>',
    // The shim's reply: the JSON of all attributes, under both names legacy versions used.
    ret: (a) => `{ result: 'ok', account: ${a.account}, json: JSON.stringify(attributes), value: JSON.stringify(attributes) }`,
  },
  channel_query_user_isin: {
    fields: ['name', 'account'],
    joinedChannel: true,
    call: (_client, a) => `${a.joined}.getMembers()`,
    result: 'members',
    resultType: 'string[]',
    ret: (a) => `{ result: 'ok', name: ${a.name}, account: ${a.account}, isin: members.includes(${a.account}) ? 1 : 0 }`,
  },
  channel_query_userlist: {
    fields: ['name'],
    joinedChannel: true,
    call: (_client, a) => `${a.joined}.getMembers()`,
    result: 'members',
    resultType: 'string[]',
    ret: (a) => `{ result: 'ok', name: ${a.name}, num: members.length, list: members.map((member) => [member, 0]) }`,
  },
  channel_query_userlist_all: {
    fields: ['name'],
    joinedChannel: true,
    call: (_client, a) => `${a.joined}.getMembers()`,
    result: 'members',
    resultType: 'string[]',
    ret: (a) =>
      a.num === undefined
        ? `{ result: 'ok', name: ${a.name}, num: members.length, list: members.map((member) => [member, 0]) }`
        : `{ result: 'ok', name: ${a.name}, num: Math.min(members.length, ${a.num}), list: members.slice(0, ${a.num}).map((member) => [member, 0]) }`,
  },
  channel_set_attr: {
    fields: ['channel', 'name', 'value'],
    call: (client, a, n, ctx) => `${client}.addOrUpdateChannelAttributes(${a.channel}, { ${keyedEntry(ctx, n.name!, n.value!)} }, { enableNotificationToChannelMembers: true })`,
    result: '',
    resultType: '',
    ret: () => "{ result: 'ok' }",
  },
  channel_del_attr: {
    fields: ['channel', 'name'],
    call: (client, a) => `${client}.deleteChannelAttributesByKeys(${a.channel}, [${a.name}], { enableNotificationToChannelMembers: true })`,
    result: '',
    resultType: '',
    ret: () => "{ result: 'ok' }",
  },
  channel_clear_attr: {
    fields: ['channel'],
    call: (client, a) => `${client}.clearChannelAttributes(${a.channel}, { enableNotificationToChannelMembers: true })`,
    result: '',
    resultType: '',
    ret: () => "{ result: 'ok' }",
  },
};

function isNonEmptyString(node: Node): boolean {
  const inner = unwrap(node);
  return (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) && inner.getLiteralValue() !== '';
}

/**
 * The channel variable joined by this session under the channel name `name` (`channel = session.channelJoin(name)`,
 * the same literal or variable), visible at `site`: RTM lists members only of a joined channel.
 */
function joinedChannelAt(ctx: TransformContext, sessionKey: string, name: Node, site: Node): string | undefined {
  const inner = unwrap(name);
  if (!Node.isStringLiteral(inner) && !Node.isIdentifier(inner)) return undefined;
  const targets = new Map<string, { node: Node; names: Set<string> }>();
  for (const join of ctx.analysis.methodCalls('session', 'channelJoin')) {
    const bound = boundCall(join);
    const parent = join.getParent();
    const target = Node.isVariableDeclaration(parent) ? parent.getNameNode() : Node.isBinaryExpression(parent) ? parent.getLeft() : undefined;
    if (!bound?.targetKey || !target || keyOf(calleeOwner(join)) !== sessionKey) continue;
    const entry = targets.get(bound.targetKey) ?? { node: target, names: new Set<string>() };
    entry.names.add(join.getArguments()[0]?.getText() ?? '');
    targets.set(bound.targetKey, entry);
  }
  const matching = [...targets.values()].filter((entry) => entry.names.has(inner.getText()));
  const [only] = matching;
  if (matching.length !== 1 || !only || only.names.size !== 1 || !isStableValue(ctx, inner) || !visibleAt(only.node, site)) return undefined;
  return only.node.getText();
}

/** The invoke function name when it is a literal, or a const initialised with a literal. */
function functionName(node: Node): string | undefined {
  const inner = unwrap(node);
  if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return inner.getLiteralValue();
  if (!Node.isIdentifier(inner)) return undefined;
  const declaration = declarationOf(inner);
  if (!declaration || !Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  const init = declaration.getInitializer();
  return init && (Node.isStringLiteral(init) || Node.isNoSubstitutionTemplateLiteral(init)) ? init.getLiteralValue() : undefined;
}

function literalFields(ctx: TransformContext, node: Node | undefined, wanted: readonly string[]): { texts: Record<string, string>; nodes: Record<string, Node> } | undefined {
  const inner = node && unwrap(node);
  if (!inner || !Node.isObjectLiteralExpression(inner)) return undefined;
  const out: Record<string, string> = {};
  const nodes: Record<string, Node> = {};
  for (const property of inner.getProperties()) {
    if (Node.isPropertyAssignment(property)) {
      const init = property.getInitializer();
      if (!init || !isSideEffectFree(init)) return undefined;
      out[property.getName()] = ctx.source(init);
      nodes[property.getName()] = init;
    } else if (Node.isShorthandPropertyAssignment(property)) {
      out[property.getName()] = property.getName();
      nodes[property.getName()] = property.getNameNode();
    } else {
      return undefined;
    }
  }
  return wanted.every((field) => field in out) ? { texts: out, nodes } : undefined;
}

/**
 * The legacy `(err, ret)` callback as a handler of `{ error, ret }`: a JavaScript function literal
 * with plain parameters gets them destructured (`({ error: err, ret }) => …`); anything else is called.
 */
function resultCallback(ctx: TransformContext, callback: Node): string {
  const fn = unwrap(callback);
  if (!ctx.facts.typescript && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && !usesOwnThis(fn)) {
    const parameters = fn.getParameters();
    const plain = parameters.length <= 2 && parameters.every((parameter) => Node.isIdentifier(parameter.getNameNode()) && !parameter.hasInitializer() && !parameter.isRestParameter());
    const readsArguments = fn.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => identifier.getText() === 'arguments');
    const first = parameters[0];
    const last = parameters[parameters.length - 1];
    if (plain && !readsArguments && first && last) {
      const fields = parameters.map((parameter, index) => {
        const field = index === 0 ? 'error' : 'ret';
        return parameter.getName() === field ? field : `${field}: ${parameter.getName()}`;
      });
      const open = fn.getFirstChildByKind(SyntaxKind.OpenParenToken);
      const close = fn.getFirstChildByKind(SyntaxKind.CloseParenToken);
      if (open && close) {
        ctx.edit(open.getEnd(), close.getStart(), `{ ${fields.join(', ')} }`);
        return ctx.source(callback);
      }
    }
  }
  // A named callback is called as written; anything else (a function literal in TypeScript, …) in parentheses.
  const callee = keyOf(callback) !== undefined ? ctx.source(callback) : `(${ctx.source(callback)})`;
  return `${ctx.facts.typescript ? '({ error, ret }: { error: string; ret: any })' : '({ error, ret })'} => ${callee}(error, ret)`;
}

function convert(ctx: TransformContext, call: CallExpression): void {
  const [nameNode, argsNode, callback] = call.getArguments();
  const name = nameNode && functionName(nameNode);
  if (!name?.startsWith(PREFIX)) {
    if (name === undefined) ctx.todo(call, apiId('Session', 'invoke'), 'invoke() with a computed function name: map each io.agora.signal.* function to its RTM call');
    return;
  }
  const short = name.slice(PREFIX.length);
  const id = apiId('invoke', short);
  const rule = plannedTodo(id) ?? RULES[short];
  if (rule === undefined) {
    ctx.todo(call, id, `${name} has no RTM counterpart`);
    return;
  }
  if (typeof rule === 'string') {
    ctx.todo(call, id, rule);
    return;
  }
  const fields = literalFields(ctx, argsNode, rule.fields);
  const args = fields?.texts;
  if (!fields || !args || !valueDiscarded(call) || call.getArguments().length > 3) {
    ctx.todo(call, id, `pass the arguments as an object literal of plain values (${rule.fields.join(', ')}), or convert by hand`);
    return;
  }
  const refused = rule.refuse?.(fields.nodes);
  if (refused !== undefined) {
    ctx.todo(call, id, refused);
    return;
  }
  if (rule.joinedChannel) {
    const sessionKey = keyOf(calleeOwner(call));
    const joined = sessionKey === undefined ? undefined : joinedChannelAt(ctx, sessionKey, fields.nodes.name!, call);
    if (joined === undefined) {
      ctx.todo(call, id, 'RTM lists the members of a joined channel only: use channel.getMembers() on the channel this session joined under that name (no such channel variable is in scope here)');
      return;
    }
    args.joined = joined;
  }
  const client = ctx.source(calleeOwner(call));
  let links: string[];
  if (!callback) {
    links = ['.catch(() => {})'];
  } else {
    // As the shim (and legacy) replies to a failure: err === ret.result, a short string such as 'not_login'.
    ctx.helper('legacyFailureString');
    const failed = ctx.helper('legacyInvokeFailure');
    const ok = rule.result ? `${params(ctx, [[rule.result, rule.resultType]])} =>` : '() =>';
    links = [`.then(${ok} ({ error: '', ret: ${rule.ret(args)} }), ${failed})`, `.then(${resultCallback(ctx, callback)})`];
    links.push(...errorTail(ctx));
  }
  replaceNode(ctx, call, chain(ctx, rule.call(client, args, fields.nodes, ctx), links));
  ctx.converted(call, id);
}

/** `session.invoke('io.agora.signal.<fn>', args, cb)` → the matching RTM call with cb(err, ret) in the legacy shape. */
export const invoke: Transform = {
  name: 'invoke',
  ids: Object.keys(RULES).map((name) => apiId('invoke', name)),
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('session', 'invoke')) {
      if (ctx.claim(call)) convert(ctx, call);
    }
  },
};
