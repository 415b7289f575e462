import { Node, SyntaxKind } from 'ts-morph';
import { constantValue, findApiId, globalId, legacyGlobals, plannedTodo, propertyNames } from '../api.js';
import type { LegacyOwner } from '../api.js';
import type { Role } from '../analysis/roles.js';
import type { ApiId } from '../api.js';
import { ALL_CALLBACKS, DISTINCTIVE_MEMBERS, FLAT_MEMBERS, ownerOfName, STRONG_MEMBERS } from '../analysis/legacy-names.js';
import type { Transform, TransformContext } from '../types.js';
import { enclosingStatement } from '../todo.js';
import { declarationOf } from '../analysis/scope.js';

const ADVICE: Record<string, string> = {
  onChannelAttrUpdated: "RTM reports the whole attribute set: channel.on('AttributesUpdated', (attributes) => …) and compare with the previous set; writers must pass enableNotificationToChannelMembers: true",
  channelSetAttr: 'use client.addOrUpdateChannelAttributes(channelId, { [name]: value }, { enableNotificationToChannelMembers: true }) and call cb() when it settles',
  channelDelAttr: 'use client.deleteChannelAttributesByKeys(channelId, [name], { enableNotificationToChannelMembers: true }) and call cb() when it settles',
  channelClearAttr: 'use client.clearChannelAttributes(channelId, { enableNotificationToChannelMembers: true }) and call cb() when it settles',
  channelInviteEnd: 'RTM cancels only a ringing invitation (localInvitation.cancel()); after an accept, or from the callee, send the legacy hang-up text (AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>) to the peer with client.sendMessageToPeer',
  channelInviteDTMF: "RTM has no in-call messages: send resignal's call signal with client.sendMessageToPeer({ text: 'ResignalLegacyCallMsg:' + JSON.stringify({ channel, extra: JSON.stringify({ msgtype: 'dtmf', msgdata: dtmf }) }) }, peer), which the peer's shim or converted code delivers to onInviteMsg (phone lines are not reachable)",
  onInviteMsg: "RTM has no in-call messages: read resignal's call signal ('ResignalLegacyCallMsg:' + JSON { channel, extra }) from client.on('MessageFromPeer') for this call's channel and peer",
  onInviteEndByPeer: "RTM: remoteInvitation.on('RemoteInvitationCanceled') while ringing; after an accept the peer's hang-up arrives as the peer message AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>",
  onInviteEndByMyself: 'RTM has no event for ending an incoming call yourself: call your handler where you end the call',
  onError: 'the legacy Web SDK never called onError (errors reach the specific callbacks; in RTM, rejected promises): remove this handler',
  getInstanceWithoutMedia: 'native instance: use AgoraRTM.createInstance(appId) (independent clients, not a singleton) and the RTM client API',
  getAgoraSDKInstance: 'native instance: use AgoraRTM.createInstance(appId) (independent clients, not a singleton) and the RTM client API',
  createAgoraSDKInstance: 'native instance: use AgoraRTM.createInstance(appId) and the RTM client API',
  login2: 'native login2(appId, account, token, uid, deviceID, …): use AgoraRTM.createInstance(appId) and client.login({ uid: account, token })',
  onMessageSendSuccess: 'native send results: use the promise of sendMessageToPeer / channel.sendMessage (RTM resolves when the server accepted it)',
  onMessageSendError: 'native send results: use the rejection of sendMessageToPeer / channel.sendMessage',
  queryUserStatus: 'use client.queryPeersOnlineStatus([account]) (status true/false instead of "1"/"0")',
  onReconnecting: "use client.on('ConnectionStateChanged') with state RECONNECTING",
  onReconnected: "use client.on('ConnectionStateChanged') with state CONNECTED after RECONNECTING",
};

/** `X = …`, `X += …`, `X++`: the identifier is assigned, so it cannot become a number literal. */
function isWrittenTo(identifier: Node): boolean {
  const parent = identifier.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === identifier) {
    const kind = parent.getOperatorToken().getKind();
    return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
  }
  if (Node.isPostfixUnaryExpression(parent)) return true;
  return Node.isPrefixUnaryExpression(parent) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken());
}

