/**
 * The compat check of one scenario file: run it on the shim (the reference), converted by the codemod on the
 * native client, and as its hand-written native twin when one exists; compare the traces.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffTraces, renderDiff, type TraceDifference } from './compare.js';
import { convertScenario } from './convert.js';
import type { Side } from './messages.js';
import { runScenario, type RoleAssignment, type RunResult } from './runner.js';
import type { ScenarioModule } from './scenario.js';

// Inside the package, so the converted code's `import AgoraRTM from 'resignal'` resolves to this package.
const CONVERTED_DIR = fileURLToPath(new URL('../.converted', import.meta.url));

export interface SideRun {
  label: string;
  result: RunResult;
  differences: TraceDifference[];
}

export interface ScenarioReport {
  name: string;
  file: string;
  reference: RunResult;
  runs: SideRun[];
  /** API-map IDs the codemod left as TODO in this scenario. */
  todos: string[];
  ok: boolean;
  summary: string;
}

export function nativeTwinOf(file: string): string | undefined {
  const twin = file.replace(/\.scenario\.(m?js)$/, '.native.$1');
  return twin !== file && existsSync(twin) ? twin : undefined;
}

async function loadScenario(file: string): Promise<ScenarioModule> {
  return ((await import(file)) as { default: ScenarioModule }).default;
}

function assign(roles: string[], pick: (role: string, index: number) => RoleAssignment): Record<string, RoleAssignment> {
  return Object.fromEntries(roles.map((role, i) => [role, pick(role, i)]));
}

/**
 * Runs `file` on the shim, converted, native twin (if any), and two mixed fleets (alternating roles between
 * the shim and the converted code), and compares every run with the shim run.
 */
export async function checkScenario(file: string, options: { mixed?: boolean; timeoutMs?: number } = {}): Promise<ScenarioReport> {
  const scenario = await loadScenario(file);
  const roles = Object.keys(scenario.roles);
  const name = scenario.name;
  const sides = new Set(scenario.sides ?? ['shim', 'converted', 'native']);
  const conversion = convertScenario(file, join(CONVERTED_DIR, dirname(file).replace(/[/\\:]/g, '_')));
  const modules: Record<Side, string | undefined> = { shim: file, converted: conversion.path, native: nativeTwinOf(file) };
  const on = (side: Side): Record<string, RoleAssignment> => assign(roles, () => ({ side, module: modules[side] ?? file }));
  const run = (roleSides: Record<string, RoleAssignment>): Promise<RunResult> => runScenario({ roles: roleSides, timeoutMs: options.timeoutMs });

  const reference = await run(on('shim'));
  const plans: [string, Record<string, RoleAssignment>][] = [];
  if (sides.has('converted')) plans.push(['converted', on('converted')]);
  if (modules.native && sides.has('native')) plans.push(['native twin', on('native')]);
  // Mixed fleets: roles alternate between the legacy shim and native code (converted, else the native twin).
  const nativeSide: Side | undefined = sides.has('converted') ? 'converted' : modules.native && sides.has('native') ? 'native' : undefined;
  if ((options.mixed ?? true) && roles.length > 1 && nativeSide) {
    const mixed = (first: Side, second: Side): Record<string, RoleAssignment> =>
      assign(roles, (_role, i) => {
        const side = i % 2 === 0 ? first : second;
        return { side, module: modules[side] ?? file };
      });
    plans.push([`mixed shim/${nativeSide}`, mixed('shim', nativeSide)], [`mixed ${nativeSide}/shim`, mixed(nativeSide, 'shim')]);
  }
  const runs: SideRun[] = [];
  if (scenario.expected) {
    runs.push({ label: 'expected', result: { traces: scenario.expected, usage: {}, errors: {} }, differences: diffTraces(reference.traces, scenario.expected) });
  } else if (!sides.has('converted') && !modules.native) {
    throw new Error(`${file}: a scenario that does not run converted needs a native twin or an \`expected\` trace`);
  }
  for (const [label, plan] of plans) {
    const result = await run(plan);
    runs.push({ label, result, differences: diffTraces(reference.traces, result.traces) });
  }
  const errors = [reference, ...runs.map((r) => r.result)].flatMap((r) => Object.entries(r.errors).map(([role, e]) => `${role}: ${e}`));
  const ok = errors.length === 0 && runs.every((r) => r.differences.length === 0);
  const summary = [
    `${name} (${file})`,
    ...errors.map((e) => `  error: ${e}`),
    ...runs.map((r) => `  ${r.label}: ${renderDiff(['shim', r.label], r.differences)}`),
  ].join('\n');
  return { name, file, reference, runs, todos: conversion.todos, ok, summary };
}
