import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { dtmfExtra, encodeCallSignal, inviteMessageParts } from '../shim/call-signal.js';
import { flatHelperSource } from './flat-helpers.js';
import { webHelperSource } from './web-helpers.js';
import type { WebHelperName } from './web-helpers.js';

/** The emitted JavaScript helpers, evaluated together; `expression` is the value returned. */
function emitted<T>(names: readonly WebHelperName[], extra: string, expression: string): T {
  return runInNewContext(`${names.map((name) => webHelperSource(name, false)).join('\n')}\n${extra}\n${expression};`) as T;
}

const CALLS = [
  { channel: 'room-1', extra: '' },
  { channel: 'room-1', extra: '{"ok":1}' },
  { channel: 'room_2', extra: 'bye' },
  { channel: 'room', extra: 'a_b' },
];

// Sending and reading in-call messages (sendLegacyCallMessage, onLegacyCallMessage) against the shim run for real in
// compat-tests/scenarios/call-dtmf.scenario.mjs (converted and mixed fleets).
describe("the emitted call-signal helpers speak the shim's call signals (one table in the API map)", () => {
  test('legacyCallEndText / parseLegacyCallEnd = the shim hang-up signal, both ways', () => {
    const encode = emitted<(channel: string, extra: string) => string>(['legacyCallEndText'], '', 'legacyCallEndText');
    const parse = emitted<(text: string) => unknown>(['parseLegacyCallEnd'], '', 'parseLegacyCallEnd');
    for (const call of CALLS) {
      expect(encode(call.channel, call.extra)).toBe(encodeCallSignal({ kind: 'end', ...call }));
      expect(parse(encodeCallSignal({ kind: 'end', ...call }))).toEqual(call);
    }
  });

  test('flatCallMessageParts = the msgType and msgData the flat shim passes to onInviteMsg', () => {
    const parts = runInNewContext(`${flatHelperSource('flatCallMessageParts', false)}\nflatCallMessageParts;`) as (extra: string) => string[];
    for (const extra of [dtmfExtra('1#'), dtmfExtra(5), '{"msgtype":"x"}', 'not json', 'null']) {
      const { msgType, msgData } = inviteMessageParts(extra);
      expect(parts(extra)).toEqual([msgType, msgData]);
    }
  });
});
