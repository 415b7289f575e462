import type { BenchOptions, RunContext } from '../context.js';

export interface MetricSpec {
  key: string;
  label: string;
  unit: string;
  digits: number;
}

/** One measured configuration; `measure` runs once per subject per round, subjects alternating. */
export interface ScenarioCase {
  label: string;
  subjects: readonly string[];
  measure(subject: string, ctx: RunContext): Promise<Record<string, number>>;
}

/**
 * A benchmark scenario. To add one: a file in bench/scenarios/ exporting a Scenario, and a line in
 * bench/scenarios/index.ts. Subjects need not be servers (e.g. codemod engines, bundle variants).
 */
export interface Scenario {
  id: string;
  title: string;
  /** Markdown: what is measured and how to read it. */
  description: string;
  metrics: readonly MetricSpec[];
  cases(options: BenchOptions): ScenarioCase[];
  /** Rounds for this scenario when fewer than the suite's are enough (heavy set-ups). */
  maxRounds?: number;
}
