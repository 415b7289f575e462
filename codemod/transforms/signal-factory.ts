import { Node } from 'ts-morph';
import type { CallExpression, NewExpression, SourceFile } from 'ts-morph';
import { apiId } from '../api.js';
import { lineEndAt, lineStartAt, newlineOf } from '../text.js';
import type { Analysis } from '../analysis/roles.js';
import type { Transform, TransformContext } from '../types.js';
import { creationProblem } from './flat-instance.js';

const SIGNAL = apiId('Signal', 'Signal');

function importText(ctx: TransformContext, keyword: string): string {
  const module = JSON.stringify(ctx.options.rtmModule).slice(1, -1);
  return ctx.facts.commonJs ? `${keyword} AgoraRTM = require('${module}');` : `import AgoraRTM from '${module}';`;
}

/** `Signal(appId).login(…)`: the login transform rewrites both at once. */
export function isLoginOwner(creation: Node): boolean {
  const parent = creation.getParent();
  return Node.isPropertyAccessExpression(parent) && parent.getName() === 'login' && Node.isCallExpression(parent.getParent());
}

/** `AgoraRTM.createInstance(<the legacy arguments>)`. */
export function createInstanceText(ctx: TransformContext, creation: CallExpression | NewExpression): string {
  const args = creation.getArguments();
  const first = args[0]!;
  const last = args[args.length - 1]!;
  return `AgoraRTM.createInstance(${ctx.text.slice(first.getStart(), last.getEnd())})`;
}

/** Removes a whole statement including its line when nothing else is on it. */
function removeStatement(ctx: TransformContext, statement: Node): void {
  const start = lineStartAt(ctx.text, statement.getStart());
  const end = lineEndAt(ctx.text, statement.getEnd());
  const ownLines = ctx.text.slice(start, statement.getStart()).trim() === '' && ctx.text.slice(statement.getEnd(), end).trim() === '';
  if (ownLines) ctx.edit(start, Math.min(end + 1, ctx.text.length), '');
  else ctx.edit(statement.getStart(), statement.getEnd(), '');
}

function insertImport(ctx: TransformContext, sourceFile: SourceFile): void {
  const newline = newlineOf(ctx.text);
  const imports = sourceFile.getImportDeclarations();
  const lastImport = imports[imports.length - 1];
  if (!ctx.facts.commonJs && lastImport) {
    ctx.edit(lastImport.getEnd(), lastImport.getEnd(), newline + importText(ctx, 'const'));
    return;
  }
  const requires = sourceFile.getVariableStatements().filter((statement) => /\brequire\(/.test(statement.getText()));
  const lastRequire = requires[requires.length - 1];
  if (lastRequire) {
    ctx.edit(lastRequire.getEnd(), lastRequire.getEnd(), newline + importText(ctx, 'const'));
    return;
  }
  const first = sourceFile.getStatements().find((statement) => !(Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression())));
  const pos = first ? lineStartAt(ctx.text, first.getStart()) : ctx.text.length;
  ctx.edit(pos, pos, importText(ctx, 'const') + newline);
}

/** References to the flat API's factory (`AgoraAPI`) other than its import. */
function flatFactoryUses(sourceFile: SourceFile, analysis: Analysis): number {
  return analysis.identifiersNamed(analysis.flatFactoryNames).filter((identifier) => {
    if (!analysis.flatFactoryNames.has(identifier.getText())) return false;
    const parent = identifier.getParent();
    return !(Node.isImportClause(parent) || (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier));
  }).length;
}

/** `Signal(appId)` / `new Signal(appId)` → `AgoraRTM.createInstance(appId)`, and the SDK import → the RTM module. */
export const signalFactory: Transform = {
  name: 'signal-factory',
  ids: [SIGNAL],
  run(sourceFile, ctx) {
    const { analysis } = ctx;
    const creations = analysis.creations;
    const otherUses = analysis.identifiersNamed(analysis.factoryNames).filter((identifier) => {
      if (!analysis.factoryNames.has(identifier.getText())) return false;
      const parent = identifier.getParent();
      if ((Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getExpression() === identifier && creations.includes(parent)) return false;
      if (Node.isImportClause(parent) || Node.isNamespaceImport(parent) || Node.isVariableDeclaration(parent)) return false;
      if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) return false;
      if (Node.isPropertyAssignment(parent) && parent.getNameNode() === identifier) return false;
      return true;
    });
    if (creations.length === 0 && analysis.flatCreations.length === 0 && analysis.legacyImports.length === 0) return;

    for (const creation of creations) {
      if (isLoginOwner(creation) || !ctx.claim(creation)) continue;
      ctx.edit(creation.getStart(), creation.getEnd(), createInstanceText(ctx, creation));
      ctx.converted(creation, SIGNAL);
    }
    for (const use of otherUses) {
      ctx.todo(use, SIGNAL, 'the legacy Signal factory is used here other than as Signal(appId); use AgoraRTM.createInstance(appId) and the AgoraRTM module or global');
    }
    if (!ctx.facts.module) return;
    const keepLegacy = otherUses.length > 0;
    // The flat API's import stays while a flat construction (or another use of its factory) is left as it was.
    const keepFlat = analysis.flatCreations.some((creation) => creationProblem(analysis, creation) !== undefined) || flatFactoryUses(sourceFile, analysis) > analysis.flatCreations.length;
    let imported = analysis.hasAgoraRtmBinding;
    for (const legacy of analysis.legacyImports) {
      if (keepLegacy && legacy.localName && !analysis.flatFactoryNames.has(legacy.localName)) continue;
      if (keepFlat && legacy.localName && analysis.flatFactoryNames.has(legacy.localName)) continue;
      if (imported) {
        removeStatement(ctx, legacy.statement);
      } else {
        const keyword = Node.isVariableStatement(legacy.statement) ? legacy.statement.getDeclarationKind() : 'const';
        const text = legacy.kind === 'import' || legacy.kind === 'side-effect' ? `import AgoraRTM from '${ctx.options.rtmModule}';` : importText(ctx, keyword);
        ctx.edit(legacy.statement.getStart(), legacy.statement.getEnd(), text);
        imported = true;
      }
      ctx.converted(legacy.statement, SIGNAL);
    }
    if (!imported && (creations.length > 0 || analysis.flatCreations.length > 0)) insertImport(ctx, sourceFile);
  },
};
