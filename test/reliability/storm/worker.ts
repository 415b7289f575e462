/** Storm worker child: holds a share of the lean clients (each process stays far below its fd limit). */
import { serveRpc } from '../../../bench/proc/rpc.js';
import { forEachLimited } from '../../../bench/load/limit.js';
import { randomSource } from '../seed.js';
import { LeanClient, newCounters } from './lean-client.js';
import type { StormApi, StormStatus } from './worker-api.js';

const clients: LeanClient[] = [];
const counters = newCounters();

function status(): StormStatus {
  return { clients: clients.length, ready: clients.filter((c) => c.ready).length, ...counters, closeCodes: { ...counters.closeCodes }, errors: { ...counters.errors } };
}

const api: StormApi = {
  async open({ url, uids, channels, seed, concurrency }) {
    const jitter = randomSource(seed);
    await forEachLimited(uids, concurrency, async (uid) => {
      const client = new LeanClient(url, uid, channels[clients.length % channels.length]!, counters, jitter);
      clients.push(client);
      await client.start();
    });
    return status();
  },
  status: () => status(),
  async traffic({ perSecond, durationMs, peers, seed }) {
    const random = randomSource(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const end = Date.now() + durationMs;
    const tickMs = 100;
    const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
    while (Date.now() < end && clients.length > 0) {
      for (let i = 0; i < perTick; i++) {
        const client = pick(clients);
        const roll = random();
        if (roll < 0.5) client.request({ t: 'ch.send', ch: client.channelId, msg: { type: 'TEXT', text: `soak ${roll}` } });
        else if (roll < 0.85) client.request({ t: 'peer.send', to: pick(peers), msg: { type: 'TEXT', text: `soak ${roll}` } });
        else if (roll < 0.99) client.request({ t: 'uattr.write', op: 'set', attrs: { k: String(roll) } });
        else client.drop();
      }
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
    return status();
  },
  async logoutAll() {
    await forEachLimited(clients, 50, (c) => c.stop());
  },
};

serveRpc(api, async () => {
  await Promise.all(clients.map((c) => c.stop()));
});
