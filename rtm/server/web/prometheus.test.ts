import { describe, expect, it } from 'vitest';
import { labelled, renderPrometheus } from './prometheus.js';
import { RateWindow } from './rate-window.js';

describe('renderPrometheus', () => {
  it('writes HELP and TYPE for every family, escapes label values, and sorts labelled samples', () => {
    const text = renderPrometheus([
      { name: 'a_total', help: 'Line one\nline two \\ end', type: 'counter', samples: labelled('code', new Map([['B', 2], ['A', 1]])) },
      { name: 'b', help: 'A gauge.', type: 'gauge', samples: [{ labels: { v: 'say "hi"\\\n' }, value: 1.5 }] },
      { name: 'c_total', help: 'Nothing yet.', type: 'counter', samples: [] },
    ]);
    expect(text).toBe(
      [
        '# HELP a_total Line one\\nline two \\\\ end',
        '# TYPE a_total counter',
        'a_total{code="A"} 1',
        'a_total{code="B"} 2',
        '# HELP b A gauge.',
        '# TYPE b gauge',
        'b{v="say \\"hi\\"\\\\\\n"} 1.5',
        '# HELP c_total Nothing yet.',
        '# TYPE c_total counter',
        '',
      ].join('\n'),
    );
  });
});

describe('RateWindow', () => {
  it('averages the last complete seconds and forgets older ones', () => {
    let now = 1_000_000;
    const window = new RateWindow(() => now, 10);
    window.add(9);
    now += 1000;
    expect(window.perSecond()).toBe(1);
    window.add(100); // the current second does not count yet
    expect(window.perSecond()).toBe(1);
    now += 1000;
    expect(window.perSecond()).toBeCloseTo(109 / 9);
    now += 20_000;
    expect(window.perSecond()).toBe(0);
  });
});
