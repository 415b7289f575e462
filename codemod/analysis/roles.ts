import { Node, SyntaxKind, ts } from 'ts-morph';
import type { CallExpression, Expression, ExpressionStatement, Identifier, NewExpression, PropertyAccessExpression, SourceFile } from 'ts-morph';
import { FLAT_CONSTRUCTORS, isFlatModuleSpecifier, isLegacyModuleSpecifier } from './legacy-names.js';
import { keyOf, propertyDeclarationKey, unwrap } from './keys.js';
import { indexFile } from './file-index.js';
import type { FileIndex } from './file-index.js';
import { wrap } from './walk.js';

/**
 * What a legacy object is: the `Signal` instance, a session, a channel, an outgoing or incoming call, or
 * an instance of the native flat API (`AgoraAPI.getInstance(appId)`, one object that does everything).
 */
export type Role = 'signal' | 'session' | 'channel' | 'call' | 'remoteCall' | 'flat';

export interface LegacyImport {
  readonly kind: 'import' | 'side-effect' | 'require' | 'require-side-effect';
  /** The whole statement to replace. */
  readonly statement: Node;
  readonly localName?: string;
}

export interface SlotAssignment {
  readonly statement: ExpressionStatement;
  readonly target: Node;
  readonly ownerKey: string;
  readonly owner: Node;
  readonly role: Role;
  readonly slot: string;
  readonly value: Expression;
}

interface BindingCandidate {
  readonly key: string;
  readonly init: Node;
}

function bindingCandidates(sourceFile: SourceFile, index: FileIndex): BindingCandidate[] {
  const out: BindingCandidate[] = [];
  for (const binding of index.bindings) {
    if (ts.isVariableDeclaration(binding)) {
      const key = binding.initializer && ts.isIdentifier(binding.name) ? keyOf(wrap(sourceFile, binding.name)) : undefined;
      if (binding.initializer && key) out.push({ key, init: wrap(sourceFile, binding.initializer) });
    } else if (ts.isBinaryExpression(binding)) {
      const key = keyOf(wrap(sourceFile, binding.left));
      if (key) out.push({ key, init: wrap(sourceFile, binding.right) });
    } else if (binding.initializer) {
      const key = propertyDeclarationKey(wrap(sourceFile, binding));
      if (key) out.push({ key, init: wrap(sourceFile, binding.initializer) });
    }
  }
  return out;
}

export class Analysis {
  readonly factoryNames = new Set<string>();
  readonly legacyImports: LegacyImport[] = [];
  /** Calls that create a `Signal` instance. */
  readonly creations: (CallExpression | NewExpression)[] = [];
  /** Names the flat API's factory object goes by here (the global `AgoraAPI`, or its import). */
  readonly flatFactoryNames = new Set<string>();
  /** Calls that create (or fetch) a flat-API instance: `AgoraAPI.getInstance(appId)`, `createAgoraSDKInstance(appId)`, …. */
  readonly flatCreations: CallExpression[] = [];
  readonly slots: SlotAssignment[] = [];
  private readonly roles = new Map<string, Role | 'ambiguous'>();
  /** Whether the file shows the legacy SDK for sure (not just a name that other libraries use too). */
  get hasEvidence(): boolean {
    return this.legacyImports.length > 0 || this.creations.length > 0 || this.flatCreations.length > 0 || [...this.roles.values()].some((role) => role !== 'ambiguous');
  }

  /** The declared name `AgoraRTM` already exists (an earlier run, or a migrated file). */
  readonly hasAgoraRtmBinding: boolean;

  private readonly index: FileIndex;

  /**
   * The identifiers spelled as one of `names`, in the order `getDescendantsOfKind(SyntaxKind.Identifier)` lists
   * them (JSDoc included), found without walking the file again and wrapping only those.
   */
  identifiersNamed(names: ReadonlySet<string>): Identifier[] {
    const { identifiers, identifierTexts } = this.index;
    const out: Identifier[] = [];
    for (let i = 0; i < identifiers.length; i += 1) if (names.has(identifierTexts[i]!)) out.push(wrap<Identifier>(this.sourceFile, identifiers[i]!));
    return out;
  }

  /** Every name used in the file (identifiers, except property names after a dot). */
  get takenNames(): ReadonlySet<string> {
    return this.index.taken;
  }

  constructor(readonly sourceFile: SourceFile) {
    this.index = indexFile(sourceFile);
    this.findLegacyImports();
    this.hasAgoraRtmBinding = this.declaresName('AgoraRTM');
    if (!this.declaresName('Signal')) this.factoryNames.add('Signal');
    if (!this.declaresName('AgoraAPI')) this.flatFactoryNames.add('AgoraAPI');
    this.inferRoles();
    this.findSlots();
  }

