import type { WireMessage } from '../../protocol/frames.js';
import type { Logger } from '../logger.js';
import type { HistoryKind, StoreLimits } from '../storage/types.js';
import type { Hub } from './hub.js';

export interface HistoryEntry {
  appId: string;
  kind: HistoryKind;
  mid: string;
  from: string;
  /** The receiving user (peer) or the channel. */
  to: string;
  ts: number;
  msg: WireMessage;
}

/**
 * Queues a message flagged `enableHistoricalMessaging` for the history; text only (rtm-1x.md §8), other types
 * are skipped. The write is queued before this resolves, so a later REST query sees it; a failure is only
 * logged, since the message itself was sent. Channel messages record their recipients (the members other than
 * the sender, unless there are more than `historyRecipientsMax`) for `(∅, user)` queries.
 */
export async function keepHistory(
  hub: Hub,
  options: { storeLimits: Pick<StoreLimits, 'historyRecipientsMax'>; logger: Logger },
  entry: HistoryEntry,
): Promise<void> {
  if (entry.msg.type !== 'TEXT') return;
  const { appId } = entry;
  let recipients: string[] | undefined;
  if (entry.kind === 'channel') {
    const max = options.storeLimits.historyRecipientsMax;
    const [count = 0] = await hub.engine.countMembers(appId, [entry.to]);
    recipients = count - 1 <= max ? (await hub.engine.listMembers(appId, entry.to, max + 1)).filter((uid) => uid !== entry.from) : [];
  }
  hub.store
    .appendHistory({ appId, id: entry.mid, kind: entry.kind, from: entry.from, to: entry.to, ts: entry.ts, msg: entry.msg, ...(recipients ? { recipients } : {}) })
    .catch((error: unknown) => options.logger.error('history append failed', error));
}
