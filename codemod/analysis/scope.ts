import { Node, ts } from 'ts-morph';
import type { VariableDeclaration } from 'ts-morph';
import { forEachCompilerDescendant, wrap } from './walk.js';

/**
 * Finds the declaration an identifier refers to by walking its enclosing scopes (parameters, block
 * and file declarations, hoisted `var`s, imports, catch and loop bindings). A syntactic stand-in for
 * the type checker, which is far too slow to build for every file of a large tree. Each scope's
 * declarations are collected once.
 */
const scopes = new WeakMap<ts.Node, ReadonlyMap<string, Node>>();

function addBinding(names: Map<string, Node>, nameNode: Node, declaration: Node): void {
  if (Node.isIdentifier(nameNode)) {
    if (!names.has(nameNode.getText())) names.set(nameNode.getText(), declaration);
    return;
  }
  for (const element of nameNode.getDescendants()) {
    if (Node.isBindingElement(element)) {
      const name = element.getNameNode();
      if (Node.isIdentifier(name) && !names.has(name.getText())) names.set(name.getText(), declaration);
    }
  }
}

/** Kinds whose `var`s stay inside them (as ts-morph's `isFunctionLikeDeclaration`, plus classes). */
const VAR_BARRIERS = new Set([
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
]);

function addHoistedVars(names: Map<string, Node>, scope: Node): void {
  const sourceFile = scope.getSourceFile();
  forEachCompilerDescendant(scope.compilerNode, (child) => {
    if (VAR_BARRIERS.has(child.kind)) return false;
    if (child.kind === ts.SyntaxKind.VariableDeclarationList && (child.flags & ts.NodeFlags.BlockScoped) === 0) {
      for (const declaration of (child as ts.VariableDeclarationList).declarations) {
        const wrapped = wrap<VariableDeclaration>(sourceFile, declaration);
        addBinding(names, wrapped.getNameNode(), wrapped);
      }
    }
    return true;
  });
}

function addStatements(names: Map<string, Node>, statements: readonly Node[]): void {
  for (const statement of statements) {
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) addBinding(names, declaration.getNameNode(), declaration);
    } else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement)) {
      const name = statement.getName();
      if (name && !names.has(name)) names.set(name, statement);
    } else if (Node.isImportDeclaration(statement)) {
      const locals = [statement.getDefaultImport(), statement.getNamespaceImport(), ...statement.getNamedImports().map((named) => named.getAliasNode() ?? named.getNameNode())];
      for (const local of locals) if (local && !names.has(local.getText())) names.set(local.getText(), local.getParentOrThrow());
    }
  }
}

function declarationsIn(scope: Node): ReadonlyMap<string, Node> {
  const names = new Map<string, Node>();
  if (Node.isFunctionLikeDeclaration(scope)) {
    for (const parameter of scope.getParameters()) addBinding(names, parameter.getNameNode(), parameter);
    if (Node.isFunctionExpression(scope)) {
      const name = scope.getName();
      if (name && !names.has(name)) names.set(name, scope);
    }
    const body = (scope as { getBody?: () => Node | undefined }).getBody?.();
    if (body && Node.isBlock(body)) addHoistedVars(names, body);
  } else if (Node.isSourceFile(scope)) {
    addStatements(names, scope.getStatements());
    addHoistedVars(names, scope);
  } else if (Node.isBlock(scope) || Node.isModuleBlock(scope) || Node.isCaseClause(scope) || Node.isDefaultClause(scope)) {
    addStatements(names, scope.getStatements());
  } else if (Node.isForStatement(scope) || Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
    const initializer = scope.getInitializer();
    if (initializer && Node.isVariableDeclarationList(initializer)) for (const declaration of initializer.getDeclarations()) addBinding(names, declaration.getNameNode(), declaration);
  } else if (Node.isCatchClause(scope)) {
    const variable = scope.getVariableDeclaration();
    if (variable) addBinding(names, variable.getNameNode(), variable);
  } else if (Node.isClassExpression(scope)) {
    const name = scope.getName();
    if (name) names.set(name, scope);
  }
  return names;
}

/** The declaration `identifier` refers to, or undefined for a global (or an unknown name). */
export function declarationOf(identifier: Node): Node | undefined {
  const name = identifier.getText();
  for (let scope = identifier.getParent(); scope; scope = scope.getParent()) {
    let names = scopes.get(scope.compilerNode);
    if (!names) scopes.set(scope.compilerNode, (names = declarationsIn(scope)));
    const found = names.get(name);
    if (found) return found;
  }
  return undefined;
}
