import { describe, expect, it } from 'vitest';
import { parseCli, usage } from './cli-options.js';
import { SCENARIOS } from './scenarios/index.js';

describe('bench command line', () => {
  it('lists every scenario id in --help', () => {
    const text = usage(SCENARIOS.map((scenario) => scenario.id));
    for (const scenario of SCENARIOS) expect(text).toContain(scenario.id);
  });

  it('splits server and generator flags into separate argv lists', () => {
    const cli = parseCli(['--server-flags=--trace-deopt --max-old-space-size=512', '--generator-flags=--cpu-prof --cpu-prof-dir=prof']);
    expect(cli.bench.serverExecArgv).toEqual(['--trace-deopt', '--max-old-space-size=512']);
    expect(cli.bench.generatorExecArgv).toEqual(['--cpu-prof', '--cpu-prof-dir=prof']);
  });

  it('profiles servers into an absolute folder with --cpu-prof', () => {
    const cli = parseCli(['--cpu-prof', 'prof']);
    expect(cli.bench.serverExecArgv[0]).toBe('--cpu-prof');
    expect(cli.bench.serverExecArgv[1]).toMatch(/^--cpu-prof-dir=\/.*prof$/);
  });

  it('rejects bad numbers with a typed error', () => {
    expect(() => parseCli(['--rounds', '0'])).toThrow(RangeError);
    expect(() => parseCli(['--window-ms', 'soon'])).toThrow(RangeError);
  });
});
