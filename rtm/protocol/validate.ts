/**
 * Shape validation of decoded frames: field types only. Semantic rules (ID syntax, sizes, state) are checked
 * by the handlers, which know which error code each method reports.
 */
import type { WireErrorCode } from './errors.js';
import type { ClientFrame, ServerFrame } from './frames.js';
import { isWellFormedUtf16 } from './ids.js';
import { STATE_CLIENT_SCHEMAS, STATE_SERVER_SCHEMAS } from './validate-state.js';

export interface Problem {
  code: WireErrorCode;
  message: string;
}

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isBool: Check = (v) => typeof v === 'boolean';
const isInt: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isObject: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPresence: Check = (v) => v === 'ONLINE' || v === 'UNREACHABLE' || v === 'OFFLINE';
const isMessage: Check = (v) => {
  if (!isObject(v)) return false;
  const m = v as Record<string, unknown>;
  if (m['type'] === 'TEXT') return typeof m['text'] === 'string' && isWellFormedUtf16(m['text']);
  if (m['type'] === 'RAW') return typeof m['description'] === 'string' && m['data'] instanceof Uint8Array;
  if (m['type'] === 'IMAGE' || m['type'] === 'FILE') return isMediaMessage(m);
  return false;
};

const isSize: Check = (v) => isInt(v) && (v as number) >= 0;
function isMediaMessage(m: Record<string, unknown>): boolean {
  const common =
    typeof m['mediaId'] === 'string' &&
    isSize(m['size']) &&
    typeof m['fileName'] === 'string' &&
    isWellFormedUtf16(m['fileName']) &&
    typeof m['description'] === 'string' &&
    isWellFormedUtf16(m['description']) &&
    (m['thumbnail'] === undefined || m['thumbnail'] instanceof Uint8Array);
  if (!common || m['type'] === 'FILE') return common;
  return isSize(m['width']) && isSize(m['height']) && isSize(m['thumbnailWidth']) && isSize(m['thumbnailHeight']);
}

const SIGNAL_KINDS = new Set(['invite', 'accept', 'accept-ack', 'refuse', 'cancel']);
const isSignal: Check = (v) => {
  if (!isObject(v)) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s['kind'] === 'string' &&
    SIGNAL_KINDS.has(s['kind']) &&
    typeof s['callId'] === 'string' &&
    typeof s['channel'] === 'string' &&
    typeof s['extra'] === 'string' &&
    isWellFormedUtf16(s['extra'])
  );
};

/** field name → [check, optional]; `id` of requests is checked separately. */
type Schema = Record<string, readonly [Check, boolean?]>;

// Object.assign, not a spread, so bundles without the server (the browser builds) can drop these schemas.
const CLIENT_SCHEMAS: Record<ClientFrame['t'], Schema> = /* @__PURE__ */ Object.assign(
  {
    login: {
      v: [isInt],
      appId: [isString],
      uid: [isString],
      token: [isString, true],
      instance: [isString],
      resume: [isString, true],
    },
    logout: {},
    'peer.send': { to: [isString], msg: [isMessage], offline: [isBool, true], history: [isBool, true] },
    'call.send': { to: [isString], signal: [isSignal] },
    'ch.join': { ch: [isString] },
    'ch.leave': { ch: [isString] },
    'ch.send': { ch: [isString], msg: [isMessage], history: [isBool, true] },
    'ch.members': { ch: [isString] },
    'ch.count': { chs: [isStringArray] },
    'status.query': { uids: [isStringArray] },
    'status.sub': { uids: [isStringArray] },
    'status.unsub': { uids: [isStringArray] },
    ping: {},
    'peer.ack': { mid: [isString] },
    'media.ticket': {},
  } satisfies Partial<Record<ClientFrame['t'], Schema>>,
  STATE_CLIENT_SCHEMAS,
);

const NOTICE_TYPES = new Set<string>(['ping', 'peer.ack']);

/** Each schema's entries, listed once: Object.entries per frame was an allocation per field on every message. */
const schemaEntries = new Map<Schema, [string, readonly [Check, boolean?]][]>();

function checkFields(value: Record<string, unknown>, schema: Schema): Problem | null {
  let entries = schemaEntries.get(schema);
  if (entries === undefined) schemaEntries.set(schema, (entries = Object.entries(schema)));
  for (const [field, [check, optional]] of entries) {
    const fieldValue = value[field];
    if (fieldValue === undefined) {
      if (optional) continue;
      return { code: 'BAD_FRAME', message: `missing field "${field}"` };
    }
    if (!check(fieldValue)) {
      return { code: field === 'msg' ? 'INVALID_MESSAGE' : 'BAD_FRAME', message: `field "${field}" has the wrong type or shape` };
    }
  }
  return null;
}

export function validateClientFrame(value: Record<string, unknown>): Problem | null {
  const type = value['t'];
  if (typeof type !== 'string') return { code: 'BAD_FRAME', message: 'missing frame type "t"' };
  if (!Object.hasOwn(CLIENT_SCHEMAS, type)) return { code: 'UNKNOWN_FRAME_TYPE', message: `unknown frame type "${type.slice(0, 40)}"` };
  if (!NOTICE_TYPES.has(type)) {
    const id = value['id'];
    if (!isInt(id) || (id as number) < 0) return { code: 'BAD_FRAME', message: 'requests need a non-negative integer "id"' };
  }
  return checkFields(value, CLIENT_SCHEMAS[type as ClientFrame['t']]);
}

const SERVER_SCHEMAS: Record<ServerFrame['t'], Schema> = {
  res: { id: [isInt], data: [isObject] },
  err: { code: [isString], message: [isString] },
  pong: { ts: [isNumber] },
  'peer.msg': { mid: [isString], from: [isString], ts: [isNumber], msg: [isMessage], offline: [isBool, true] },
  'call.msg': { mid: [isString], from: [isString], ts: [isNumber], signal: [isSignal] },
  'ch.msg': { ch: [isString], mid: [isString], from: [isString], ts: [isNumber], msg: [isMessage] },
  'ch.member': { ch: [isString], uid: [isString], joined: [isBool] },
  'ch.count': { ch: [isString], count: [isInt] },
  status: { uid: [isString], state: [isPresence] },
  kick: { reason: [isString] },
  ...STATE_SERVER_SCHEMAS,
};

export function validateServerFrame(value: Record<string, unknown>): Problem | null {
  const type = value['t'];
  if (typeof type !== 'string') return { code: 'BAD_FRAME', message: 'missing frame type "t"' };
  if (!Object.hasOwn(SERVER_SCHEMAS, type)) return { code: 'UNKNOWN_FRAME_TYPE', message: `unknown frame type "${type.slice(0, 40)}"` };
  return checkFields(value, SERVER_SCHEMAS[type as ServerFrame['t']]);
}
