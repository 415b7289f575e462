import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API_MAP_BY_ID } from '../shim/api-map.js';
import { listFixtures } from './test/fixtures.js';
import { transformSource } from './transform-file.js';
import { TRANSFORMS } from './transforms/index.js';

const converted = new Set<string>();
for (const fixture of listFixtures()) {
  const result = transformSource(fixture.inputPath, readFileSync(fixture.inputPath, 'utf8'), fixture.options);
  for (const site of result.sites) if (site.status === 'converted') converted.add(site.id);
}

describe('the codemod follows the API map', () => {
  test('every ID a transform declares is a row of the map', () => {
    for (const transform of TRANSFORMS) for (const id of transform.ids) expect(API_MAP_BY_ID[id], `${transform.name}: ${id}`).toBeDefined();
  });

  test('it converts only elements the map plans to convert', () => {
    const planned = [...converted].filter((id) => API_MAP_BY_ID[id as keyof typeof API_MAP_BY_ID].codemod.result !== 'convert');
    expect(planned).toEqual([]);
  });
});
