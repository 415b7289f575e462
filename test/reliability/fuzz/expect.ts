/** What the server must answer to a sequence of raw frames, computed with the same pure decoder it uses. */
import { decodeClientFrame } from '../../../rtm/protocol/codec.js';
import type { WireData } from './frames.js';

export interface Expectation {
  /** Reply ids (`res`/`err`), sorted; `null` for frames without a readable id. */
  replyIds: (number | null)[];
  pongs: number;
  /** Frames the decoder refuses: these count towards the bad-frame limit. */
  badFrames: number;
  /** Index of the frame that reaches `maxBadFrames`, or -1. */
  closesAt: number;
}

export function expectReplies(batch: readonly WireData[], maxBadFrames = Number.POSITIVE_INFINITY): Expectation {
  const replyIds: (number | null)[] = [];
  let pongs = 0;
  let badFrames = 0;
  let closesAt = -1;
  for (const [index, data] of batch.entries()) {
    if (closesAt >= 0) break;
    const decoded = decodeClientFrame(data);
    if (!decoded.ok) {
      replyIds.push(decoded.id);
      if (++badFrames >= maxBadFrames) closesAt = index;
      continue;
    }
    if (decoded.frame.t === 'ping') pongs++;
    else if (decoded.frame.t !== 'peer.ack') replyIds.push(decoded.frame.id);
  }
  return { replyIds: sortIds(replyIds), pongs, badFrames, closesAt };
}

export function sortIds(ids: (number | null)[]): (number | null)[] {
  return [...ids].sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
}
