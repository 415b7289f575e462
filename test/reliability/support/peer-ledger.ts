/**
 * Book-keeping for exactly-once checks of peer messages: what each sender had acknowledged
 * (`hasPeerReceived: true`) and what each receiver's app saw. Texts are `<sender>:<seq>`.
 */
export interface LedgerReport {
  sent: number;
  acknowledged: number;
  delivered: number;
  /** Acknowledged messages the receiver's app never saw (must be 0). */
  lostAcknowledged: string[];
  /** Texts the receiver's app saw more than once (must be 0). */
  duplicates: string[];
  /** Receiver/sender pairs whose sequence numbers arrived out of order (must be 0). */
  orderViolations: string[];
  /** Sent, not acknowledged, never delivered: the sender was told `hasPeerReceived: false` or got an error. */
  unacknowledgedLost: number;
  /**
   * `unacknowledgedLost` by what the sender was told: `false` — the server took the message and answered
   * `hasPeerReceived: false` (must be 0 while every receiver comes back within the grace); `timeout` — the send got
   * no reply (the sender's own connection dropped); `refused` — rejected before it reached the server (the SDK's
   * 180-per-3-s limit, or not connected).
   */
  unacknowledgedLostBy: Record<SendOutcome, number>;
}

export type SendOutcome = 'false' | 'timeout' | 'refused';

export class PeerLedger {
  private readonly acknowledged = new Map<string, string>(); // text → receiver
  private readonly sentTo = new Map<string, string>();
  private readonly outcomes = new Map<string, SendOutcome>();
  private readonly received = new Map<string, string[]>(); // receiver → texts in arrival order

  static text(sender: string, seq: number): string {
    return `${sender}:${seq}`;
  }

  sent(text: string, to: string): void {
    this.sentTo.set(text, to);
  }

  acked(text: string, to: string): void {
    this.acknowledged.set(text, to);
  }

  /** A send that was not acknowledged, and why. */
  unacked(text: string, outcome: SendOutcome): void {
    this.outcomes.set(text, outcome);
  }

  delivered(receiver: string, text: string): void {
    let list = this.received.get(receiver);
    if (!list) this.received.set(receiver, (list = []));
    list.push(text);
  }

  deliveredCount(): number {
    let n = 0;
    for (const list of this.received.values()) n += list.length;
    return n;
  }

  /** True once every acknowledged message has been seen by its receiver. */
  settled(): boolean {
    for (const [text, to] of this.acknowledged) if (!this.received.get(to)?.includes(text)) return false;
    return true;
  }

  /** `<text>→<receiver>` of the messages that were neither acknowledged nor delivered, whose sender was told `outcome`. */
  lostWith(outcome: SendOutcome): string[] {
    const out: string[] = [];
    for (const [text, to] of this.sentTo) {
      if (this.acknowledged.has(text) || this.received.get(to)?.includes(text)) continue;
      if ((this.outcomes.get(text) ?? 'refused') === outcome) out.push(`${text}→${to}`);
    }
    return out;
  }

  report(): LedgerReport {
    const lostAcknowledged: string[] = [];
    const duplicates: string[] = [];
    const orderViolations: string[] = [];
    for (const [text, to] of this.acknowledged) if (!this.received.get(to)?.includes(text)) lostAcknowledged.push(`${text}→${to}`);
    const seen = new Set<string>();
    for (const [receiver, list] of this.received) {
      const last = new Map<string, number>();
      for (const text of list) {
        const key = `${receiver}/${text}`;
        if (seen.has(key)) duplicates.push(key);
        seen.add(key);
        const colon = text.lastIndexOf(':');
        const sender = text.slice(0, colon);
        const seq = Number(text.slice(colon + 1));
        const previous = last.get(sender) ?? -1;
        if (seq <= previous) orderViolations.push(`${sender}→${receiver}: ${seq} after ${previous}`);
        last.set(sender, Math.max(previous, seq));
      }
    }
    let unacknowledgedLost = 0;
    const unacknowledgedLostBy: Record<SendOutcome, number> = { false: 0, timeout: 0, refused: 0 };
    const receivedSets = new Map<string, Set<string>>();
    for (const [receiver, list] of this.received) receivedSets.set(receiver, new Set(list));
    for (const [text, to] of this.sentTo) {
      if (this.acknowledged.has(text) || receivedSets.get(to)?.has(text)) continue;
      unacknowledgedLost++;
      unacknowledgedLostBy[this.outcomes.get(text) ?? 'refused']++;
    }
    return {
      sent: this.sentTo.size,
      acknowledged: this.acknowledged.size,
      delivered: this.deliveredCount(),
      lostAcknowledged,
      duplicates,
      orderViolations,
      unacknowledgedLost,
      unacknowledgedLostBy,
    };
  }
}
