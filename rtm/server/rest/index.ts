import type { HttpRoute } from '../http.js';
import { mediaRoute } from '../media/routes.js';
import type { RestDeps } from './context.js';
import { restApiRoute } from './router.js';

export type { RestDeps } from './context.js';
export { DEFAULT_REST_LIMITS, type RestLimits } from './limits.js';
export { REST_PREFIX } from './router.js';

/** Every HTTP route of the REST side: the RTM REST API, and media uploads and downloads. */
export function restRoutes(deps: RestDeps): HttpRoute[] {
  return [restApiRoute(deps), mediaRoute(deps)];
}
