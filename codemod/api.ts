/**
 * The codemod's view of the one map of the legacy API (`shim/api-map.ts`): IDs, the codemod plan
 * of each element, and its RTM counterpart for TODO messages. The codemod imports nothing else of
 * the runtime.
 */
import { API_MAP_BY_ID, findByName, isApiId, namesOf } from '../shim/api-map.js';
import type { ApiId, ApiKind, ApiOwner } from '../shim/api-map.js';

export type { ApiId };
export type LegacyOwner = 'Signal' | 'Session' | 'Channel' | 'Call' | 'invoke' | 'flat';

function mapOwner(owner: LegacyOwner): ApiOwner {
  return owner === 'flat' ? 'Flat' : owner;
}

/** The ID of a legacy element, or undefined when the map has no row for it. */
export function findApiId(owner: LegacyOwner, name: string): ApiId | undefined {
  return findByName(mapOwner(owner), name)?.id;
}

/** The ID of a legacy element the codemod knows by name; a missing row is a programming error. */
export function apiId(owner: LegacyOwner, name: string): ApiId {
  const id = findApiId(owner, name);
  if (id === undefined) throw new Error(`the API map has no row for ${owner}.${name}`);
  return id;
}

export { isApiId };

const memo = new Map<string, readonly string[]>();

function names(owner: ApiOwner, kinds: readonly ApiKind[]): readonly string[] {
  const key = `${owner}:${kinds.join(',')}`;
  let found = memo.get(key);
  if (!found) memo.set(key, (found = namesOf(owner, kinds)));
  return found;
}

/** Callback-property names of a legacy object, from the map. */
export function callbackNames(owner: LegacyOwner): readonly string[] {
  return names(mapOwner(owner), ['callback']);
}

/** Constructor names of a legacy object (with their per-platform aliases), from the map. */
export function constructorNames(owner: LegacyOwner): readonly string[] {
  return names(mapOwner(owner), ['constructor']);
}

/** Method and callback names of a legacy object, from the map. */
export function memberNames(owner: LegacyOwner): readonly string[] {
  return names(mapOwner(owner), ['method', 'callback', 'constructor']);
}

/** The globals the legacy script builds defined (`LOGIN_STATE_LOGINED`, `SIGNALING_SDK_VERSION`, …). */
export function legacyGlobals(): readonly string[] {
  return names('global', ['global', 'constant']);
}

/** The ID of a legacy global. */
export function globalId(name: string): ApiId | undefined {
  return findByName('global', name)?.id;
}

/**
 * The value a legacy constant the codemod converts stands for (`LOGIN_STATE_LOGINED` → `2`): its signature in the
 * map when that is a number literal; undefined for every other element.
 */
export function constantValue(id: ApiId): string | undefined {
  const entry = API_MAP_BY_ID[id];
  if (entry.kind !== 'constant' || entry.codemod.result !== 'convert') return undefined;
  return /^-?\d+$/.test(entry.signature) ? entry.signature : undefined;
}

/** The readable properties the map lists for a legacy object (`session.account`, `channel.state`, …). */
export function propertyNames(owner: LegacyOwner): readonly string[] {
  return names(mapOwner(owner), ['property']);
}

/** When the map plans a TODO for this element: the advice for the comment (its RTM counterpart and main difference). */
export function plannedTodo(id: ApiId): string | undefined {
  const entry = API_MAP_BY_ID[id];
  if (entry.codemod.result !== 'todo') return undefined;
  const rtm = entry.rtm === null ? 'RTM has no counterpart' : `RTM: ${entry.rtm}`;
  const difference = entry.differences[0];
  return difference ? `${rtm}. ${difference}` : rtm;
}
