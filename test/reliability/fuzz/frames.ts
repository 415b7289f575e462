/**
 * fast-check arbitraries of client frames: well-formed ones (every request and notice type with plausible and
 * edge-case fields), and hostile derivatives (mutated JSON, truncated and bit-flipped bytes, lying binary
 * headers). Nothing here knows the server: the same frames feed the pure decoder and a real socket.
 */
import fc from 'fast-check';
import { encodeFrame } from '../../../rtm/protocol/codec.js';
import { REQUEST_TYPES, type ClientFrame, type RequestType } from '../../../rtm/protocol/frames.js';

export type WireData = string | Uint8Array;

/** Request types a fuzzing connection may send: `logout` is left out so one lucky frame cannot end the run. */
export const FUZZ_REQUEST_TYPES = REQUEST_TYPES.filter((t) => t !== 'logout');

const loneSurrogate = fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\ude00b');
const id = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('fz-a', 'fz-b', 'fz-c', 'room', 'lobby', 'null', '', ' ', 'x'.repeat(64), 'y'.repeat(65)) },
  { weight: 3, arbitrary: fc.string({ maxLength: 70 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const shortText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), loneSurrogate);
const requestId = fc.oneof(fc.nat({ max: 50 }), fc.constantFrom(-1, 0, 2 ** 53, 1.5, Number.MAX_SAFE_INTEGER));
const bytes = fc.uint8Array({ maxLength: 64 });

const message = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('TEXT' as const), text: shortText }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('TEXT' as const), text: fc.constantFrom('z'.repeat(32 * 1024 + 1), 'é'.repeat(16 * 1024 + 1)) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('RAW' as const), description: shortText, data: bytes }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('FILE' as const),
      mediaId: shortText,
      size: fc.nat(),
      fileName: shortText,
      description: shortText,
      thumbnail: fc.option(bytes, { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('IMAGE' as const),
      mediaId: shortText,
      size: fc.nat(),
      fileName: shortText,
      description: shortText,
      width: fc.nat(),
      height: fc.nat(),
      thumbnailWidth: fc.nat(),
      thumbnailHeight: fc.nat(),
    }),
  },
);

const idList = fc.array(id, { maxLength: 40 });
const attrs = fc.dictionary(fc.string({ maxLength: 40 }), fc.string({ maxLength: 100 }), { maxKeys: 40 });
const metaItems = fc.array(fc.record({ key: shortText, value: fc.option(shortText, { nil: null }), rev: fc.integer({ min: -2, max: 5 }) }), { maxLength: 5 });
const signal = fc.record({
  kind: fc.constantFrom('invite', 'accept', 'accept-ack', 'refuse', 'cancel'),
  callId: shortText,
  channel: shortText,
  extra: fc.oneof(shortText, fc.constant('e'.repeat(9000))),
});

/** The fields of each request type (without `t` and `id`). */
const REQUEST_FIELDS: Record<RequestType, fc.Arbitrary<object>> = {
  login: fc.record(
    { v: fc.constantFrom(1, 1, 1, 2, 0), appId: fc.constantFrom('0123456789abcdef0123456789abcdef', 'short', 'fedcba9876543210fedcba9876543210'), uid: id, token: shortText, instance: shortText, resume: shortText },
    { requiredKeys: ['v', 'appId', 'uid', 'instance'] },
  ),
  logout: fc.constant({}),
  'peer.send': fc.record({ to: id, msg: message, offline: fc.boolean(), history: fc.boolean() }, { requiredKeys: ['to', 'msg'] }),
  'call.send': fc.record({ to: id, signal }),
  'ch.join': fc.record({ ch: id }),
  'ch.leave': fc.record({ ch: id }),
  'ch.send': fc.record({ ch: id, msg: message, history: fc.boolean() }, { requiredKeys: ['ch', 'msg'] }),
  'ch.members': fc.record({ ch: id }),
  'ch.count': fc.record({ chs: idList }),
  'status.query': fc.record({ uids: fc.oneof(idList, fc.array(id, { minLength: 257, maxLength: 260 })) }),
  'status.sub': fc.record({ uids: idList }),
  'status.unsub': fc.record({ uids: idList }),
  'token.renew': fc.record({ token: shortText }),
  'uattr.write': fc.record({ op: fc.constantFrom('set', 'merge', 'delete', 'clear', 'bogus'), attrs, keys: fc.array(shortText, { maxLength: 40 }) }, { requiredKeys: ['op'] }),
  'uattr.get': fc.record({ uid: id, keys: fc.array(shortText, { maxLength: 40 }) }, { requiredKeys: ['uid'] }),
  'cattr.write': fc.record(
    { ch: id, op: fc.constantFrom('set', 'merge', 'delete', 'clear'), attrs, keys: fc.array(shortText, { maxLength: 40 }), notify: fc.boolean() },
    { requiredKeys: ['ch', 'op'] },
  ),
  'cattr.get': fc.record({ ch: id, keys: fc.array(shortText, { maxLength: 40 }) }, { requiredKeys: ['ch'] }),
  'meta.write': fc.record(
    { ch: id, op: fc.constantFrom('set', 'add', 'update', 'delete', 'clear'), items: metaItems, major: fc.integer({ min: -1, max: 3 }), recordTs: fc.boolean(), recordUser: fc.boolean() },
    { requiredKeys: ['op', 'items', 'major'] },
  ),
  'meta.get': fc.record({ uid: id, ch: id }, { requiredKeys: [] }),
  'meta.sub': fc.record({ uid: id }),
  'meta.unsub': fc.record({ uid: id }),
  'media.ticket': fc.constant({}),
};

