/**
 * What a legacy object is, by its type: the declarations of the shim (`shim/legacy-types.ts` and the
 * classes that implement them, or their `.d.ts` in the `resignal` package). `unknown` means the type says
 * nothing (no type information, `any`, an unresolved global): the caller falls back to patterns. `other`
 * means a real type that is not legacy, so nothing is reported, whatever the member's name.
 */
import type { ParserServices, ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { ts as compiler } from 'ts-morph';
import type ts from 'typescript';
import type { Role } from './roles.js';

export type TypeRole = Role | 'other' | 'unknown';

const ROLE_OF_TYPE: Readonly<Record<string, Role>> = {
  SignalFactory: 'factory',
  LegacySignal: 'Signal',
  Signal_: 'Signal',
  LegacySession: 'Session',
  Session: 'Session',
  LegacyChannel: 'Channel',
  Channel: 'Channel',
  LegacyCall: 'Call',
  Call: 'Call',
  FlatApi: 'Flat',
  AgoraAPINamespace: 'flatFactory',
};

const SHIM_FILE = /[\\/]shim[\\/]/;

function roleOfSymbol(symbol: ts.Symbol | undefined): Role | undefined {
  if (!symbol) return undefined;
  const role = ROLE_OF_TYPE[symbol.getName()];
  if (role === undefined) return undefined;
  return (symbol.getDeclarations() ?? []).some((declaration) => SHIM_FILE.test(declaration.getSourceFile().fileName)) ? role : undefined;
}

function roleOfType(type: ts.Type): Role | undefined {
  const direct = roleOfSymbol(type.aliasSymbol) ?? roleOfSymbol(type.getSymbol());
  if (direct !== undefined) return direct;
  const parts = type.isUnionOrIntersection() ? type.types : [];
  for (const part of parts) {
    const role = roleOfType(part);
    if (role !== undefined) return role;
  }
  return undefined;
}

export class TypeRoles {
  private constructor(
    private readonly nodeMap: ParserServicesWithTypeInformation['esTreeNodeToTSNodeMap'],
    private readonly checker: ts.TypeChecker,
  ) {}

  /** Undefined when the file was parsed without type information. */
  static from(services: Partial<ParserServices> | undefined): TypeRoles | undefined {
    const program = services?.program;
    const nodeMap = services?.esTreeNodeToTSNodeMap;
    if (!program || !nodeMap) return undefined;
    return new TypeRoles(nodeMap, program.getTypeChecker());
  }

  roleOf(node: TSESTree.Node): TypeRole {
    const tsNode = this.nodeMap.get(node);
    if (!tsNode) return 'unknown';
    const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(tsNode));
    // The flag values are the same in every TypeScript version; ts-morph's copy avoids a runtime import of typescript.
    if (type.flags & (compiler.TypeFlags.Any | compiler.TypeFlags.Unknown)) return 'unknown';
    return roleOfType(type) ?? 'other';
  }
}
