import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_MAP_BY_ID } from './api-map.js';
import {
  configureDeprecations,
  deprecationMode,
  formatLegacyWarning,
  getLegacyUsageCount,
  getLegacyUsageReport,
  onLegacyWarning,
  resetDeprecationConfig,
  resetLegacyUsage,
  warnLegacy,
  type LegacyWarning,
} from './deprecation.js';

interface Captured {
  readonly warns: string[];
  readonly traces: string[];
}

let out: Captured;

beforeEach(() => {
  out = { warns: [], traces: [] };
  resetLegacyUsage();
  resetDeprecationConfig();
  configureDeprecations({ sink: { warn: (m) => out.warns.push(m), trace: (m) => out.traces.push(m) } });
});

afterEach(() => {
  resetLegacyUsage();
  resetDeprecationConfig();
});

describe('warnLegacy', () => {
  it('warns once per ID with the ID, the warning and the docs link', () => {
    warnLegacy('SIG_MESSAGE_INSTANT_SEND');
    warnLegacy('SIG_MESSAGE_INSTANT_SEND');
    warnLegacy('SIG_LOGIN');
    expect(out.warns).toEqual([formatLegacyWarning('SIG_MESSAGE_INSTANT_SEND'), formatLegacyWarning('SIG_LOGIN')]);
    const entry = API_MAP_BY_ID.SIG_MESSAGE_INSTANT_SEND;
    expect(out.warns[0]).toBe(`[resignal] SIG_MESSAGE_INSTANT_SEND: ${entry.warning} See docs/api-map.md#sig_message_instant_send`);
  });

  it('counts every use, silenced ones included', () => {
    configureDeprecations({ mode: 'silent' });
    for (let i = 0; i < 3; i++) warnLegacy('SIG_CHANNEL_JOIN');
    expect(out.warns).toEqual([]);
    expect(getLegacyUsageCount('SIG_CHANNEL_JOIN')).toBe(3);
    expect(getLegacyUsageCount('SIG_LOGIN')).toBe(0);
  });

  it('traces every use in trace mode', () => {
    configureDeprecations({ ids: { SIG_LOGOUT: 'trace' } });
    warnLegacy('SIG_LOGOUT');
    warnLegacy('SIG_LOGOUT');
    expect(out.traces).toEqual([formatLegacyWarning('SIG_LOGOUT'), formatLegacyWarning('SIG_LOGOUT')]);
    expect(out.warns).toEqual([]);
  });

  it('lets a per-ID mode override the global mode, and merges later per-ID settings', () => {
    configureDeprecations({ mode: 'silent', ids: { SIG_LOGIN: 'warn' } });
    configureDeprecations({ ids: { SIG_LOGOUT: 'trace' } });
    expect(deprecationMode('SIG_LOGIN')).toBe('warn');
    expect(deprecationMode('SIG_LOGOUT')).toBe('trace');
    expect(deprecationMode('SIG_CHANNEL_JOIN')).toBe('silent');
    warnLegacy('SIG_CHANNEL_JOIN');
    warnLegacy('SIG_LOGIN');
    expect(out.warns).toEqual([formatLegacyWarning('SIG_LOGIN')]);
  });

  it('warns later if an ID used while silenced is switched back to warn', () => {
    configureDeprecations({ ids: { SIG_LOGIN: 'silent' } });
    warnLegacy('SIG_LOGIN');
    configureDeprecations({ ids: { SIG_LOGIN: 'warn' } });
    warnLegacy('SIG_LOGIN');
    expect(out.warns).toEqual([formatLegacyWarning('SIG_LOGIN')]);
  });

  it('uses a configured docs base in links', () => {
    configureDeprecations({ docsBase: 'https://example.test/api-map' });
    warnLegacy('SIG_LOGIN');
    expect(out.warns[0]).toMatch(/See https:\/\/example\.test\/api-map#sig_login$/);
  });
});

describe('usage report', () => {
  it('lists used IDs by count, most used first, with RTM counterpart and support', () => {
    warnLegacy('SIG_LOGIN');
    for (let i = 0; i < 3; i++) warnLegacy('SIG_MESSAGE_INSTANT_SEND');
    warnLegacy('SIG_CHANNEL_JOIN');
    warnLegacy('SIG_CHANNEL_JOIN');
    expect(getLegacyUsageReport()).toEqual([
      { id: 'SIG_MESSAGE_INSTANT_SEND', count: 3, rtm: API_MAP_BY_ID.SIG_MESSAGE_INSTANT_SEND.rtm, support: 'native' },
      { id: 'SIG_CHANNEL_JOIN', count: 2, rtm: API_MAP_BY_ID.SIG_CHANNEL_JOIN.rtm, support: 'native' },
      { id: 'SIG_LOGIN', count: 1, rtm: API_MAP_BY_ID.SIG_LOGIN.rtm, support: 'native' },
    ]);
  });

  it('resetLegacyUsage clears counts and lets each ID warn again', () => {
    warnLegacy('SIG_LOGIN');
    resetLegacyUsage();
    expect(getLegacyUsageReport()).toEqual([]);
    warnLegacy('SIG_LOGIN');
    expect(out.warns).toHaveLength(2);
  });
});

describe('onLegacyWarning', () => {
  it('receives each emitted warning by ID until disposed', () => {
    const seen: LegacyWarning[] = [];
    const dispose = onLegacyWarning((w) => seen.push(w));
    warnLegacy('SIG_LOGIN');
    warnLegacy('SIG_LOGIN');
    dispose();
    warnLegacy('SIG_LOGOUT');
    expect(seen).toEqual([{ id: 'SIG_LOGIN', message: formatLegacyWarning('SIG_LOGIN'), mode: 'warn', count: 1 }]);
  });

  it('is not called for silenced uses, and on every use in trace mode', () => {
    const seen: string[] = [];
    const dispose = onLegacyWarning((w) => seen.push(`${w.id}:${w.count}`));
    configureDeprecations({ ids: { SIG_LOGIN: 'silent', SIG_LOGOUT: 'trace' } });
    warnLegacy('SIG_LOGIN');
    warnLegacy('SIG_LOGOUT');
    warnLegacy('SIG_LOGOUT');
    dispose();
    expect(seen).toEqual(['SIG_LOGOUT:1', 'SIG_LOGOUT:2']);
  });

  it('disposes each subscription independently, even of the same function, and tolerates double dispose', () => {
    const seen: string[] = [];
    const listener = (w: LegacyWarning): void => {
      seen.push(w.id);
    };
    const first = onLegacyWarning(listener);
    const second = onLegacyWarning(listener);
    first();
    first();
    warnLegacy('SIG_LOGIN');
    second();
    warnLegacy('SIG_LOGOUT');
    expect(seen).toEqual(['SIG_LOGIN']);
  });

  it('lets a listener dispose itself while being called', () => {
    const seen: string[] = [];
    const dispose = onLegacyWarning((w) => {
      seen.push(w.id);
      dispose();
    });
    warnLegacy('SIG_LOGIN');
    warnLegacy('SIG_LOGOUT');
    expect(seen).toEqual(['SIG_LOGIN']);
  });
});

describe('default sink', () => {
  it('writes to console.warn', () => {
    resetDeprecationConfig();
    const original = console.warn;
    const lines: unknown[] = [];
    console.warn = (...args: unknown[]) => {
      lines.push(...args);
    };
    try {
      warnLegacy('SIG_SIGNAL');
    } finally {
      console.warn = original;
    }
    expect(lines).toEqual([formatLegacyWarning('SIG_SIGNAL')]);
  });
});
