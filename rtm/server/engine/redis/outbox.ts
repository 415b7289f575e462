import { deserialize, serialize } from 'node:v8';
import type { Redis } from 'ioredis';

/** Messages above this count per topic are split across PUBLISH calls, so no single payload grows unbounded. */
const MAX_BATCH = 512;

/** Every payload starts with the publishing engine's id (a UUID, 36 bytes), so its own echo is skipped undecoded. */
export const ORIGIN_BYTES = 36;

export function originOf(payload: Buffer): string {
  return payload.toString('latin1', 0, ORIGIN_BYTES);
}

export function decodeBatch(payload: Buffer): unknown[] {
  return deserialize(payload.subarray(ORIGIN_BYTES)) as unknown[];
}

/**
 * Cross-node traffic, batched per event-loop turn: everything published to one topic during a turn leaves as
 * one PUBLISH. One connection publishes in call order, so per-topic order (per channel, per target node) holds.
 * Payloads are V8-serialized arrays: RAW message bytes travel as they are, no base64.
 */
export class Outbox {
  private pending = new Map<string, unknown[]>();
  private scheduled: NodeJS.Immediate | null = null;

  private readonly origin: Buffer;

  constructor(
    /** Stamped on every batch so the publishing process can skip its own echo. */
    origin: string,
    private readonly redis: Redis,
    private readonly onError: (error: unknown) => void,
  ) {
    this.origin = Buffer.from(origin, 'latin1');
    if (this.origin.length !== ORIGIN_BYTES) throw new RangeError('the origin must be a UUID');
  }

  publish(topic: string, message: unknown): void {
    const batch = this.pending.get(topic);
    if (batch) batch.push(message);
    else this.pending.set(topic, [message]);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.pending.size === 0) return;
    const batches = this.pending;
    this.pending = new Map();
    const pipeline = this.redis.pipeline();
    for (const [topic, messages] of batches) {
      for (let i = 0; i < messages.length; i += MAX_BATCH) pipeline.publish(topic, Buffer.concat([this.origin, serialize(messages.slice(i, i + MAX_BATCH))]));
    }
    pipeline.exec().catch(this.onError);
  }
}
