import { ts } from 'ts-morph';
import type { Node, SourceFile } from 'ts-morph';

/**
 * Tree walks on the compiler's nodes. ts-morph's own walks create a wrapper object for every node they pass
 * (and `getDescendantsOfKind` also scans tokens and comments), which made analysis the codemod's main cost;
 * these walks wrap only the nodes a caller keeps.
 */

/** The ts-morph wrapper of a compiler node of this file: the same object ts-morph's own navigation returns. */
export function wrap<T extends Node = Node>(sourceFile: SourceFile, node: ts.Node): T {
  return (sourceFile as unknown as { _getNodeFromCompilerNode(node: ts.Node): T })._getNodeFromCompilerNode(node);
}

/**
 * Visits every node under `root` (not `root` itself) depth-first in source order. With `jsDoc`, JSDoc comments
 * are visited too (before the node's other children, as `getDescendants()` and `getDescendantsOfKind()` for
 * tokens such as identifiers see them), and `inDoc` tells which nodes are inside one; `getDescendantsOfKind()`
 * for other kinds and `forEachDescendant()` do not look into JSDoc. Return `false` from `visit` to skip a
 * node's children.
 */
export function forEachCompilerDescendant(root: ts.Node, visit: (node: ts.Node, inDoc: boolean) => boolean | void, jsDoc = false): void {
  let inDoc = false;
  const step = (node: ts.Node): undefined => {
    if (visit(node, inDoc) !== false) children(node);
    return undefined;
  };
  const steps = (nodes: ts.NodeArray<ts.Node>): undefined => {
    for (const node of nodes) step(node);
    return undefined;
  };
  const children = (node: ts.Node): void => {
    const docs = jsDoc ? (node as { jsDoc?: readonly ts.Node[] }).jsDoc : undefined;
    if (docs) {
      const outer = inDoc;
      inDoc = true;
      for (const doc of docs) step(doc);
      inDoc = outer;
    }
    ts.forEachChild(node, step, steps);
  };
  children(root);
}
