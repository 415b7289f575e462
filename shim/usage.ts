/**
 * Deprecation accounting: every legacy element the app touches reports its API-map ID to the registry, which
 * de-duplicates, mutes and counts (shim/deprecation.ts). Callback properties are reported when they fire.
 */
import { findByName, type ApiId, type ApiOwner } from './api-map.js';
import { warnLegacy } from './deprecation.js';

export function noteUse(id: ApiId): void {
  warnLegacy(id);
}

/** owner → name → ID (null: a name the map does not know); nested so a lookup builds no key string. */
const callbackIds = new Map<ApiOwner, Map<string, ApiId | null>>();

/** The ID of `owner.name` (a callback property or an invoke function); unknown names report nothing. */
export function idOf(owner: ApiOwner, name: string): ApiId | null {
  let byName = callbackIds.get(owner);
  if (byName === undefined) {
    byName = new Map();
    callbackIds.set(owner, byName);
  }
  let id = byName.get(name);
  if (id === undefined) {
    id = findByName(owner, name)?.id ?? null;
    byName.set(name, id);
  }
  return id;
}

export function noteNamedUse(owner: ApiOwner, name: string): void {
  const id = idOf(owner, name);
  if (id) warnLegacy(id);
}
