/** Runs scenarios case by case: every round measures each subject once, in an order rotated per round. */
import type { BenchOptions, RunContext } from './context.js';
import type { CaseResult, ScenarioResult } from './report/types.js';
import type { Scenario, ScenarioCase } from './scenarios/types.js';
import { summarize } from './stats/summary.js';

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function formatError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runCase(scenario: Scenario, benchCase: ScenarioCase, rounds: number, ctx: RunContext): Promise<CaseResult> {
  const samples = new Map<string, Record<string, number>[]>(benchCase.subjects.map((subject) => [subject, []]));
  const errors = new Map<string, string[]>(benchCase.subjects.map((subject) => [subject, []]));
  for (let round = 0; round < rounds; round++) {
    for (const subject of rotate(benchCase.subjects, round)) {
      ctx.log(`${scenario.id} ${benchCase.label} ${subject} round ${round + 1}/${rounds}`);
      try {
        samples.get(subject)!.push(await benchCase.measure(subject, ctx));
      } catch (error) {
        ctx.log(`  failed: ${formatError(error)}`);
        errors.get(subject)!.push(formatError(error));
      }
    }
  }
  return {
    label: benchCase.label,
    subjects: benchCase.subjects.map((subject) => {
      const rows = samples.get(subject)!;
      const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      return {
        subject,
        metrics: Object.fromEntries(keys.map((key) => [key, summarize(rows.map((row) => row[key] ?? Number.NaN))])),
        errors: errors.get(subject)!,
      };
    }),
  };
}

export async function runScenarios(scenarios: readonly Scenario[], options: BenchOptions, ctx: RunContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (options.only.length > 0 && !options.only.includes(scenario.id)) continue;
    const rounds = Math.min(options.rounds, scenario.maxRounds ?? options.rounds);
    const cases: CaseResult[] = [];
    for (const benchCase of scenario.cases(options)) {
      const subjects = benchCase.subjects.filter((subject) => options.subjects.length === 0 || options.subjects.includes(subject));
      cases.push(await runCase(scenario, { ...benchCase, subjects }, rounds, ctx));
    }
    const { id, title, description, metrics } = scenario;
    results.push({ id, title, description, metrics, rounds, cases });
  }
  return results;
}
