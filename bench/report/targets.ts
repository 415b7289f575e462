/** The targets, checked against a run: a subject's median (resignal's unless named) against a baseline's. */
import { LATENCY_AT_LOAD_P99_MS } from '../scenarios/latency-at-load.js';
import type { SuiteResult } from './types.js';

interface Target {
  scenario: string;
  metric: string;
  label: string;
  /** The subject held to the target; 'resignal' when absent. */
  subject?: string;
  baseline: string;
  /** resignal / baseline must be ≤ max (lower is better) or ≥ min (higher is better). */
  max?: number;
  min?: number;
  goal?: number;
}

const TARGETS: readonly Target[] = [
  { scenario: 'fanout', metric: 'serverCpuMicrosPerDelivery', label: 'server CPU per delivery', baseline: 'raw-ws', max: 1, goal: 0.5 },
  { scenario: 'fanout', metric: 'deliveriesPerSec', label: 'deliveries/s', baseline: 'raw-ws', min: 0.8 },
  { scenario: 'peer', metric: 'serverCpuMicrosPerMessage', label: 'server CPU per message', baseline: 'socket.io', max: 1 },
  { scenario: 'peer', metric: 'messagesPerSec', label: 'messages/s', baseline: 'socket.io', min: 1 },
  { scenario: 'idle', metric: 'rssKBPerClient', label: 'RSS per connection', baseline: 'raw-ws', max: 1.5 },
  { scenario: 'idle', metric: 'heapKBPerClient', label: 'heap per connection', baseline: 'raw-ws', max: 1.5 },
  { scenario: 'shim-overhead', metric: 'clientCpuMicrosPerMessage', label: 'client CPU per message', subject: 'shim', baseline: 'native', max: 1.1 },
  { scenario: 'shim-overhead', metric: 'clientUserCpuMicrosPerMessage', label: 'client user-space CPU per message', subject: 'shim', baseline: 'native', max: 1.1 },
  { scenario: 'codemod-throughput', metric: 'filesPerSec', label: 'files/s', baseline: 'jscodeshift-noop', min: 1 },
];

/** Bounds on resignal's own figure (no baseline). */
const LIMITS: readonly { scenario: string; metric: string; label: string; unit: string; below: number }[] = [
  { scenario: 'latency-at-load', metric: 'p99Ms', label: 'p99 latency at 70% of saturation', unit: 'ms', below: LATENCY_AT_LOAD_P99_MS },
];

const fmt = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));

export function targetLines(result: SuiteResult): string[] {
  const lines: string[] = [];
  for (const target of TARGETS) {
    const scenario = result.scenarios.find((s) => s.id === target.scenario);
    for (const benchCase of scenario?.cases ?? []) {
      const median = (system: string): number => benchCase.subjects.find((s) => s.subject === system)?.metrics[target.metric]?.median ?? Number.NaN;
      const subject = target.subject ?? 'resignal';
      const ours = median(subject);
      const theirs = median(target.baseline);
      const ratio = ours / theirs;
      if (!Number.isFinite(ratio)) continue;
      const met = target.max !== undefined ? ratio <= target.max : ratio >= (target.min ?? 0);
      const bound = target.max !== undefined ? `≤ ${target.max}×` : `≥ ${target.min ?? 0}×`;
      const goal = target.goal === undefined ? '' : `, goal ≤ ${target.goal}×${ratio <= target.goal ? ' (reached)' : ''}`;
      lines.push(
        `- ${met ? 'met' : '**missed**'}: ${scenario!.title} ${benchCase.label}, ${target.label}: ${subject} ${fmt(ours)} vs ${target.baseline} ${fmt(theirs)} = ${ratio.toFixed(2)}× (target ${bound}${goal})`,
      );
    }
  }
  for (const limit of LIMITS) {
    const scenario = result.scenarios.find((s) => s.id === limit.scenario);
    for (const benchCase of scenario?.cases ?? []) {
      const value = benchCase.subjects.find((s) => s.subject === 'resignal')?.metrics[limit.metric]?.median ?? Number.NaN;
      if (!Number.isFinite(value)) continue;
      lines.push(`- ${value < limit.below ? 'met' : '**missed**'}: ${scenario!.title} ${benchCase.label}, ${limit.label}: resignal ${fmt(value)} ${limit.unit} (target < ${limit.below} ${limit.unit})`);
    }
  }
  return lines;
}
