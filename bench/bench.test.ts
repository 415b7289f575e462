/**
 * Keeps the suite from rotting: every scenario at a tiny size against every system, checking counts only
 * (every message delivered, every login done). No timing assertions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChildren } from './build-children.js';
import type { BenchOptions } from './context.js';
import { runBench } from './harness.js';
import type { ScenarioResult, SuiteResult } from './report/types.js';
import { renderMarkdown } from './report/markdown.js';
import { SCENARIOS } from './scenarios/index.js';

let childDir = '';
let lean: SuiteResult;
let sdk: SuiteResult;

const smoke = (overrides: Partial<BenchOptions> = {}): BenchOptions => ({
  quick: false,
  smoke: true,
  rounds: 1,
  only: [],
  subjects: [],
  serverExecArgv: [],
  generatorExecArgv: [],
  clientOverride: {},
  ...overrides,
});

function median(scenario: ScenarioResult | undefined, system: string, metric: string): number {
  const subject = scenario?.cases[0]?.subjects.find((s) => s.subject === system);
  expect(subject?.errors).toEqual([]);
  return subject?.metrics[metric]?.median ?? Number.NaN;
}

beforeAll(async () => {
  // Inside the repository so the bundles resolve node_modules.
  await rm(path.resolve('node_modules/.cache/resignal-bench'), { recursive: true, force: true });
  childDir = await mkdtemp(path.resolve('node_modules/.cache/resignal-bench-'));
  await buildChildren(childDir);
  [lean, sdk] = await Promise.all([
    runBench(SCENARIOS, smoke(), { childDir }),
    runBench(SCENARIOS, smoke({ only: ['fanout', 'peer'], clientOverride: { resignal: 'resignal-sdk' } }), { childDir }),
  ]);
}, 120_000);

afterAll(async () => {
  if (childDir) await rm(childDir, { recursive: true, force: true });
});

describe.each(['resignal', 'raw-ws', 'socket.io'])('%s', (system) => {
  const scenario = (id: string): ScenarioResult | undefined => lean.scenarios.find((s) => s.id === id);

  it('fan-out delivers every message to every subscriber', () => {
    const fanout = scenario('fanout');
    expect(median(fanout, system, 'published')).toBe(20);
    expect(median(fanout, system, 'deliveries')).toBe(20 * 5);
    expect(median(fanout, system, 'lost')).toBe(0);
  });

  it('peer round-trips are all delivered and acknowledged', () => {
    const peer = scenario('peer');
    expect(median(peer, system, 'acked')).toBe(3 * 2 * 20);
    expect(median(peer, system, 'received')).toBe(3 * 2 * 20);
    expect(median(peer, system, 'errors')).toBe(0);
  });

  it('latency at load: every paced peer message is acknowledged', () => {
    const latency = scenario('latency-at-load');
    expect(median(latency, system, 'sent')).toBe(3 * 2 * 20);
    expect(median(latency, system, 'acked')).toBe(3 * 2 * 20);
    expect(median(latency, system, 'errors')).toBe(0);
  });

  it('idle connections and the login storm log every client in', () => {
    expect(median(scenario('idle'), system, 'clients')).toBe(5);
    expect(median(scenario('login-storm'), system, 'loggedIn')).toBe(5);
    expect(median(scenario('login-storm'), system, 'failed')).toBe(0);
  });
});

it("resignal's real client passes the fan-out and peer scenarios", () => {
  const scenario = (id: string): ScenarioResult | undefined => sdk.scenarios.find((s) => s.id === id);
  expect(sdk.clients['resignal']).toBe('resignal-sdk');
  expect(median(scenario('fanout'), 'resignal', 'deliveries')).toBe(20 * 5);
  expect(median(scenario('peer'), 'resignal', 'acked')).toBe(3 * 2 * 20);
});

describe('shim overhead', () => {
  const shim = (): ScenarioResult | undefined => lean.scenarios.find((s) => s.id === 'shim-overhead');
  const byCase = (index: number): ScenarioResult | undefined => {
    const scenario = shim();
    return scenario && { ...scenario, cases: scenario.cases.slice(index, index + 1) };
  };

  it.each(['native', 'shim'])('%s: every peer message is acknowledged', (subject) => {
    expect(median(byCase(0), subject, 'messages')).toBe(3 * 2 * 20);
    expect(median(byCase(0), subject, 'failed')).toBe(0);
  });

  it.each(['native', 'shim'])('%s: every channel message reaches every other member', (subject) => {
    // 2 publishers × 20 messages, each to 5 subscribers and the other publisher.
    expect(median(byCase(1), subject, 'messages')).toBe(2 * 20 * 6);
    expect(median(byCase(1), subject, 'failed')).toBe(0);
  });

  it('reports the extra CPU against the native client', () => {
    expect(renderMarkdown(lean)).toMatch(/\| peer, P=3 \| shim \|.*\| [+−][\d.]+ % \|/);
  });
});

describe('codemod throughput', () => {
  const codemod = (): ScenarioResult | undefined => lean.scenarios.find((s) => s.id === 'codemod-throughput');

  it('resignal converts exactly the legacy files of the tree, without errors', () => {
    expect(median(codemod(), 'resignal', 'files')).toBe(100);
    expect(median(codemod(), 'resignal', 'changed')).toBe(2);
    expect(median(codemod(), 'resignal', 'errors')).toBe(0);
  });

  it('jscodeshift sees the same files and changes none', () => {
    expect(median(codemod(), 'jscodeshift-noop', 'files')).toBe(100);
    expect(median(codemod(), 'jscodeshift-noop', 'changed')).toBe(0);
    expect(median(codemod(), 'jscodeshift-noop', 'errors')).toBe(0);
  });
});

it('renders a table per scenario', () => {
  const markdown = renderMarkdown(lean);
  for (const scenario of SCENARIOS) expect(markdown).toContain(`### ${scenario.title}`);
});