function idForName(name: string): ApiId | undefined {
  const owner = ownerOfName(name);
  return owner === undefined ? undefined : findApiId(owner, name);
}

const OWNER_OF: Record<Role, LegacyOwner> = { signal: 'Signal', session: 'Session', channel: 'Channel', call: 'Call', remoteCall: 'Call', flat: 'flat' };

/** Callbacks assigned through a computed name have no row of their own: they are reported under the object's first callback. */
const FIRST_CALLBACK_ID = {
  session: 'SIG_ON_LOGIN_SUCCESS',
  channel: 'SIG_ON_CHANNEL_JOINED',
  call: 'SIG_ON_INVITE_RECEIVED_BY_PEER',
  remoteCall: 'SIG_ON_INVITE_END_BY_PEER',
  flat: 'SIG_FLAT_ON_LOGIN_SUCCESS',
} as const satisfies Record<string, ApiId>;

function advice(name: string, id: ApiId, proven: boolean): string {
  const specific = ADVICE[name] ?? plannedTodo(id);
  if (specific) return proven ? specific : `if this is a legacy SDK object: ${specific}`;
  return proven ? `${name} is not converted automatically: see docs/codemod.md` : `could not prove which legacy object this is: convert ${name} by hand (see docs/codemod.md)`;
}

function markMember(ctx: TransformContext, node: Node, owner: Node, name: string): void {
  if (ctx.isClaimed(node)) return;
  const statement = Node.isBinaryExpression(node.getParent()) ? enclosingStatement(node) : node;
  if (statement && ctx.isClaimed(statement)) return;
  const proven = ctx.analysis.roleOf(owner) !== undefined;
  if (!proven && !ctx.analysis.hasEvidence && !STRONG_MEMBERS.has(name)) return;
  const isFlat = (FLAT_MEMBERS).includes(name);
  if (!proven && !DISTINCTIVE_MEMBERS.has(name) && !isFlat) return;
  if (!proven && !ownerOfName(name)) return;
  const id = idForName(name);
  if (!id || (!proven && hasCallTodoAbove(ctx, node, name))) return;
  ctx.todo(node, id, advice(name, id, proven));
}

/**
 * An outgoing call's `channelInviteUser2()` (re-send) shares its name with the session's: once an earlier run
 * marked it under the call's ID, the now unprovable object must not get the session's TODO as well.
 */
function hasCallTodoAbove(ctx: TransformContext, node: Node, name: string): boolean {
  const callId = findApiId('Call', name);
  if (callId === undefined) return false;
  const statement = enclosingStatement(node) ?? node;
  const lineStart = ctx.text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const previousLine = ctx.text.slice(ctx.text.lastIndexOf('\n', lineStart - 2) + 1, statement.getStart());
  return previousLine.includes(`TODO(resignal: ${callId})`);
}

