import type { ClientKind } from './load/clients/types.js';

export type SystemId = 'resignal' | 'raw-ws' | 'socket.io';

export interface SystemSpec {
  /** Child entry of its server, relative to the compiled bench folder. */
  server: string;
  client: ClientKind;
}

export const SYSTEMS: Record<SystemId, SystemSpec> = {
  resignal: { server: 'servers/resignal', client: 'resignal-lean' },
  'raw-ws': { server: 'servers/raw-ws', client: 'raw-ws' },
  'socket.io': { server: 'servers/socketio', client: 'socket.io' },
};

export const SYSTEM_IDS = Object.keys(SYSTEMS) as SystemId[];

export function isSystemId(value: string): value is SystemId {
  return value in SYSTEMS;
}
