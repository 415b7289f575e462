import type { Transform } from '../types.js';
import { channelAttributes } from './channel-attributes.js';
import { channelJoin } from './channel-join.js';
import { channelMethods } from './channel-methods.js';
import { debugSettings } from './debug-settings.js';
import { eventSlots } from './event-slots.js';
import { FLAT_TRANSFORMS } from './flat-transforms.js';
import { invitations } from './invitations.js';
import { invoke } from './invoke.js';
import { leftovers } from './leftovers.js';
import { sessionLogin } from './session-login.js';
import { sessionMethods } from './session-methods.js';
import { signalFactory } from './signal-factory.js';

/** In order: creating calls first (they decide the promise arms), leftovers last. */
export const TRANSFORMS: readonly Transform[] = [
  signalFactory,
  sessionLogin,
  channelJoin,
  eventSlots,
  sessionMethods,
  channelMethods,
  channelAttributes,
  invoke,
  invitations,
  debugSettings,
  ...FLAT_TRANSFORMS,
  leftovers,
];
