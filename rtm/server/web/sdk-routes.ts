import type { HttpRoute } from '../http.js';
import { sendStaticFile } from './static.js';

/**
 * Stable URLs of the browser builds. `AgoraSig.js` is the shim under the legacy file name, so a page that only
 * changes the host of its SDK tag keeps working. The source maps sit next to them (the bundles point to them).
 */
export const SDK_FILES: Readonly<Record<string, string>> = {
  'resignal-signal.js': 'resignal-signal.js',
  'resignal-rtm.js': 'resignal-rtm.js',
  'AgoraSig.js': 'resignal-signal.js',
  'resignal-signal.js.map': 'resignal-signal.js.map',
  'resignal-rtm.js.map': 'resignal-rtm.js.map',
};

/** Short enough that a server upgrade reaches pages within minutes; ETags make the revalidation cheap. */
export const SDK_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

const SDK_PATH = /^\/sdk\/([^/]+)$/;

/** `GET|HEAD /sdk/<file>` from `browserDir` (dist/browser); other names are 404, other methods 405. */
export function sdkRoute(browserDir: string): HttpRoute {
  return {
    method: '*',
    path: SDK_PATH,
    handle: async (req, res, ctx) => {
      const requested = SDK_PATH.exec(ctx.url.pathname)?.[1] ?? '';
      const name = Object.hasOwn(SDK_FILES, requested) ? SDK_FILES[requested] : undefined;
      await sendStaticFile(req, res, {
        dir: browserDir,
        name: name ?? '',
        cacheControl: SDK_CACHE_CONTROL,
        missingHint: 'the browser builds are missing; run `npm run build`',
      });
    },
  };
}
