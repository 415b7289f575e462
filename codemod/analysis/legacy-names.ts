/**
 * Names of the legacy API, read from the API map (`shim/api-map.ts`): no second list of legacy names.
 */
import { callbackNames, constructorNames, memberNames } from '../api.js';

export const ALL_CALLBACKS: ReadonlySet<string> = new Set([...callbackNames('Session'), ...callbackNames('Channel'), ...callbackNames('Call')]);

/** Flat-API members whose names other libraries use too (`login`, `logout`, `start`, …). */
const GENERIC_FLAT = new Set(['login', 'logout', 'destroy', 'getStatus', 'isOnline', 'dbg', 'ping', 'start', 'stop', 'invoke', 'setAttr', 'getAttr', 'onLog', 'onError', 'onLogout', 'onMsg', 'onDbg', 'getInstance', 'callbackSet']);

/** Members of the native flat API that are specific enough to flag wherever they appear. */
export const FLAT_MEMBERS: readonly string[] = memberNames('flat').filter((name) => !GENERIC_FLAT.has(name));

/** Member names specific enough to flag on an object whose role could not be proven. */
export const DISTINCTIVE_MEMBERS: ReadonlySet<string> = new Set<string>([
  ...[...ALL_CALLBACKS].filter((name) => name !== 'onLogout' && name !== 'onError'),
  ...memberNames('Session').filter((name) => name.startsWith('message') || name.startsWith('channel')),
  ...memberNames('Channel').filter((name) => name.startsWith('message') || name.startsWith('channel')),
  ...memberNames('Call').filter((name) => name.startsWith('channelInvite')),
  ...FLAT_MEMBERS,
]);

/**
 * Names no other library is likely to use: enough to flag an object of unknown origin even in a file
 * that shows no other sign of the legacy SDK (`onLoginSuccess` alone is not).
 */
export const STRONG_MEMBERS: ReadonlySet<string> = new Set(
  [...DISTINCTIVE_MEMBERS].filter((name) => !['onLoginSuccess', 'onLoginFailed', 'onInviteReceived', 'onInviteFailed'].includes(name)),
);

/** The legacy object a member name belongs to (for its API-map ID). */
export function ownerOfName(name: string): 'Signal' | 'Session' | 'Channel' | 'Call' | 'flat' | undefined {
  for (const owner of ['Session', 'Channel', 'Call', 'Signal'] as const) if (memberNames(owner).includes(name)) return owner;
  return FLAT_MEMBERS.includes(name) ? 'flat' : undefined;
}

/** The flat API's constructors (`getInstance`, `getInstanceWithoutMedia`, `createAgoraSDKInstance`, …), from the map. */
export const FLAT_CONSTRUCTORS: ReadonlySet<string> = new Set(constructorNames('flat'));

/** resignal's drop-in flat shim (`import AgoraAPI from 'resignal/shim/flat'`). */
export function isFlatModuleSpecifier(specifier: string): boolean {
  return specifier === 'resignal/shim/flat';
}

/** resignal's own drop-in shim, which apps load during a migration (`require('resignal/shim')`). */
const SHIM_SPECIFIERS = new Set(['resignal/shim', 'resignal/shim/global']);

export function isLegacyModuleSpecifier(specifier: string): boolean {
  if (SHIM_SPECIFIERS.has(specifier)) return true;
  const last = specifier.split(/[\\/]/).pop() ?? '';
  return /^agora[-_]?sig/i.test(last) || /^signal(ing)?(\.min)?\.js$/i.test(last);
}
