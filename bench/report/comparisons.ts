/** Columns that set each subject of a case against a baseline subject of the same case, median against median. */
import type { CaseResult } from './types.js';

interface Comparison {
  scenario: string;
  metric: string;
  baseline: string;
  label: string;
  /** `percent`: how much more than the baseline (+8.0 %); `ratio`: subject ÷ baseline (1.25×). */
  as: 'percent' | 'ratio';
}

const COMPARISONS: readonly Comparison[] = [
  { scenario: 'shim-overhead', metric: 'clientCpuMicrosPerMessage', baseline: 'native', label: 'extra CPU vs native', as: 'percent' },
  { scenario: 'codemod-throughput', metric: 'filesPerSec', baseline: 'jscodeshift-noop', label: 'files/s vs jscodeshift', as: 'ratio' },
];

export function comparisonFor(scenario: string): Comparison | undefined {
  return COMPARISONS.find((comparison) => comparison.scenario === scenario);
}

export function comparisonCell(comparison: Comparison, benchCase: CaseResult, subject: string): string {
  const median = (name: string): number => benchCase.subjects.find((s) => s.subject === name)?.metrics[comparison.metric]?.median ?? Number.NaN;
  if (subject === comparison.baseline) return 'baseline';
  const ratio = median(subject) / median(comparison.baseline);
  if (!Number.isFinite(ratio)) return '–';
  if (comparison.as === 'ratio') return `${ratio.toFixed(2)}×`;
  const percent = (ratio - 1) * 100;
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)} %`;
}
