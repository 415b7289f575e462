import { renderErrorsDoc } from '../rtm/protocol/errors-doc.js';
import type { DocGenerator } from './gen-api-map-doc.js';

export const errorsDoc: DocGenerator = { path: 'docs/errors.md', render: renderErrorsDoc };
