import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { apiId, plannedTodo } from '../api.js';
import { isSideEffectFree, keyOf, unwrap } from '../analysis/keys.js';
import { declarationOf } from '../analysis/scope.js';
import type { Transform, TransformContext } from '../types.js';
import { calleeOwner, chain, errorParam, errorTail, keyedEntry, params, replaceNode, usesOwnThis, valueDiscarded } from './shared.js';

const PREFIX = 'io.agora.signal.';

interface InvokeRule {
  readonly fields: readonly string[];
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
    call: (client, _a, n, ctx) => `${client}.addOrUpdateLocalUserAttributes({ ${keyedEntry(ctx, n.name!, n.value!)} })`,
    result: '',
    resultType: '',
    ret: () => "{ result: 'ok' }",
  },
  user_get_attr_all: 'use client.getUserAttributes(account); the legacy result field holding the JSON of all attributes is not confirmed',
  channel_query_user_isin: 'RTM has no query by channel name: join the channel and check channel.getMembers(), or use client.getChannelMemberCount([name])',
  channel_query_userlist: 'RTM lists members of a joined channel only: channel.getMembers()',
  channel_query_userlist_all: 'RTM lists members of a joined channel only: channel.getMembers()',
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
  return `${ctx.facts.typescript ? '({ error, ret }: { error: string; ret: any })' : '({ error, ret })'} => (${ctx.source(callback)})(error, ret)`;
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
  const client = ctx.source(calleeOwner(call));
  let links: string[];
  if (!callback) {
    links = ['.catch(() => {})'];
  } else {
    const failed = "{ result: 'failed', reason: String(error) }";
    const ok = rule.result ? `${params(ctx, [[rule.result, rule.resultType]])} =>` : '() =>';
    const cb = keyOf(callback) !== undefined ? callback.getText() : undefined;
    links = cb
      ? [`.then(${ok} ${cb}('', ${rule.ret(args)}), ${errorParam(ctx)} => ${cb}(String(error), ${failed}))`]
      : [
          `.then(${ok} ({ error: '', ret: ${rule.ret(args)} }), ${errorParam(ctx)} => ({ error: String(error), ret: ${failed} }))`,
          `.then(${resultCallback(ctx, callback)})`,
        ];
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
