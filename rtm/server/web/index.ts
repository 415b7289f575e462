import type { HttpRoute } from '../http.js';
import { webDirs } from './package-root.js';
import { pageRoutes } from './pages.js';
import { sdkRoute } from './sdk-routes.js';
import { statsRoutes } from './stats-routes.js';
import type { StatsSource } from './server-stats.js';

export { ServerMetrics, type MetricsSink } from './metrics.js';
export type { StatsSource, StatusBody } from './server-stats.js';

export interface WebOptions extends StatsSource {
  /** Serve the demo pages at `/` and `/demo/…` (the SDK files and the metrics are always served). */
  readonly demo: boolean;
  /** Folders of the browser builds and of the demo pages; default the package's dist/browser and dist/demo. */
  readonly dirs?: { browser: string; demo: string };
}

/** The browser side of the server: `/sdk/…`, `/metrics`, `/status`, and the demo pages. */
export function webRoutes(options: WebOptions): HttpRoute[] {
  const dirs = options.dirs ?? webDirs();
  return [sdkRoute(dirs.browser), ...statsRoutes(options), ...(options.demo ? pageRoutes(dirs.demo) : [])];
}
