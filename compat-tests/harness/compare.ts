/** Trace comparison and a readable diff for humans. */

export interface TraceDifference {
  role: string;
  index: number;
  expected: unknown[] | undefined;
  actual: unknown[] | undefined;
}

const format = (entry: unknown[] | undefined): string => (entry === undefined ? '(nothing)' : JSON.stringify(entry));

/** Differences between two runs' traces, role by role, entry by entry. */
export function diffTraces(expected: Record<string, unknown[][]>, actual: Record<string, unknown[][]>): TraceDifference[] {
  const out: TraceDifference[] = [];
  for (const role of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const a = expected[role] ?? [];
    const b = actual[role] ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) out.push({ role, index: i, expected: a[i], actual: b[i] });
    }
  }
  return out;
}

export function renderDiff(labels: [string, string], differences: TraceDifference[], limit = 20): string {
  if (differences.length === 0) return 'traces are equal';
  const lines = [`traces differ (${labels[0]} vs ${labels[1]}):`];
  for (const d of differences.slice(0, limit)) {
    lines.push(`  ${d.role} #${d.index}:`, `    - ${labels[0]}: ${format(d.expected)}`, `    + ${labels[1]}: ${format(d.actual)}`);
  }
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more`);
  return lines.join('\n');
}