/** Marks every legacy site that no other transform converted, so nothing is left silently. */
export const leftovers: Transform = {
  name: 'leftovers',
  // Everything else it reports is a TODO; the LOGIN_STATE_* globals become their numbers.
  ids: ['SIG_LOGIN_STATE_NOT_LOGIN', 'SIG_LOGIN_STATE_LOGINING', 'SIG_LOGIN_STATE_LOGINED', 'SIG_LOGIN_STATE_RECONNECTING'],
  run(sourceFile, ctx) {
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const name = access.getName();
      if (!ownerOfName(name)) continue;
      const parent = access.getParent();
      const isCall = Node.isCallExpression(parent) && parent.getExpression() === access;
      const isAssignment = Node.isBinaryExpression(parent) && parent.getLeft() === access && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
      if (!isCall && !isAssignment) {
        const role = ctx.analysis.roleOf(access.getExpression());
        const id = role && ALL_CALLBACKS.has(name) ? idForName(name) : undefined;
        if (id && !ctx.isClaimed(access)) ctx.todo(access, id, `RTM objects have no ${name} property: keep the handler in a variable and use that`);
        continue;
      }
      if (isCall && ctx.analysis.roleOf(access.getExpression()) === undefined && !DISTINCTIVE_MEMBERS.has(name)) continue;
      if (isAssignment && !ALL_CALLBACKS.has(name) && !(FLAT_MEMBERS).includes(name)) continue;
      markMember(ctx, isCall ? parent : access, access.getExpression(), name);
    }
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const role = ctx.analysis.roleOf(access.getExpression());
      if (role === undefined || ctx.isClaimed(access)) continue;
      const owner = OWNER_OF[role];
      if (!propertyNames(owner).includes(access.getName())) continue;
      const parent = access.getParent();
      if (Node.isCallExpression(parent) && parent.getExpression() === access) continue;
      const id = findApiId(owner, access.getName());
      if (id) ctx.todo(access, id, plannedTodo(id) ?? `${access.getName()} has no RTM property: see docs/codemod.md`);
    }
    const globals = new Set(legacyGlobals());
    for (const identifier of ctx.analysis.identifiersNamed(globals)) {
      const name = identifier.getText();
      if (!globals.has(name) || ctx.isClaimed(identifier) || declarationOf(identifier) !== undefined) continue;
      const parent = identifier.getParent();
      if ((Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) || Node.isPropertyAssignment(parent)) continue;
      const id = globalId(name);
      if (!id) continue;
      const value = constantValue(id);
      if (value !== undefined && !isWrittenTo(identifier)) {
        // getStatus() becomes legacyStatus(client), which returns the legacy numbers: the names become those numbers.
        ctx.claim(identifier);
        ctx.edit(identifier.getStart(), identifier.getEnd(), `${value} /* ${name} */`);
        ctx.converted(identifier, id);
        continue;
      }
      ctx.todo(identifier, id, plannedTodo(id) ?? `${name} is a global of the legacy SDK script`);
    }
    const flagged: Node[] = [];
    for (const array of sourceFile.getDescendantsOfKind(SyntaxKind.ArrayLiteralExpression)) {
      // A list of callback names (`['onLoginSuccess', 'onLogout'].forEach(…)`), not a tuple that merely starts with one.
      const elements = array.getElements();
      const names = elements.flatMap((element) => (Node.isStringLiteral(element) && ALL_CALLBACKS.has(element.getLiteralValue()) ? [element.getLiteralValue()] : []));
      const nested = Node.isArrayLiteralExpression(array.getParent()); // a tuple in a table, e.g. an expected trace
      const id = names[0] === undefined || names.length !== elements.length || nested ? undefined : idForName(names[0]);
      if (!id || ctx.isClaimed(array)) continue;
      ctx.claim(array);
      flagged.push(enclosingStatement(array) ?? array);
      ctx.todo(array, id, 'callbacks wired by name into an emitter: replace with client.on(…) / channel.on(…) listeners (see docs/codemod.md for the event of each callback)');
    }
    for (const access of sourceFile.getDescendantsOfKind(SyntaxKind.ElementAccessExpression)) {
      if (flagged.some((statement) => access.getAncestors().includes(statement))) continue;
      const parent = access.getParent();
      const argument = access.getArgumentExpression();
      if (!Node.isBinaryExpression(parent) || parent.getLeft() !== access || !argument || Node.isStringLiteral(argument)) continue;
      const role = ctx.analysis.roleOf(access.getExpression());
      if (role === undefined || role === 'signal') continue;
      ctx.todo(access, FIRST_CALLBACK_ID[role], 'callbacks assigned through computed names cannot be proven: register each one with client.on(…) / channel.on(…) (see docs/codemod.md for the event of each callback)');
    }
    for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const [first] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'invoke' || ctx.isClaimed(call)) continue;
      if (!first || !Node.isStringLiteral(first) || !first.getLiteralValue().startsWith('io.agora.signal.')) continue;
      ctx.todo(call, findApiId('invoke', first.getLiteralValue()) ?? findApiId('Session', 'invoke')!, 'could not prove that this is a legacy session: convert the invoke call by hand (see docs/codemod.md)');
    }
  },
};
