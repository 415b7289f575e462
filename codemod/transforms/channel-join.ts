import { Node, VariableDeclarationKind } from 'ts-morph';
import { unwrap } from '../analysis/keys.js';
import { indentAt, newlineOf } from '../text.js';
import type { Transform, TransformContext } from '../types.js';
import type { BoundCall } from './bound-call.js';
import { boundCall } from './bound-call.js';
import { chain, errorParam, errorTail, idOf, insertAfter, params, unitOf } from './shared.js';
import type { Handler } from './shared.js';
import { ThenSlots } from './then-slots.js';

const JOIN = idOf('session', 'channelJoin');

/** The RTM 1.x channel ID rule (rtm-1x.md §3): createChannel() throws at once for any other name. */
const RTM_ID = /^[\s\w!#$%&()+,.:;<=>?@[\]^{|}~-]{1,64}$/;

/** Whether createChannel(name) may throw: anything but a literal that follows the RTM ID rule. */
function mayBeRejected(name: Node): boolean {
  const inner = unwrap(name);
  if (!Node.isStringLiteral(inner) && !Node.isNoSubstitutionTemplateLiteral(inner)) return true;
  const value = inner.getLiteralValue();
  return value === 'null' || !RTM_ID.test(value);
}

/**
 * Legacy reported a channel name the server rejected through onChannelJoinFailed; RTM's createChannel() throws
 * at once. A `var` declaration or an assignment is wrapped in try/catch so the throw reaches the same failure arm
 * as a rejected join(), asynchronously as in legacy (handlers assigned after channelJoin() are defined by then).
 * A let/const cannot be wrapped without changing its scope: that site gets a TODO.
 */
function catchRejectedName(ctx: TransformContext, bound: BoundCall, joinChain: string, reject: string | undefined): boolean {
  const statement = bound.statement;
  const isVar = Node.isVariableStatement(statement) && statement.getDeclarationKind() === VariableDeclarationKind.Var;
  if (!isVar && bound.kind !== 'assignment') return false;
  const unit = unitOf(ctx);
  const newline = newlineOf(ctx.text);
  const indent = indentAt(ctx.text, statement.getStart());
  const report = reject
    ? ['// createChannel() throws at once for a name RTM rejects: report it like a failed join, as legacy did', `${chain(ctx, 'Promise.reject(error)', [`.catch(${reject})`, ...errorTail(ctx)])};`]
    : ['// createChannel() throws at once for a name RTM rejects; legacy ignored it without onChannelJoinFailed'];
  const body = (text: string): string => text.split('\n').map((line) => indent + unit + line).join(newline);
  ctx.edit(statement.getStart(), statement.getStart(), `try {${newline}${indent}${unit}`);
  ctx.edit(statement.getEnd(), statement.getEnd(), [newline + body(joinChain), `${indent}} catch (error) {`, ...report.map(body), `${indent}}`].join(newline));
  return true;
}

interface JoinHandlers {
  readonly channelText: string;
  readonly clientText: string;
  readonly joined: Handler | undefined;
  readonly userList: Handler | undefined;
  readonly attributes: Handler | undefined;
  /** Hold the channel's events until the join-time deliveries are done (`member-list-on-join` preserved). */
  readonly holdEvents: boolean;
}

/**
 * The success arm of `join()`: legacy order is onChannelJoined, then onChannelUserList, then one
 * onChannelAttrUpdated per existing attribute, and only then the channel's messages and member events.
 */
function joinSuccess(ctx: TransformContext, h: JoinHandlers): string | undefined {
  const pair = ctx.facts.typescript ? '(member): [string, number] => [member, 0]' : '(member) => [member, 0]';
  const change = params(ctx, [['name', 'string'], ['value', 'string'], ['type', "'update' | 'del' | 'clear'"]]);
  const replay = h.attributes ? `${ctx.helper('deliverLegacyChannelAttributes')}(${h.clientText}, ${h.channelText}, ${change} => ${h.attributes.call('name', 'value', 'type')})` : undefined;
  let deliver: string | undefined;
  if (h.userList) {
    const members = params(ctx, [['members', 'string[]']]);
    const list = h.userList.call(`members.map(${pair})`);
    deliver = replay ? `${members} => {\n${unitOf(ctx)}${list};\n${unitOf(ctx)}return ${replay};\n}` : `${members} => ${list}`;
  } else if (replay && h.holdEvents) {
    deliver = `() => ${replay}`;
  }
  const last = deliver ? `return ${ctx.helper('deliverMemberListFirst')}(${h.channelText}, ${deliver});` : replay ? `return ${replay};` : undefined;
  if (!last) return h.joined ? `() => ${h.joined.call()}` : undefined;
  if (!h.joined && !last.includes('\n')) return `() => ${last.slice('return '.length, -1)}`;
  const unit = unitOf(ctx);
  const body = [...(h.joined ? [`${h.joined.call()};`] : []), ...last.split('\n')].map((line) => unit + line).join('\n');
  return `() => {\n${body}\n}`;
}

/**
 * `channel = session.channelJoin(name)` → `channel = session.createChannel(name); channel.join()`
 * with onChannelJoined / onChannelJoinFailed (the shim's failure string) as the promise arms and, like legacy,
 * the member list delivered after the join (`getMembers()` as `[[account, 0], …]`) before any channel event.
 */
export const channelJoin: Transform = {
  name: 'channel-join',
  ids: [JOIN, idOf('channel', 'onChannelJoined'), idOf('channel', 'onChannelJoinFailed'), idOf('channel', 'onChannelUserList'), idOf('channel', 'onChannelAttrUpdated')],
  run(_sourceFile, ctx) {
    const slots = new ThenSlots(ctx, 'channel');
    for (const call of ctx.analysis.methodCalls('session', 'channelJoin')) {
      if (!ctx.claim(call)) continue;
      const bound = boundCall(call);
      const callee = call.getExpression();
      if (call.getArguments().length !== 1 || !bound || bound.kind === 'bare' || !Node.isPropertyAccessExpression(callee)) {
        ctx.todo(call, JOIN, 'use const channel = client.createChannel(name); channel.join().then(onChannelJoined, onChannelJoinFailed)');
        continue;
      }
      const channelText = bound.targetText!;
      const joined = slots.handlerFor(bound.targetKey, 'onChannelJoined', call);
      const failed = slots.handlerFor(bound.targetKey, 'onChannelJoinFailed', call);
      const holdEvents = ctx.preserve('member-list-on-join');
      const userList = holdEvents ? slots.handlerFor(bound.targetKey, 'onChannelUserList', call) : undefined;
      const attributes = slots.handlerFor(bound.targetKey, 'onChannelAttrUpdated', call);
      const clientText = ctx.source(callee.getExpression());
      const success = joinSuccess(ctx, { channelText, clientText, joined, userList, attributes, holdEvents });
      const reject = failed ? `${errorParam(ctx)} => ${failed.call(`${ctx.helper('legacyFailureString')}(error)`)}` : '() => {}';
      const links = success ? [`.then(${success}, ${reject})`, ...errorTail(ctx)] : failed ? [`.catch(${reject})`, ...errorTail(ctx)] : ['.catch(() => {})'];
      const name = call.getArguments()[0]!;
      ctx.edit(call.getStart(), call.getEnd(), `${ctx.source(callee.getExpression())}.createChannel(${ctx.source(name)})`);
      const joinChain = `${chain(ctx, `${channelText}.join()`, links)};`;
      const caught = mayBeRejected(name) && catchRejectedName(ctx, bound, joinChain, failed ? reject : undefined);
      if (!caught) insertAfter(ctx, bound.statement, [joinChain]);
      ctx.converted(call, JOIN);
      if (mayBeRejected(name) && !caught) {
        ctx.todo(call, JOIN, "createChannel() throws at once for a name RTM rejects (legacy reported onChannelJoinFailed('invalid_argument')): wrap it in try/catch if this name may break the RTM ID rule");
      }
    }
    slots.todoUnused(['onChannelJoined', 'onChannelJoinFailed'], () => 'assign this callback in the block that calls channelJoin() so it can become the join promise handler');
    slots.todoUnused(['onChannelAttrUpdated'], () =>
      "assign this callback in the block that calls channelJoin(); RTM reports the whole attribute set: channel.on('AttributesUpdated', (attributes) => …) and compare with the previous set",
    );
    slots.todoUnused(['onChannelUserList'], () =>
      ctx.preserve('member-list-on-join')
        ? 'assign this callback in the block that calls channelJoin(); RTM does not send the member list on join: call channel.getMembers() after join()'
        : 'RTM does not send the member list on join (--no-preserve member-list-on-join): call channel.getMembers() after join() if you need it',
    );
  },
};
