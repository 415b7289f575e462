/**
 * What a legacy object is, by pattern: the objects that come from the legacy factory, followed through
 * variables the way the legacy SDK hands them out (`Signal()` → signal, `signal.login()` → session,
 * `session.channelJoin()` → channel, `session.channelInviteUser2()` and the `onInviteReceived` parameter →
 * call, `AgoraAPI.getInstance()` → the flat API object). Anything else has no role, so a `login()` on an
 * unrelated object is never taken for the legacy one.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { namesOf } from '../shim/api-map.js';
import { legacyModuleOf } from './legacy-modules.js';

const { DefinitionType } = TSESLint.Scope;

export type Role = 'factory' | 'flatFactory' | 'Signal' | 'Session' | 'Channel' | 'Call' | 'Flat';

/** Methods that hand out another legacy object. */
const PRODUCES: Readonly<Partial<Record<Role, Readonly<Record<string, Role>>>>> = {
  Signal: { login: 'Session' },
  Session: { channelJoin: 'Channel', channelInviteUser2: 'Call' },
  flatFactory: Object.fromEntries(namesOf('Flat', ['constructor']).map((name) => [name, 'Flat' as const])),
};

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require') return undefined;
  const [arg] = call.arguments;
  return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

function isEmptyValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

export class RoleFinder {
  private readonly memo = new Map<TSESLint.Scope.Variable, Role | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly extraModules: readonly string[],
  ) {}

  private moduleRole(specifier: string): Role | undefined {
    const module = legacyModuleOf(specifier, this.extraModules);
    if (module === undefined) return undefined;
    return module === 'flat' ? 'flatFactory' : 'factory';
  }

  /** The role of an expression's value, or undefined when it cannot be shown to be a legacy object. */
  roleOf(expression: TSESTree.Node): Role | undefined {
    const node = unwrap(expression);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierRole(node);
      case AST_NODE_TYPES.NewExpression:
        return this.roleOf(node.callee) === 'factory' ? 'Signal' : undefined;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) return this.identifierRole(callee) === 'factory' ? 'Signal' : undefined;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const name = memberName(callee);
        const owner = this.roleOf(callee.object);
        return name === undefined || owner === undefined ? undefined : PRODUCES[owner]?.[name];
      }
      default:
        return undefined;
    }
  }

  private identifierRole(identifier: TSESTree.Identifier): Role | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return identifier.name === 'Signal' ? 'factory' : undefined;
    if (this.memo.has(variable)) return this.memo.get(variable) ?? undefined;
    this.memo.set(variable, null);
    const role = this.variableRole(variable);
    this.memo.set(variable, role ?? null);
    return role;
  }

  private variableRole(variable: TSESLint.Scope.Variable): Role | undefined {
    const roles: (Role | undefined)[] = [];
    for (const def of variable.defs) {
      if (def.type === DefinitionType.ImportBinding) {
        const declaration = def.parent as TSESTree.ImportDeclaration;
        roles.push(this.moduleRole(declaration.source.value));
      } else if (def.type === DefinitionType.Variable) {
        const module = requiredModule(def.node.init);
        if (module !== undefined) roles.push(this.moduleRole(module));
      } else if (def.type === DefinitionType.Parameter) {
        roles.push(this.parameterRole(def.node, def.name));
      } else {
        roles.push(undefined);
      }
    }
    for (const reference of variable.references) {
      const value = reference.isWrite() ? reference.writeExpr : null;
      // `var session = null;` before `session = signal.login(…)` is the usual legacy pattern: an empty value says nothing.
      if (value && requiredModule(value) === undefined && !isEmptyValue(value)) roles.push(this.roleOf(value));
    }
    const first = roles[0];
    return roles.length > 0 && roles.every((role) => role === first) ? first : undefined;
  }

  /** The first parameter of a function assigned to `session.onInviteReceived` is the incoming call. */
  private parameterRole(fn: TSESTree.Node, name: TSESTree.Node): Role | undefined {
    if (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
    if (fn.params[0] !== name) return undefined;
    const assignment = fn.parent;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn) return undefined;
    const target = assignment.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || memberName(target) !== 'onInviteReceived') return undefined;
    return this.roleOf(target.object) === 'Session' ? 'Call' : undefined;
  }
}
