/**
 * Deprecation accounting: every legacy element the app touches reports its API-map ID to the registry, which
 * de-duplicates, mutes and counts (shim/deprecation.ts). Callback properties are reported when they fire.
 */
import { findByName, type ApiId, type ApiOwner } from './api-map.js';
import { warnLegacy } from './deprecation.js';

export function noteUse(id: ApiId): void {
  warnLegacy(id);
}

const callbackIds = new Map<string, ApiId | null>();

/** The ID of `owner.name` (a callback property or an invoke function); unknown names report nothing. */
export function idOf(owner: ApiOwner, name: string): ApiId | null {
  const key = `${owner}.${name}`;
  let id = callbackIds.get(key);
  if (id === undefined) {
    id = findByName(owner, name)?.id ?? null;
    callbackIds.set(key, id);
  }
  return id;
}

export function noteNamedUse(owner: ApiOwner, name: string): void {
  const id = idOf(owner, name);
  if (id) warnLegacy(id);
}
