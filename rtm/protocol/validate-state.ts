/** Shape checks of the part-2 frames (state-frames.ts), merged into the schemas of validate.ts. */
import type { StateEventFrame, StateRequestMap } from './state-frames.js';
import { isWellFormedUtf16 } from './ids.js';

export type Check = (value: unknown) => boolean;
/** field name → [check, optional] */
export type Schema = Record<string, readonly [Check, boolean?]>;

const isString: Check = (v) => typeof v === 'string' && isWellFormedUtf16(v);
const isBool: Check = (v) => typeof v === 'boolean';
const isInt: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => isString(x));
/** A plain `{key: string}` map; `__proto__` keys are refused so a map can never reach a prototype. */
const isStringMap: Check = (v) =>
  isRecord(v) && Object.getPrototypeOf(v) === Object.prototype && !Object.hasOwn(v, '__proto__') && Object.values(v).every((x) => isString(x));
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);

const isMetaWrite: Check = (v) =>
  Array.isArray(v) &&
  v.every((item) => isRecord(item) && isString(item['key']) && (item['value'] === null || isString(item['value'])) && isInt(item['rev']));

const isChannelAttrs: Check = (v) =>
  isRecord(v) && Object.values(v).every((a) => isRecord(a) && isString(a['value']) && isString(a['by']) && isNumber(a['ts']));

const isMetadata: Check = (v) =>
  isRecord(v) &&
  isInt(v['major']) &&
  Array.isArray(v['items']) &&
  v['items'].every(
    (item) => isRecord(item) && isString(item['key']) && isString(item['value']) && isInt(item['rev']) && isNumber(item['ts']) && isString(item['by']),
  );

const ATTR_OP = /* @__PURE__ */ oneOf('set', 'merge', 'delete', 'clear');

export const STATE_CLIENT_SCHEMAS: Record<keyof StateRequestMap, Schema> = {
  'token.renew': { token: [isString] },
  'uattr.write': { op: [ATTR_OP], attrs: [isStringMap, true], keys: [isStringArray, true] },
  'uattr.get': { uid: [isString], keys: [isStringArray, true] },
  'cattr.write': { ch: [isString], op: [ATTR_OP], attrs: [isStringMap, true], keys: [isStringArray, true], notify: [isBool, true] },
  'cattr.get': { ch: [isString], keys: [isStringArray, true] },
  'meta.write': {
    ch: [isString, true],
    op: [/* @__PURE__ */ oneOf('set', 'add', 'update', 'delete', 'clear')],
    items: [isMetaWrite],
    major: [isInt],
    recordTs: [isBool, true],
    recordUser: [isBool, true],
  },
  'meta.get': { uid: [isString, true], ch: [isString, true] },
  'meta.sub': { uid: [isString] },
  'meta.unsub': { uid: [isString] },
};

export const STATE_SERVER_SCHEMAS: Record<StateEventFrame['t'], Schema> = {
  'token.expiring': { expiresAt: [isNumber] },
  'cattr.update': { ch: [isString], attrs: [isChannelAttrs] },
  'meta.update': { uid: [isString, true], ch: [isString, true], data: [isMetadata] },
};
