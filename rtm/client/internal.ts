import type { EventFrame } from '../protocol/index.js';

/** Key of the SDK-internal hooks on public objects, kept off their public surface. */
export const INTERNAL: unique symbol = Symbol('resignal.internal');

export interface ChannelInternals {
  onEvent(frame: EventFrame): void;
  rejoin(): void;
  reset(): void;
  isJoined(): boolean;
}
