import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { constructorNames } from '../api.js';
import type { Transform, TransformContext } from '../types.js';
import { boundCall } from './bound-call.js';
import { FLAT_CALL_TYPE } from '../flat-helpers.js';
import { flatId, instanceAt, registerInstance } from './flat-shared.js';
import { calleeOwner, insertAfter, params, replaceNode } from './shared.js';
import { keyOf } from '../analysis/keys.js';
import type { Analysis } from '../analysis/roles.js';

const GET_INSTANCE = flatId('getInstance');
const CREATE_INSTANCE = flatId('createAgoraSDKInstance');
const GET_STATUS = flatId('getStatus');
const IS_ONLINE = flatId('isOnline');
/** The constructors that return the one shared instance (the others create a new one each time). */
const SHARED = new Set(constructorNames('flat').filter((name) => name.startsWith('get')));
const CHANNEL_METHODS = ['channelJoin', 'channelLeave', 'messageChannelSend', 'messageChannelSend2', 'channelQueryUserIsIn'];
export const CALL_METHODS = ['channelInviteUser', 'channelInviteUser2', 'channelInviteAccept', 'channelInviteRefuse', 'channelInviteEnd'];

/** The App ID argument: `(appId)`, Android's `(context, appId)`; undefined for anything else. */
function appIdOf(creation: CallExpression, name: string): Node | undefined {
  const args = creation.getArguments();
  const last = args[args.length - 1];
  if (last && Node.isObjectLiteralExpression(last)) return undefined;
  if (args.length === 1) return args[0];
  return args.length === 2 && name === 'getInstance' ? args[1] : undefined;
}

function usesMethods(ctx: TransformContext, key: string, methods: readonly string[]): boolean {
  return methods.some((method) => ctx.analysis.methodCalls('flat', method).some((call) => keyOf(calleeOwner(call)) === key));
}

function constructorName(creation: CallExpression): string {
  const callee = creation.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
}

/** Why a flat construction cannot become `AgoraRTM.createInstance(appId)`, or undefined when it can. */
export function creationProblem(analysis: Analysis, creation: CallExpression): string | undefined {
  const name = constructorName(creation);
  if (!appIdOf(creation, name)) return `${name} without a plain App ID argument: use AgoraRTM.createInstance(appId) and the RTM client API`;
  const shared = analysis.flatCreations.filter((other) => SHARED.has(constructorName(other))).length;
  if (SHARED.has(name) && shared > 1) {
    return `${name} returned one shared instance wherever it was called; AgoraRTM.createInstance(appId) creates a new client each time: create the client once and pass it around`;
  }
  return undefined;
}

/** `var api = AgoraAPI.getInstance(appId)` → `var api = AgoraRTM.createInstance(appId)` and the state the flat object kept. */
function convertCreation(ctx: TransformContext, creation: CallExpression): void {
  const name = constructorName(creation);
  const id = SHARED.has(name) ? GET_INSTANCE : CREATE_INSTANCE;
  const problem = creationProblem(ctx.analysis, creation);
  const appId = appIdOf(creation, name);
  if (problem || !appId) {
    ctx.todo(creation, id, problem ?? 'no App ID');
    return;
  }
  ctx.edit(creation.getStart(), creation.getEnd(), `AgoraRTM.createInstance(${ctx.source(appId)})`);
  ctx.converted(creation, id);
  const bound = boundCall(creation);
  if (bound?.kind !== 'declaration' || !bound.targetKey || !bound.targetText) return;
  const variable = bound.targetText;
  const lines: string[] = [];
  let channels: string | undefined;
  let status: string | undefined;
  let calls: string | undefined;
  if (usesMethods(ctx, bound.targetKey, CHANNEL_METHODS)) {
    channels = ctx.uniqueName(`${variable}Channels`);
    lines.push(`const ${channels} = new Map${ctx.facts.typescript ? `<string, ReturnType<typeof ${variable}.createChannel>>` : ''}(); // the joined channel by ID (the flat API joined one at a time)`);
  }
  if (usesMethods(ctx, bound.targetKey, CALL_METHODS) || ctx.analysis.slotsOf('flat', 'onInviteReceived').some((slot) => slot.ownerKey === bound.targetKey)) {
    calls = ctx.uniqueName(`${variable}Calls`);
    lines.push(`const ${calls} = new Map${ctx.facts.typescript ? `<string, ${FLAT_CALL_TYPE}>` : ''}(); // the calls by channel and account (the flat API named a call by both)`);
  }
  if (usesMethods(ctx, bound.targetKey, ['getStatus', 'isOnline'])) {
    status = ctx.uniqueName(`${variable}Status`);
    lines.push(`let ${status} = 0; // getStatus(): 0 not logged in, 1 logging in, 2 logged in, 3 reconnecting`);
    lines.push(`${variable}.on('ConnectionStateChanged', ${params(ctx, [['state', 'string']])} => {`, `  ${status} = ${ctx.helper('flatLoginStatus')}(state);`, '});');
  }
  if (lines.length > 0) insertAfter(ctx, bound.statement, lines);
  registerInstance(ctx, bound.targetKey, { statement: bound.statement, name: variable, ...(channels ? { channels } : {}), ...(status ? { status } : {}), ...(calls ? { calls } : {}) });
}

/** `api.getStatus()` / `api.isOnline()` → the status kept from ConnectionStateChanged. */
function convertStatus(ctx: TransformContext): void {
  for (const [method, id] of [['getStatus', GET_STATUS], ['isOnline', IS_ONLINE]] as const) {
    for (const call of ctx.analysis.methodCalls('flat', method)) {
      if (!ctx.claim(call)) continue;
      const status = instanceAt(ctx, call)?.status;
      if (!status || call.getArguments().length > 0) {
        ctx.todo(call, id, `the RTM client reports its state through ConnectionStateChanged (CONNECTING 1, CONNECTED 2, RECONNECTING 3, else 0): keep the flat instance in a variable visible here so the codemod can track it`);
        continue;
      }
      replaceNode(ctx, call, method === 'getStatus' ? status : `(${status} === 2 ? 1 : 0)`);
      ctx.converted(call, id);
    }
  }
}

/** The flat instance: construction and its login status. */
export const flatInstance: Transform = {
  name: 'flat-instance',
  ids: [GET_INSTANCE, CREATE_INSTANCE, GET_STATUS, IS_ONLINE],
  run(_sourceFile, ctx) {
    for (const creation of ctx.analysis.flatCreations) if (ctx.claim(creation)) convertCreation(ctx, creation);
    convertStatus(ctx);
  },
};
