/**
 * Constructing the flat API object, under every name the natives used (from the API map): `getInstance` and its
 * aliases return one shared instance (iOS `getInstanceWithoutMedia:`, Android `getInstance(context, appId)`, C++
 * `getAgoraSDKInstanceCPP()`), `createAgoraSDKInstance` and its aliases a new one each time (1.4.0
 * multi-instance). `configure()` sets the options every later construction uses.
 */
import { findByName, namesOf, type ApiId } from '../api-map.js';
import { legacyString } from '../text.js';
import { noteUse } from '../usage.js';
import { FlatApi } from './agora-api.js';
import type { FlatCallbackProperties, FlatOptions } from './types.js';

/** The flat API object as apps see it: the methods plus every callback property. */
export type AgoraAPI = FlatApi & FlatCallbackProperties;

/** `(appId, options?)`, or Android's `(context, appId, options?)`. */
export type FlatConstructor = (...args: [appId: string, options?: FlatOptions] | [context: unknown, appId: string, options?: FlatOptions]) => AgoraAPI;

let defaults: FlatOptions = {};
let shared: FlatApi | null = null;

function parse(args: readonly unknown[]): { appId: string; options: FlatOptions } {
  const androidStyle = args.length >= 2 && typeof args[1] === 'string';
  const appId = androidStyle ? args[1] : args[0];
  const options = (androidStyle ? args[2] : args[1]) as FlatOptions | undefined;
  return { appId: typeof appId === 'string' ? appId : legacyString(appId ?? ''), options: { ...defaults, ...options } };
}

const forget = (api: FlatApi): void => {
  if (shared === api) shared = null;
};

/** A new flat API object. */
export function createAgoraSDKInstance(...args: Parameters<FlatConstructor>): AgoraAPI {
  noteUse('SIG_FLAT_CREATE_AGORA_SDK_INSTANCE');
  return create(args);
}

/** The shared flat API object (created on first use, again after destroy()); later App IDs are ignored. */
export function getInstance(...args: Parameters<FlatConstructor>): AgoraAPI {
  noteUse('SIG_FLAT_GET_INSTANCE');
  if (!shared) shared = create(args);
  return shared as AgoraAPI;
}

function create(args: readonly unknown[]): AgoraAPI {
  const { appId, options } = parse(args);
  return new FlatApi(appId, options, forget) as AgoraAPI;
}

/** Options for every later construction that passes none: `{ endpoint, createInstance, forceChannelSend }`. */
export function configure(options: FlatOptions): void {
  defaults = { ...defaults, ...options };
}

/** Back to no defaults and no shared instance (tests). */
export function resetFlatDefaults(): void {
  defaults = {};
  shared = null;
}

const BY_ID: Partial<Record<ApiId, (args: readonly unknown[]) => AgoraAPI>> = {
  SIG_FLAT_GET_INSTANCE: (args) => getInstance(...(args as Parameters<FlatConstructor>)),
  SIG_FLAT_CREATE_AGORA_SDK_INSTANCE: (args) => createAgoraSDKInstance(...(args as Parameters<FlatConstructor>)),
};

/**
 * Every constructor name of the API map (aliases included), each counted under its row's ID. Platform spellings
 * such as `getInstanceWithoutMedia` or `createAgoraSDKInstanceCPP` are properties of the `AgoraAPI` namespace.
 */
export const FLAT_CONSTRUCTORS: Readonly<Record<string, FlatConstructor>> = Object.freeze(
  Object.fromEntries(
    namesOf('Flat', ['constructor']).flatMap((name) => {
      const id = findByName('Flat', name)?.id;
      const build = id === undefined ? undefined : BY_ID[id];
      // A constructor row without a builder here is caught by session.test.ts, not by crashing every import.
      return build ? [[name, (...args: unknown[]) => build(args)] as const] : [];
    }),
  ),
);
