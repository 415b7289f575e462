/** What every history store decides the same way: which messages are kept, who is recorded, what they cost. */
import { utf8Length } from '../../protocol/index.js';
import { StorageError } from './errors.js';
import type { HistoryInput } from './types.js';
import { requireText, requireTime } from './validate.js';

/** Largest page a history query may ask for. */
export const HISTORY_QUERY_MAX_LIMIT = 1000;

/** Estimated bookkeeping per stored message and per recorded recipient, counted against the per-app budget. */
const MESSAGE_OVERHEAD_BYTES = 64;
const RECIPIENT_OVERHEAD_BYTES = 24;

/** Validates the input; RAW and empty-text messages are not kept: RTM history is text only (rtm-1x.md §8, §9.3). */
export function isStorableHistory(msg: HistoryInput): boolean {
  requireText('appId', msg.appId);
  requireText('id', msg.id);
  requireText('from', msg.from);
  requireText('to', msg.to);
  requireTime('ts', msg.ts);
  if (msg.kind !== 'peer' && msg.kind !== 'channel') throw new StorageError('INVALID_ARGUMENT', 'kind must be peer or channel.');
  return msg.msg.type === 'TEXT' && msg.msg.text.length > 0;
}

/** The channel members recorded as receivers (none above `max`, where member events stop too), sender excluded. */
export function historyRecipients(msg: HistoryInput, max: number): string[] {
  const recipients = msg.kind === 'channel' ? (msg.recipients ?? []) : [];
  if (recipients.length > max) return [];
  return [...new Set(recipients.filter((uid) => typeof uid === 'string' && uid.length > 0 && uid !== msg.from))];
}

/** Bytes a stored text message costs against its app's history budget. */
export function historySize(msg: HistoryInput, text: string, recipients: readonly string[]): number {
  return (
    MESSAGE_OVERHEAD_BYTES +
    utf8Length(text) +
    utf8Length(msg.id) +
    utf8Length(msg.from) +
    utf8Length(msg.to) +
    recipients.reduce((sum, uid) => sum + RECIPIENT_OVERHEAD_BYTES + utf8Length(uid), 0)
  );
}
