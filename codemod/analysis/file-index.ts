import { ts } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { forEachCompilerDescendant } from './walk.js';

/** The nodes the analysis looks at, found in one walk of the file (in source order). */
export interface FileIndex {
  /** Names some declaration in the file binds (variable, function, class, parameter, import, destructuring). */
  readonly declared: ReadonlySet<string>;
  /** Every identifier's text except property names after a dot: names a new binding must not reuse. */
  readonly taken: ReadonlySet<string>;
  /** Every identifier (JSDoc included) and its text, in source order. */
  readonly identifiers: readonly ts.Identifier[];
  readonly identifierTexts: readonly string[];
  readonly calls: readonly ts.CallExpression[];
  /** Calls and `new` expressions together, in source order. */
  readonly invocations: readonly (ts.CallExpression | ts.NewExpression)[];
  readonly accesses: readonly ts.PropertyAccessExpression[];
  /** Expression statements that are a plain `=` assignment (the only ones that can set a callback slot). */
  readonly assignments: readonly ts.ExpressionStatement[];
  /** Variable declarations, `=` assignments and class property declarations. */
  readonly bindings: readonly (ts.VariableDeclaration | ts.BinaryExpression | ts.PropertyDeclaration)[];
}

function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  return node.kind === ts.SyntaxKind.BinaryExpression && (node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** Whether this identifier is the name a declaration binds. */
function isDeclaredName(identifier: ts.Node): boolean {
  const parent = identifier.parent as ts.Node | undefined;
  switch (parent?.kind) {
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.Parameter:
      return (parent as ts.NamedDeclaration).name === identifier;
    case ts.SyntaxKind.ImportSpecifier:
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport:
    case ts.SyntaxKind.BindingElement:
      return true;
    default:
      return false;
  }
}

/** Indexes a file in one walk of its compiler nodes, wrapping none of them. */
export function indexFile(sourceFile: SourceFile): FileIndex {
  const file = sourceFile.compilerNode;
  const declared = new Set<string>();
  const taken = new Set<string>();
  const index = { declared, taken, identifiers: [] as ts.Identifier[], identifierTexts: [] as string[], calls: [] as ts.CallExpression[], invocations: [] as (ts.CallExpression | ts.NewExpression)[], accesses: [] as ts.PropertyAccessExpression[], assignments: [] as ts.ExpressionStatement[], bindings: [] as FileIndex['bindings'][number][] };
  forEachCompilerDescendant(
    file,
    (node, inDoc) => {
      // Identifiers are looked for in JSDoc too, as `getDescendantsOfKind(SyntaxKind.Identifier)` did; nothing else is.
      if (node.kind === ts.SyntaxKind.Identifier) {
        const text = node.getText(file);
        index.identifiers.push(node as ts.Identifier);
        index.identifierTexts.push(text);
        const parent = node.parent as ts.Node | undefined;
        if (parent?.kind === ts.SyntaxKind.PropertyAccessExpression && (parent as ts.PropertyAccessExpression).name === node) return;
        taken.add(text);
        if (isDeclaredName(node)) declared.add(text);
        return;
      }
      if (inDoc) return;
      switch (node.kind) {
        case ts.SyntaxKind.CallExpression:
          index.calls.push(node as ts.CallExpression);
          index.invocations.push(node as ts.CallExpression);
          break;
        case ts.SyntaxKind.NewExpression:
          index.invocations.push(node as ts.NewExpression);
          break;
        case ts.SyntaxKind.PropertyAccessExpression:
          index.accesses.push(node as ts.PropertyAccessExpression);
          break;
        case ts.SyntaxKind.ExpressionStatement:
          if (isAssignment((node as ts.ExpressionStatement).expression)) index.assignments.push(node as ts.ExpressionStatement);
          break;
        case ts.SyntaxKind.VariableDeclaration:
        case ts.SyntaxKind.PropertyDeclaration:
          index.bindings.push(node as ts.VariableDeclaration | ts.PropertyDeclaration);
          break;
        case ts.SyntaxKind.BinaryExpression:
          if (isAssignment(node)) index.bindings.push(node);
          break;
        default:
      }
    },
    true,
  );
  return index;
}
