/** Generator of docs/api-map.md (run through scripts/gen-docs.ts: `npm run docs:gen`). */
import { API_MAP_DOC_PATH } from '../shim/api-map.js';
import { renderApiMapDoc } from '../shim/api-map-doc.js';

export interface DocGenerator {
  /** Output path relative to the repository root. */
  readonly path: string;
  readonly render: () => string;
}

export const apiMapDoc: DocGenerator = { path: API_MAP_DOC_PATH, render: renderApiMapDoc };
