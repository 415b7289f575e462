import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from './errors-doc.js';
import { CLOSE_CODES, WIRE_ERRORS } from './errors.js';

describe('docs/errors.md', () => {
  it('is generated from the error tables and not stale (regenerate with `npm run docs:gen`)', () => {
    expect(readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')).toBe(renderErrorsDoc());
  });

  it('documents every wire error and close code', () => {
    const doc = renderErrorsDoc();
    for (const code of Object.keys(WIRE_ERRORS)) expect(doc).toContain(`\`${code}\``);
    for (const code of Object.values(CLOSE_CODES)) expect(doc).toContain(`| ${code} |`);
  });

  it('close codes are unique', () => {
    const values = Object.values(CLOSE_CODES);
    expect(new Set(values).size).toBe(values.length);
  });
});
