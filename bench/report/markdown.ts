import type { SuiteResult } from './types.js';
import { comparisonCell, comparisonFor } from './comparisons.js';
import { formatSummary, metricHeader } from './format.js';
import { targetLines } from './targets.js';

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function machineLine(result: SuiteResult): string {
  const m = result.machine;
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, ${m.platform} (${m.kernel}), Node ${m.node}; load average ${m.loadAverage.map((n) => n.toFixed(1)).join(' → ')}; ${result.mode} run of ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${Math.round(result.durationMs / 1000)} s`;
}

/** The results as markdown tables: one per scenario, a row per case and system, `median (min–max)` per cell. */
export function renderMarkdown(result: SuiteResult): string {
  const lines: string[] = [`Machine: ${machineLine(result)}.`, '', `Clients: ${Object.entries(result.clients).map(([system, client]) => `${system} → ${client}`).join(', ')}.`, ''];
  for (const scenario of result.scenarios) {
    lines.push(`### ${scenario.title} (${scenario.rounds} round${scenario.rounds === 1 ? '' : 's'})`, '', scenario.description, '');
    const comparison = comparisonFor(scenario.id);
    lines.push(row(['case', 'system', ...scenario.metrics.map(metricHeader), ...(comparison ? [comparison.label] : [])]));
    lines.push(row(['---', '---', ...scenario.metrics.map(() => '---:'), ...(comparison ? ['---:'] : [])]));
    for (const benchCase of scenario.cases) {
      for (const subject of benchCase.subjects) {
        const errors = subject.errors.length > 0 ? ` (${subject.errors.length} failed)` : '';
        const compared = comparison ? [comparisonCell(comparison, benchCase, subject.subject)] : [];
        lines.push(row([benchCase.label, subject.subject + errors, ...scenario.metrics.map((metric) => formatSummary(subject.metrics[metric.key], metric)), ...compared]));
      }
    }
    lines.push('');
  }
  const targets = targetLines(result);
  if (targets.length > 0) lines.push('### Targets', '', ...targets, '');
  return lines.join('\n');
}
