import type { MetricSpec } from '../scenarios/types.js';
import type { Summary } from '../stats/summary.js';
import type { MachineInfo } from './machine.js';

export interface SubjectResult {
  subject: string;
  metrics: Record<string, Summary>;
  /** Failed rounds, with the error; their metrics are missing from the summaries. */
  errors: string[];
}

export interface CaseResult {
  label: string;
  subjects: SubjectResult[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  description: string;
  rounds: number;
  metrics: readonly MetricSpec[];
  cases: CaseResult[];
}

export interface SuiteResult {
  machine: MachineInfo;
  mode: 'full' | 'quick' | 'smoke';
  /** Client used against each system. */
  clients: Record<string, string>;
  startedAt: string;
  durationMs: number;
  scenarios: ScenarioResult[];
}
