import type { Node } from 'ts-morph';
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
    if (candidates.length !== 1) return undefined;
    const assignment = candidates[0]!;
    return this.names.has(assignment) || slotProblem(this.ctx, assignment) === undefined ? assignment : undefined;
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