  roleOfKey(key: string): Role | undefined {
    const role = this.roles.get(key);
    return role === 'ambiguous' ? undefined : role;
  }

  isAmbiguousKey(key: string): boolean {
    return this.roles.get(key) === 'ambiguous';
  }

  roleOf(node: Node): Role | undefined {
    if (this.isCreation(unwrap(node))) return 'signal';
    if (this.isFlatCreation(unwrap(node))) return 'flat';
    const key = keyOf(node);
    return key === undefined ? undefined : this.roleOfKey(key);
  }

  /** `Signal(appId)` / `new Signal(appId)` with a legacy factory name. */
  isCreation(node: Node): node is CallExpression | NewExpression {
    if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) return false;
    const callee = unwrap(node.getExpression());
    return Node.isIdentifier(callee) && this.factoryNames.has(callee.getText()) && (node.getArguments().length ?? 0) >= 1;
  }

  /** `AgoraAPI.getInstance(appId)` and the other flat constructors named in the API map. */
  isFlatCreation(node: Node): node is CallExpression {
    if (!Node.isCallExpression(node)) return false;
    const callee = unwrap(node.getExpression());
    if (!Node.isPropertyAccessExpression(callee) || !FLAT_CONSTRUCTORS.has(callee.getName())) return false;
    const factory = unwrap(callee.getExpression());
    return Node.isIdentifier(factory) && this.flatFactoryNames.has(factory.getText());
  }

  private callsByMethod?: Map<string, CallExpression[]>;
  private accessesByName?: Map<string, PropertyAccessExpression[]>;

  /** Calls `<owner>.<method>(…)` whose owner has the given role. */
  methodCalls(role: Role, method: string): CallExpression[] {
    if (!this.callsByMethod) {
      this.callsByMethod = new Map();
      const file = this.sourceFile.compilerNode;
      for (const call of this.index.calls) {
        if (!ts.isPropertyAccessExpression(call.expression)) continue;
        const name = call.expression.name.getText(file);
        const list = this.callsByMethod.get(name) ?? [];
        list.push(wrap(this.sourceFile, call));
        this.callsByMethod.set(name, list);
      }
    }
    return (this.callsByMethod.get(method) ?? []).filter((call) => this.roleOf((call.getExpression() as PropertyAccessExpression).getExpression()) === role);
  }

  /** Property accesses `<owner>.<name>` anywhere in the file. */
  accessesNamed(name: string): readonly PropertyAccessExpression[] {
    if (!this.accessesByName) {
      this.accessesByName = new Map();
      const file = this.sourceFile.compilerNode;
      for (const access of this.index.accesses) {
        const name = access.name.getText(file);
        const list = this.accessesByName.get(name) ?? [];
        list.push(wrap(this.sourceFile, access));
        this.accessesByName.set(name, list);
      }
    }
    return this.accessesByName.get(name) ?? [];
  }

  slotsOf(role: Role, slot: string): SlotAssignment[] {
    return this.slots.filter((assignment) => assignment.role === role && assignment.slot === slot);
  }

  /** How many times the file reads this callback property of this object (not as an assignment target). */
  readCount(ownerKey: string, slot: string): number {
    return this.accessesNamed(slot).filter((access) => {
      if (keyOf(access.getExpression()) !== ownerKey) return false;
      const parent = access.getParent();
      return !(Node.isBinaryExpression(parent) && parent.getLeft() === access && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken);
    }).length;
  }

  /** How many times the file assigns this callback property of this object. */
  assignmentCount(ownerKey: string, slot: string): number {
    return this.slots.filter((assignment) => assignment.ownerKey === ownerKey && assignment.slot === slot).length;
  }

  private declaresName(name: string): boolean {
    return !this.legacyImports.some((entry) => entry.localName === name) && this.index.declared.has(name);
  }

  private findLegacyImports(): void {
    for (const declaration of this.sourceFile.getImportDeclarations()) {
      if (isFlatModuleSpecifier(declaration.getModuleSpecifierValue())) {
        const local = declaration.getDefaultImport()?.getText();
        if (local && declaration.getNamedImports().length === 0) {
          this.legacyImports.push({ kind: 'import', statement: declaration, localName: local });
          this.flatFactoryNames.add(local);
        }
        continue;
      }
      if (!isLegacyModuleSpecifier(declaration.getModuleSpecifierValue())) continue;
      const defaultImport = declaration.getDefaultImport();
      const namespaceImport = declaration.getNamespaceImport();
      const local = defaultImport?.getText() ?? namespaceImport?.getText();
      if (local) {
        this.legacyImports.push({ kind: 'import', statement: declaration, localName: local });
        this.factoryNames.add(local);
      } else if (declaration.getNamedImports().length === 0) {
        this.legacyImports.push({ kind: 'side-effect', statement: declaration });
      }
    }
    const file = this.sourceFile.compilerNode;
    const requires = this.index.calls.filter((call) => ts.isIdentifier(call.expression) && call.expression.getText(file) === 'require');
    for (const call of requires.map((node) => wrap<CallExpression>(this.sourceFile, node))) {
      const callee = call.getExpression();
      const [argument] = call.getArguments();
      if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || !argument || !Node.isStringLiteral(argument)) continue;
      if (!isLegacyModuleSpecifier(argument.getLiteralValue())) continue;
      const parent = call.getParent();
      if (Node.isVariableDeclaration(parent) && Node.isIdentifier(parent.getNameNode())) {
        const statement = parent.getFirstAncestorByKind(SyntaxKind.VariableStatement);
        if (statement && statement.getDeclarations().length === 1) {
          this.legacyImports.push({ kind: 'require', statement, localName: parent.getName() });
          this.factoryNames.add(parent.getName());
        }
      } else if (Node.isExpressionStatement(parent)) {
        this.legacyImports.push({ kind: 'require-side-effect', statement: parent });
      }
    }
  }

  private classify(init: Node): Role | undefined {
    const inner = unwrap(init);
    if (this.isCreation(inner)) return 'signal';
    if (this.isFlatCreation(inner)) return 'flat';
    if (Node.isCallExpression(inner)) {
      const callee = inner.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) return undefined;
      const ownerRole = this.roleOf(callee.getExpression());
      const method = callee.getName();
      if (ownerRole === 'signal' && method === 'login') return 'session';
      if (ownerRole === 'session' && method === 'channelJoin') return 'channel';
      if (ownerRole === 'session' && method === 'channelInviteUser2') return 'call';
      return undefined;
    }
    return this.roleOf(inner);
  }

  private inferRoles(): void {
    const candidates = bindingCandidates(this.sourceFile, this.index);
    for (let round = 0; round < 6; round += 1) {
      let changed = false;
      for (const { key, init } of candidates) {
        const role = this.classify(init);
        if (!role) continue;
        const known = this.roles.get(key);
        if (known === role || known === 'ambiguous') continue;
        this.roles.set(key, known === undefined ? role : 'ambiguous');
        changed = true;
      }
      this.inferIncomingCalls();
      if (!changed) break;
    }
    for (const node of this.index.invocations.map((invocation) => wrap<CallExpression | NewExpression>(this.sourceFile, invocation))) {
      if (this.isCreation(node)) this.creations.push(node);
      else if (this.isFlatCreation(node)) this.flatCreations.push(node);
    }
  }

  /** The parameter of an `onInviteReceived` handler is an incoming call. */
  private assignmentStatements?: ExpressionStatement[];

  /** Expression statements that are a plain `=` assignment, wrapped once (role inference reads them every round). */
  private assignments(): ExpressionStatement[] {
    this.assignmentStatements ??= this.index.assignments.map((statement) => wrap<ExpressionStatement>(this.sourceFile, statement));
    return this.assignmentStatements;
  }

  private inferIncomingCalls(): void {
    for (const statement of this.assignments()) {
      const slot = this.readSlot(statement);
      if (!slot || slot.role !== 'session' || slot.slot !== 'onInviteReceived') continue;
      const value = unwrap(slot.value);
      if (!Node.isFunctionExpression(value) && !Node.isArrowFunction(value)) continue;
      const parameter = value.getParameters()[0];
      const nameNode = parameter?.getNameNode();
      if (!nameNode || !Node.isIdentifier(nameNode)) continue;
      const key = keyOf(nameNode);
      if (key && !this.roles.has(key)) this.roles.set(key, 'remoteCall');
    }
  }

  private readSlot(statement: ExpressionStatement): Omit<SlotAssignment, 'statement'> | undefined {
    const expression = statement.getExpression();
    if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
    const target = expression.getLeft();
    let owner: Node;
    let slot: string;
    if (Node.isPropertyAccessExpression(target)) {
      owner = target.getExpression();
      slot = target.getName();
    } else if (Node.isElementAccessExpression(target)) {
      const argument = target.getArgumentExpression();
      if (!argument || !Node.isStringLiteral(argument)) return undefined;
      owner = target.getExpression();
      slot = argument.getLiteralValue();
    } else {
      return undefined;
    }
    const ownerKey = keyOf(owner);
    const role = ownerKey === undefined ? undefined : this.roleOfKey(ownerKey);
    if (!ownerKey || !role || !slot.startsWith('on')) return undefined;
    return { target, ownerKey, owner, role, slot, value: expression.getRight() };
  }

  private findSlots(): void {
    for (const statement of this.assignments()) {
      const slot = this.readSlot(statement);
      if (slot) this.slots.push({ statement, ...slot });
    }
  }
}
