/**
 * A well-behaved pair: alice sends acknowledged peer messages to bob one after another. Records the round-trip
 * time of each send (request to end-to-end ack) and every delivery at bob, so a scenario can check exactly-once
 * delivery and compare latency before and during an attack.
 */
import { RawClient, text } from '../../../rtm/server/test-utils.js';
import { percentile } from '../stats.js';

export interface PairRun {
  sent: number;
  acknowledged: number;
  latenciesMs: number[];
  p50: number;
  p99: number;
}

export class WellBehavedPair {
  /** Every text bob received from alice, in order (duplicates included). */
  readonly received: string[] = [];
  private counter = 0;

  private constructor(
    readonly alice: RawClient,
    readonly bob: RawClient,
    readonly aliceUid: string,
    readonly bobUid: string,
  ) {
    bob.ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) return;
      const frame = JSON.parse(data.toString('utf8')) as { t: string; msg?: { text?: string }; from?: string };
      if (frame.t === 'peer.msg' && frame.from === aliceUid && typeof frame.msg?.text === 'string') this.received.push(frame.msg.text);
    });
  }

  static async open(url: string, prefix: string): Promise<WellBehavedPair> {
    const { client: alice } = await RawClient.login(url, `${prefix}-alice`);
    const { client: bob } = await RawClient.login(url, `${prefix}-bob`);
    return new WellBehavedPair(alice, bob, `${prefix}-alice`, `${prefix}-bob`);
  }

  /** Sends up to `count` messages sequentially, `gapMs` apart; stops early when `stop()` returns true. */
  async run(count: number, gapMs: number, stop: () => boolean = () => false): Promise<PairRun> {
    const latenciesMs: number[] = [];
    let acknowledged = 0;
    let sent = 0;
    for (let i = 0; i < count && !stop(); i++) {
      const started = performance.now();
      sent++;
      const result = await this.alice.request('peer.send', { to: this.bobUid, msg: text(`m${this.counter++}`) });
      latenciesMs.push(performance.now() - started);
      if (result.delivered) acknowledged++;
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return { sent, acknowledged, latenciesMs, p50: percentile(latenciesMs, 0.5), p99: percentile(latenciesMs, 0.99) };
  }

  /** Texts sent so far; each must have reached bob exactly once. */
  sentTexts(): string[] {
    return Array.from({ length: this.counter }, (_, i) => `m${i}`);
  }

  close(): void {
    this.alice.ws.terminate();
    this.bob.ws.terminate();
  }
}
