/**
 * Which legacy API-map IDs the scenarios exercise, measured (not declared): the shim counts every legacy
 * element a role touches, and the runner collects those counts from the shim-side runs.
 */
import { API_MAP } from '../shim/api-map.js';

export function uncoveredIds(used: Iterable<string>): string[] {
  const seen = new Set(used);
  return API_MAP.map((entry) => entry.id).filter((id) => !seen.has(id));
}
