import type { Transform } from '../types.js';
import { flatAttributes } from './flat-attributes.js';
import { flatChannels } from './flat-channels.js';
import { flatInstance } from './flat-instance.js';
import { flatInvitations } from './flat-invitations.js';
import { flatLeftovers } from './flat-leftovers.js';
import { flatMessages } from './flat-messages.js';
import { flatSession } from './flat-session.js';

/** The native flat API (`AgoraAPI`), in order: the instance first (it decides where its state lives), leftovers last. */
export const FLAT_TRANSFORMS: readonly Transform[] = [flatInstance, flatSession, flatChannels, flatMessages, flatAttributes, flatInvitations, flatLeftovers];
