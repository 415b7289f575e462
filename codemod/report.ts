import type { ApiId } from './api.js';
import type { FileOutcome, FileResult } from './transform-file.js';
import type { SiteRecord, SiteStatus } from './types.js';

export type StatusCounts = Record<SiteStatus, number>;

export interface FileReport {
  readonly path: string;
  readonly outcome: FileOutcome;
  readonly sites: readonly SiteRecord[];
  readonly error?: string;
  /** Unified diff of the file (with `--dry`). */
  readonly diff?: string;
}

export interface CodemodReport {
  readonly files: readonly FileReport[];
  readonly totals: {
    readonly files: Record<FileOutcome, number>;
    readonly sites: StatusCounts;
  };
  /** Sites per API-map ID. */
  readonly ids: Partial<Record<ApiId, StatusCounts>>;
}

function emptyCounts(): StatusCounts {
  return { converted: 0, todo: 0, skipped: 0, error: 0 };
}

export function buildReport(results: readonly (FileResult & { readonly relativePath: string; readonly diff?: string })[]): CodemodReport {
  const files: FileReport[] = [];
  const fileTotals: Record<FileOutcome, number> = { ok: 0, unchanged: 0, skipped: 0, error: 0 };
  const siteTotals = emptyCounts();
  const ids: Partial<Record<ApiId, StatusCounts>> = {};
  for (const result of results) {
    fileTotals[result.outcome] += 1;
    for (const site of result.sites) {
      siteTotals[site.status] += 1;
      const counts = (ids[site.id] ??= emptyCounts());
      counts[site.status] += 1;
    }
    files.push({
      path: result.relativePath,
      outcome: result.outcome,
      sites: result.sites,
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.diff === undefined ? {} : { diff: result.diff }),
    });
  }
  return { files, totals: { files: fileTotals, sites: siteTotals }, ids };
}

/** 0 all converted, 1 a file failed, 3 TODOs remain (errors win over TODOs). */
export function exitCodeOf(report: CodemodReport): number {
  if (report.totals.files.error > 0) return 1;
  if (report.totals.sites.todo > 0) return 3;
  return 0;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

/** The human summary printed at the end of a run. */
export function formatSummary(report: CodemodReport): string {
  const { files, sites } = report.totals;
  const lines = [
    `files: ${files.ok} changed, ${files.unchanged} unchanged, ${files.skipped} skipped (no legacy API), ${files.error} failed`,
    `sites: ${sites.converted} converted, ${sites.todo} TODO, ${sites.skipped} skipped, ${sites.error} failed`,
  ];
  const ids = Object.entries(report.ids).sort(([a], [b]) => a.localeCompare(b));
  if (ids.length > 0) {
    lines.push('', table([['API-map ID', 'converted', 'todo', 'skipped', 'error'], ...ids.map(([id, c]) => [id, String(c.converted), String(c.todo), String(c.skipped), String(c.error)])]));
  }
  const failed = report.files.filter((file) => file.outcome === 'error');
  if (failed.length > 0) lines.push('', 'failed files:', ...failed.map((file) => `  ${file.path}: ${file.error ?? 'unknown error'}`));
  const todos = report.files.flatMap((file) => file.sites.filter((site) => site.status === 'todo').map((site) => `  ${file.path}:${site.line}  ${site.id}`));
  if (todos.length > 0) lines.push('', 'TODO(resignal) left:', ...todos);
  return `${lines.join('\n')}\n`;
}
