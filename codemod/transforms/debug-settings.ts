import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { unwrap } from '../analysis/keys.js';
import type { Transform, TransformContext } from '../types.js';
import { calleeOwner, idOf, valueDiscarded } from './shared.js';

const SET_DO_LOG = idOf('signal', 'setDoLog');

/** RTM log filters for the legacy levels; RTM 1.6's typings have no LOG_FILTER_DEBUG, so DEBUG stays a TODO. */
const FILTER_OF_LEVEL: Record<string, string> = { WARNING: 'LOG_FILTER_WARNING', INFO: 'LOG_FILTER_INFO' };

/** The RTM log filter for `setDoLog(isEnabled = false, level = 'DEBUG')`, when the arguments are literals. */
function logFilter(call: CallExpression): string | undefined {
  const [enabled, level] = call.getArguments().map(unwrap);
  if (call.getArguments().length > 2) return undefined;
  if (!enabled || enabled.getKind() === SyntaxKind.FalseKeyword) return 'LOG_FILTER_OFF';
  if (enabled.getKind() !== SyntaxKind.TrueKeyword) return undefined;
  const name = level && (Node.isStringLiteral(level) || Node.isNoSubstitutionTemplateLiteral(level)) ? level.getLiteralValue() : level ? undefined : 'DEBUG';
  return name === undefined ? undefined : FILTER_OF_LEVEL[name];
}

function convert(ctx: TransformContext, call: CallExpression): void {
  const filter = logFilter(call);
  if (!filter || !valueDiscarded(call)) {
    ctx.todo(
      call,
      SET_DO_LOG,
      "use client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_OFF | LOG_FILTER_WARNING | LOG_FILTER_INFO }) (RTM 1.6 typings have no debug level; the arguments must be literals to convert)",
    );
    return;
  }
  ctx.edit(call.getStart(), call.getEnd(), `${ctx.source(calleeOwner(call))}.updateConfig({ logFilter: AgoraRTM.${filter} })`);
  ctx.converted(call, SET_DO_LOG);
}

/** `signal.setDoLog(isEnabled, level)` → the RTM client's console log filter. */
export const debugSettings: Transform = {
  name: 'debug-settings',
  ids: [SET_DO_LOG],
  run(_sourceFile, ctx) {
    for (const call of ctx.analysis.methodCalls('signal', 'setDoLog')) {
      if (ctx.claim(call)) convert(ctx, call);
    }
  },
};
