import type { MetricSpec } from '../scenarios/types.js';
import type { Summary } from '../stats/summary.js';

const number = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';

/** `median (min–max)`, the range left out when every round agreed. */
export function formatSummary(summary: Summary | undefined, metric: MetricSpec): string {
  if (!summary || !Number.isFinite(summary.median)) return '–';
  const median = number(summary.median, metric.digits);
  const min = number(summary.min, metric.digits);
  const max = number(summary.max, metric.digits);
  return min === max ? median : `${median} (${min}–${max})`;
}

export function metricHeader(metric: MetricSpec): string {
  return metric.unit === '' || metric.unit === '/s' ? metric.label : `${metric.label} (${metric.unit})`;
}
