/** Every scenario, run on the shim, converted by the codemod, as its native twin and as mixed fleets: equal traces. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { uncoveredIds } from './coverage.js';
import { checkScenario } from './harness/compat.js';

const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const scenarios = readdirSync(dir).filter((f) => /\.scenario\.m?js$/.test(f)).sort();
/** IDs no scenario exercises yet. The test fails if this list is stale in either direction. */
const knownUncovered = JSON.parse(readFileSync(new URL('./uncovered.json', import.meta.url), 'utf8')) as string[];
const used = new Set<string>();
let allRan = true;
/** Scenarios that ran to the end (a `-t` filter runs only some: coverage is then not checked). */
let finished = 0;

describe('compat scenarios', () => {
  it.each(scenarios)('%s behaves the same on the shim, converted, native and mixed', async (file) => {
    let report;
    try {
      report = await checkScenario(dir + file);
    } catch (error) {
      allRan = false;
      throw error;
    }
    for (const id of Object.keys(report.reference.usage)) used.add(id);
    if (!report.ok) allRan = false;
    finished += 1;
    expect(report.ok, report.summary).toBe(true);
    expect(Object.values(report.reference.traces).every((trace) => trace.length > 0), 'every role recorded something').toBe(true);
  }, 180_000);

  afterAll(() => {
    // Coverage is only meaningful when every scenario ran to the end.
    if (!allRan || finished < scenarios.length) return;
    const uncovered = uncoveredIds(used);
    expect(uncovered.filter((id) => !knownUncovered.includes(id)), 'IDs no scenario covers (add a scenario)').toEqual([]);
    expect(knownUncovered.filter((id) => !uncovered.includes(id)), 'now covered: remove from compat-tests/uncovered.json').toEqual([]);
  });
});
