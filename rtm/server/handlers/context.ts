import type { WireMessage } from '../../protocol/frames.js';
import { utf8Length } from '../../protocol/ids.js';
import { LIMITS } from '../../protocol/limits.js';
import type { Connection } from '../connection.js';
import type { Hub } from '../hub/hub.js';
import type { Session } from '../hub/session.js';
import type { ResolvedOptions } from '../options.js';
import { WireError } from '../wire-error.js';

export interface RequestContext {
  readonly conn: Connection;
  readonly hub: Hub;
  readonly options: ResolvedOptions;
  /** Runs `task` right after the reply frame was written (e.g. events that must follow the reply). */
  afterReply(task: () => void): void;
}

export interface SessionContext extends RequestContext {
  readonly session: Session;
}

/** What counts against the 32 KB limit: text; raw bytes + description; file name + description + thumbnail. */
export function messageBytes(msg: WireMessage): number {
  switch (msg.type) {
    case 'TEXT':
      return utf8Length(msg.text);
    case 'RAW':
      return msg.data.byteLength + utf8Length(msg.description);
    default:
      return utf8Length(msg.fileName) + utf8Length(msg.description) + (msg.thumbnail?.byteLength ?? 0);
  }
}

/** Size then rate checks shared by peer and channel sends (rate counts peer + channel together). */
export function checkSend(ctx: SessionContext, msg: WireMessage, now: number): void {
  if (messageBytes(msg) > LIMITS.messageMaxBytes) throw new WireError('MESSAGE_TOO_LARGE', 'The message exceeds 32 KB.');
  if (!ctx.session.takeSend(now)) throw new WireError('TOO_OFTEN', 'More than 180 messages in 3 seconds.');
}

/** Validates a list of IDs for list queries: non-empty, at most `max`, every ID valid. */
export function checkIdList(ids: readonly string[], max: number, isValid: (id: string) => boolean, what: string): string[] {
  if (ids.length === 0) throw new WireError('INVALID_ARGUMENT', `The list of ${what} is empty.`);
  if (ids.length > max) throw new WireError('LIMIT_EXCEEDED', `At most ${max} ${what} per request.`);
  for (const id of ids) if (!isValid(id)) throw new WireError('INVALID_ARGUMENT', `Invalid ID in the list of ${what}.`);
  return [...new Set(ids)];
}
