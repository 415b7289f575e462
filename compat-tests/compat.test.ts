/** Every scenario, run on the shim, converted by the codemod, as its native twin and as mixed fleets: equal traces. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario } from './harness/compat.js';

const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const scenarios = readdirSync(dir).filter((f) => /\.scenario\.m?js$/.test(f)).sort();

describe('compat scenarios', () => {
  it.each(scenarios)('%s behaves the same on the shim, converted, native and mixed', async (file) => {
    const report = await checkScenario(dir + file);
    expect(report.ok, report.summary).toBe(true);
    expect(Object.values(report.reference.traces).every((trace) => trace.length > 0), 'every role recorded something').toBe(true);
  }, 120_000);
});
