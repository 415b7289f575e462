import { connectRawWs } from './raw-ws.js';
import { connectResignalLean } from './resignal-lean.js';
import { connectResignalSdk } from './resignal-sdk.js';
import { connectResignalShim } from './resignal-shim.js';
import { connectSocketIo } from './socketio.js';
import type { ClientFactory, ClientKind } from './types.js';

export const CLIENT_FACTORIES: Record<ClientKind, ClientFactory> = {
  'resignal-lean': connectResignalLean,
  'resignal-sdk': connectResignalSdk,
  'resignal-shim': connectResignalShim,
  'raw-ws': connectRawWs,
  'socket.io': connectSocketIo,
};