const requestType = fc.constantFrom(...FUZZ_REQUEST_TYPES);

/** A frame built from the protocol's own shapes: mostly valid, with edge-case values the handlers must refuse. */
export const wellFormedFrame: fc.Arbitrary<ClientFrame> = fc.oneof(
  { weight: 10, arbitrary: requestType.chain((t) => fc.tuple(requestId, REQUEST_FIELDS[t]).map(([rid, fields]) => ({ ...fields, t, id: rid }) as unknown as ClientFrame)) },
  { weight: 1, arbitrary: fc.constant<ClientFrame>({ t: 'ping' }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('peer.ack' as const), mid: shortText }) },
);

/** Replaces, deletes or adds one field of a frame object with an arbitrary JSON value. */
const fieldMutation = fc.record({
  action: fc.constantFrom('replace', 'delete', 'add', 'type'),
  pick: fc.nat(),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, [], {}, '__proto__', 1e308, -0)),
  newType: fc.oneof(fc.constantFrom(...REQUEST_TYPES.filter((t) => t !== 'logout'), 'ping', 'peer.ack', 'res', 'err', 'pong', 'kick', 'constructor', '__proto__', 'toString'), fc.string({ maxLength: 12 })),
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 't', 'msg', 'data'), fc.string({ maxLength: 8 })),
});

type FieldMutation = { action: string; pick: number; value: unknown; newType: string; key: string };

function mutateObject(frame: ClientFrame, m: FieldMutation): string {
  const record = JSON.parse(JSON.stringify(frame, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v))) as Record<string, unknown>;
  const keys = Object.keys(record);
  const target = keys[m.pick % Math.max(1, keys.length)] ?? 't';
  if (m.action === 'replace') record[target] = m.value;
  else if (m.action === 'delete') delete record[target];
  else if (m.action === 'add') record[m.key] = m.value;
  else record['t'] = m.newType === 'logout' ? 'ping' : m.newType;
  // `__proto__` as an own key must survive to the wire: build the text by hand for that case.
  if (m.action === 'add' && m.key === '__proto__') {
    const { __proto__: _ignored, ...rest } = record;
    const body = JSON.stringify(rest);
    return `{"__proto__":${JSON.stringify(m.value)}${body === '{}' ? '}' : `,${body.slice(1)}`}`;
  }
  return JSON.stringify(record);
}

const asBytes = (data: WireData): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** Byte-level damage: truncation, bit flips, inserted and deleted runs. */
const byteMutation = fc.record({
  kind: fc.constantFrom('truncate', 'flip', 'insert', 'delete'),
  at: fc.nat(),
  run: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  asBinary: fc.boolean(),
});

function damage(data: WireData, m: { kind: string; at: number; run: Uint8Array; asBinary: boolean }): WireData {
  const input = asBytes(data);
  const at = input.byteLength === 0 ? 0 : m.at % input.byteLength;
  let out: Uint8Array;
  if (m.kind === 'truncate') out = input.slice(0, at);
  else if (m.kind === 'flip') {
    out = input.slice();
    for (let i = 0; i < m.run.length && at + i < out.length; i++) out[at + i]! ^= m.run[i]!;
  } else if (m.kind === 'insert') out = new Uint8Array([...input.slice(0, at), ...m.run, ...input.slice(at)]);
  else out = new Uint8Array([...input.slice(0, at), ...input.slice(at + m.run.length)]);
  // Damaged text stays a text frame (re-decoded leniently: ws closes 1007 on invalid UTF-8 text); or goes binary.
  return !m.asBinary && typeof data === 'string' ? new TextDecoder('utf-8', { fatal: false }).decode(out) : out;
}

/** A binary frame whose declared header length lies (too long, zero, huge, or just short of the frame). */
const lyingBinary = fc.record({ header: fc.string({ maxLength: 60 }), tail: bytes, declared: fc.oneof(fc.nat({ max: 200 }), fc.constantFrom(0, 0xffffffff, 0x7fffffff)) }).map(({ header, tail, declared }) => {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(4 + json.byteLength + tail.byteLength);
  new DataView(out.buffer).setUint32(0, declared);
  out.set(json, 4);
  out.set(tail, 4 + json.byteLength);
  return out;
});

/** Any hostile input: the kinds are weighted so most inputs get past JSON parsing and exercise validation. */
export const hostileData: fc.Arbitrary<WireData> = fc.oneof(
  { weight: 4, arbitrary: wellFormedFrame.map((f) => encodeFrame(f)) },
  { weight: 4, arbitrary: fc.tuple(wellFormedFrame, fieldMutation).map(([f, m]) => mutateObject(f, m)) },
  { weight: 3, arbitrary: fc.tuple(wellFormedFrame, byteMutation).map(([f, m]) => damage(encodeFrame(f), m)) },
  { weight: 1, arbitrary: lyingBinary },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom('{}', '[]', 'null', '""', '{"t":null}', '{"t":"ping","t":"login"}', '{"t":"login","id":1,"v":1}', '\u0000', '{"t":"ch.join","id":1e400,"ch":"a"}') },
);
