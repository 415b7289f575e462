import type { Node } from 'ts-morph';
import { SyntaxKind } from 'ts-morph';
import { keyOf } from '../analysis/keys.js';
import type { Role, SlotAssignment } from '../analysis/roles.js';
import type { TransformContext } from '../types.js';
import { hoistSlot, idOf, slotProblem, slotVisibleFrom } from './shared.js';
import type { Handler } from './shared.js';

/**
 * Callbacks that answer one call (login → onLoginSuccess/onLoginFailed, channelJoin → onChannelJoined…)
 * become arms of that call's promise. They are hoisted once per file and used by every site of the
 * same object from which they are in scope.
 */
export class ThenSlots {
  private readonly names = new Map<SlotAssignment, Handler>();

  constructor(
    private readonly ctx: TransformContext,
    private readonly role: Role,
  ) {}

  /** The one assignment of `slot` that `handlerFor` would use at `site`, without hoisting it yet. */
  usableAssignment(ownerKey: string | undefined, slot: string, site: Node): SlotAssignment | undefined {
    if (ownerKey === undefined) return undefined;
    const candidates = this.ctx.analysis.slotsOf(this.role, slot).filter((assignment) => assignment.ownerKey === ownerKey && slotVisibleFrom(assignment, site));
    const all = this.ctx.analysis.slotsOf(this.role, slot).filter((assignment) => assignment.ownerKey === ownerKey);
    const paired = all.every((assignment) => followsAStore(assignment, all)) ? pairedAssignment(candidates, ownerKey, site) : undefined;
    if (candidates.length !== 1 && !paired) return undefined;
    const assignment = paired ?? candidates[0]!;
    return this.names.has(assignment) || slotProblem(this.ctx, assignment, paired !== undefined) === undefined ? assignment : undefined;
  }

  /** The handler name for `slot` of the object `ownerKey`, usable at `site`; undefined when there is none. */
  handlerFor(ownerKey: string | undefined, slot: string, site: Node): Handler | undefined {
    const assignment = this.usableAssignment(ownerKey, slot, site);
    if (!assignment) return undefined;
    const known = this.names.get(assignment);
    if (known) return known;
    const handler = hoistSlot(this.ctx, assignment);
    this.names.set(assignment, handler);
    this.ctx.converted(assignment.statement, idOf(this.role, slot));
    return handler;
  }

  /** Marks every assignment of these slots that no site could use. */
  todoUnused(slots: readonly string[], advice: (slot: string) => string): void {
    for (const slot of slots) {
      for (const assignment of this.ctx.analysis.slotsOf(this.role, slot)) {
        if (this.names.has(assignment)) continue;
        const problem = slotProblem(this.ctx, assignment);
        if (problem === 'already handled') continue;
        this.ctx.todo(assignment.statement, idOf(this.role, slot), problem ?? advice(slot));
      }
    }
  }
}

/**
 * `channel = session.channelJoin('room'); channel.onChannelJoined = f;` repeated (a 1.4.x app re-joining after a
 * reconnect): each call makes a new object, so the one assignment that follows `site` in its block, before anything
 * re-assigns the owner, is that call's handler. Undefined unless exactly one assignment is in that stretch and the
 * site's statement itself stores into the owner.
 */
function pairedAssignment(candidates: readonly SlotAssignment[], ownerKey: string, site: Node): SlotAssignment | undefined {
  const statement = statementIn(site, candidates);
  if (!statement || !storesInto(statement, ownerKey)) return undefined;
  const list = statement.getParentOrThrow().getChildSyntaxListOrThrow().getChildren();
  const following: Node[] = [];
  for (const next of list.slice(list.indexOf(statement) + 1)) {
    if (storesInto(next, ownerKey)) break;
    following.push(next);
  }
  const inStretch = candidates.filter((candidate) => following.includes(candidate.statement));
  return inStretch.length === 1 ? inStretch[0] : undefined;
}

/**
 * Whether the statements before `assignment` in its block store into its owner (a new object) with no other
 * assignment of the same callback in between: then no assignment replaces another one on the same object.
 */
function followsAStore(assignment: SlotAssignment, all: readonly SlotAssignment[]): boolean {
  const others = new Set<Node>(all.filter((other) => other !== assignment).map((other) => other.statement));
  for (let previous = assignment.statement.getPreviousSibling(); previous; previous = previous.getPreviousSibling()) {
    if (others.has(previous)) return false;
    if (storesInto(previous, assignment.ownerKey)) return true;
  }
  return false;
}

/** The statement holding `site` that sits in the same block as one of the candidates. */
function statementIn(site: Node, candidates: readonly SlotAssignment[]): Node | undefined {
  const blocks = new Set<Node | undefined>(candidates.map((candidate) => candidate.statement.getParent()));
  return [site, ...site.getAncestors()].find((node) => blocks.has(node.getParent()));
}

/** Whether `statement` assigns or declares the owner `ownerKey` (`channel = …`, `var channel = …`). */
function storesInto(statement: Node, ownerKey: string): boolean {
  const targets: Node[] = [
    ...statement.getDescendantsOfKind(SyntaxKind.BinaryExpression).filter((binary) => binary.getOperatorToken().getKind() === SyntaxKind.EqualsToken).map((binary) => binary.getLeft()),
    ...statement.getDescendantsOfKind(SyntaxKind.VariableDeclaration).map((declaration) => declaration.getNameNode()),
  ];
  return targets.some((target) => keyOf(target) === ownerKey);
}
