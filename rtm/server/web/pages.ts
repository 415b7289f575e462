import type { HttpRoute } from '../http.js';
import { sendStaticFile } from './static.js';

/** Demo pages change with every build and are tiny: always revalidated. */
const PAGE_CACHE_CONTROL = 'no-cache';
const MISSING = 'the demo pages are missing; run `npm run build`';

const DEMO_PATH = /^\/demo\/([^/]+)$/;

/** `/` (the index page) and `/demo/<file>` from `demoDir` (dist/demo, written by scripts/build-demo.mjs). */
export function pageRoutes(demoDir: string): HttpRoute[] {
  return [
    {
      method: '*',
      path: '/',
      handle: (req, res) => sendStaticFile(req, res, { dir: demoDir, name: 'index.html', cacheControl: PAGE_CACHE_CONTROL, missingHint: MISSING }),
    },
    {
      method: '*',
      path: /^\/demo\/?$/,
      handle: (_req, res) => {
        res.writeHead(302, { location: '/' });
        res.end();
      },
    },
    {
      method: '*',
      path: DEMO_PATH,
      handle: (req, res, ctx) => {
        const name = DEMO_PATH.exec(ctx.url.pathname)?.[1] ?? '';
        return sendStaticFile(req, res, { dir: demoDir, name, cacheControl: PAGE_CACHE_CONTROL, missingHint: MISSING });
      },
    },
  ];
}
