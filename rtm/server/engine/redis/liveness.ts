import type { Redis } from 'ioredis';
import type { PresenceState } from '../../../protocol/frames.js';
import type { Logger } from '../../logger.js';
import type { DurableStore } from '../../storage/types.js';
import type { ChannelMessage } from '../types.js';
import type { RedisKeys} from './keys.js';
import { splitEntry } from './keys.js';
import type { ScriptRunner } from './scripts.js';

export interface LivenessDeps {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly scripts: ScriptRunner;
  readonly nodeTtlMs: number;
  readonly presenceGraceMs: number;
  /** Channel attributes and metadata of a channel left empty by the reaper expire after this long. */
  readonly channelAttributesTtlMs: number;
  readonly log: Logger;
  /** Nodes attached in this process: they heartbeat here and are never reaped by it. */
  localNodes(): Iterable<string>;
  /** Called when a local node finds it was reaped (or Redis lost its data): write its state again. */
  restore(node: string): Promise<void>;
  publishPresence(app: string, uid: string, state: PresenceState): void;
  /** Where the Leave and Logout events of reaped users go (the REST event logs), if anywhere. */
  readonly eventLog: Pick<DurableStore, 'appendUserEvent' | 'appendChannelEvent'> | null;
  publishToChannel(ch: string, message: ChannelMessage): void;
}

/** Script calls in flight at once while reaping (they pipeline on one connection). */
const CHUNK = 500;

async function inChunks<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await Promise.all(items.slice(i, i + CHUNK).map(run));
}

/**
 * Node liveness. Each node keeps `alive:<node>` fresh (TTL = nodeTtlMs). Every node sweeps the node set; a node
 * whose key is missing on two sweeps in a row is dead: its ONLINE users turn UNREACHABLE, and once the presence
 * grace has passed one survivor (holding a lock) removes what the node still holds — memberships (MemberLeft),
 * watches, sessions (OFFLINE). Sessions that already moved to another node are left alone by ref comparison.
 */
export class NodeLiveness {
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** Nodes seen without a heartbeat on the previous sweep. */
  private suspects = new Set<string>();
  private sweeping = false;

  constructor(private readonly deps: LivenessDeps) {}

  start(): void {
    if (this.heartbeatTimer) return;
    const { nodeTtlMs } = this.deps;
    this.heartbeatTimer = setInterval(() => void this.heartbeatAll(), Math.max(50, Math.floor(nodeTtlMs / 3)));
    this.sweepTimer = setInterval(() => void this.sweep(), Math.max(50, Math.floor(nodeTtlMs / 2)));
    this.heartbeatTimer.unref();
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.heartbeatTimer = this.sweepTimer = null;
  }

  /** Resolves true when the node had been reaped (its state must be restored). */
  async heartbeat(node: string): Promise<boolean> {
    const { keys, scripts, nodeTtlMs } = this.deps;
    const reaped = await scripts.heartbeat([keys.alive(node), keys.dead(node), keys.grace(node), keys.reaped(node), keys.nodes()], [node, nodeTtlMs]);
    return reaped === 1;
  }

  private async heartbeatAll(): Promise<void> {
    for (const node of this.deps.localNodes()) {
      try {
        if (await this.heartbeat(node)) {
          this.deps.log.warn(`redis engine: node ${node} had been declared dead; restoring its sessions`);
          await this.deps.restore(node);
        }
      } catch (error) {
        this.deps.log.debug(`redis engine: heartbeat of ${node} failed`, error);
      }
    }
  }

  /** A node leaving on purpose: the survivors reap it after the grace, unless its users moved on before. */
  async retire(node: string): Promise<void> {
    const { redis, keys, presenceGraceMs } = this.deps;
    await redis.multi().del(keys.alive(node)).set(keys.dead(node), '1').set(keys.grace(node), '1', 'PX', presenceGraceMs).exec();
  }

  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweepOnce();
    } catch (error) {
      this.deps.log.debug('redis engine: node sweep failed', error);
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepOnce(): Promise<void> {
    const { redis, keys } = this.deps;
    const local = new Set(this.deps.localNodes());
    const others = (await redis.smembers(keys.nodes())).filter((node) => !local.has(node));
    if (others.length === 0) return;
    const alive = await Promise.all(others.map((node) => redis.exists(keys.alive(node))));
    const suspects = new Set<string>();
    for (const [i, node] of others.entries()) {
      if (alive[i] === 1) continue;
      suspects.add(node);
      // Confirmed on a second sweep: a node that just reconnected to Redis gets a heartbeat in first.
      if (this.suspects.has(node)) await this.handleDead(node);
    }
    this.suspects = suspects;
  }

  private async handleDead(node: string): Promise<void> {
    const { redis, keys, presenceGraceMs } = this.deps;
    if ((await redis.set(keys.dead(node), '1', 'NX')) === 'OK') {
      await redis.set(keys.grace(node), '1', 'PX', presenceGraceMs);
      await this.markUnreachable(node);
      return;
    }
    if ((await redis.exists(keys.grace(node))) === 1) return;
    if ((await redis.set(keys.reaping(node), '1', 'PX', 60_000, 'NX')) !== 'OK') return;
    try {
      await this.reap(node);
    } finally {
      await redis.del(keys.reaping(node));
    }
  }

  private async markUnreachable(node: string): Promise<void> {
    const { redis, keys, scripts } = this.deps;
    const entries = await redis.smembers(keys.nodeSessions(node));
    await inChunks(entries, async (entry) => {
      const [app = '', uid = '', sid = ''] = splitEntry(entry);
      const changed = await scripts.markUnreachable([keys.session(app, uid), keys.presence(app, uid)], [`${sid}@${node}`]);
      if (changed === 1) this.deps.publishPresence(app, uid, 'UNREACHABLE');
    });
  }

  private record(write: Promise<void> | undefined): void {
    write?.catch((error: unknown) => this.deps.log.warn('redis engine: recording a reaped event failed', error));
  }

  /** Same order as a session's end on its own node: channels, watches, then the session and its presence. */
  private async reap(node: string): Promise<void> {
    const { redis, keys, scripts } = this.deps;
    this.deps.log.info(`redis engine: reaping dead node ${node}`);
    const members = await redis.smembers(keys.nodeMembers(node));
    await inChunks(members, async (entry) => {
      const [app = '', ch = '', uid = '', sid = ''] = splitEntry(entry);
      const reply = (await scripts.removeMember([keys.members(app, ch), keys.nodeMembers(node)], [uid, `${sid}@${node}`, entry])) as number[];
      if (reply[0] !== 1) return;
      const count = reply[1] ?? 0;
      this.deps.publishToChannel(ch, { k: 'ch.membership', appId: app, ch, uid, sid, joined: false, count });
      this.record(this.deps.eventLog?.appendChannelEvent({ appId: app, channel: ch, uid, type: 'Leave', ms: Date.now() }));
      if (count === 0) {
        const ttl = this.deps.channelAttributesTtlMs;
        await redis.multi().pexpire(keys.doc('cattr', app, ch), ttl).pexpire(keys.doc('cmeta', app, ch), ttl).exec();
      }
    });
    const watches = await redis.smembers(keys.nodeWatches(node));
    await inChunks(watches, async (entry) => {
      const [app = '', uid = '', sid = ''] = splitEntry(entry);
      await redis.srem(keys.watchers(app, uid), `${sid}@${node}`);
    });
    const topics = await redis.smembers(keys.nodeTopics(node));
    await inChunks(topics, async (entry) => {
      const [app = '', topic = '', sid = ''] = splitEntry(entry);
      await redis.srem(keys.topic(app, topic), `${sid}@${node}`);
    });
    const sessions = await redis.smembers(keys.nodeSessions(node));
    await inChunks(sessions, async (entry) => {
      const [app = '', uid = '', sid = ''] = splitEntry(entry);
      const reapKeys = [keys.session(app, uid), keys.presence(app, uid), keys.doc('uattr', app, uid), keys.doc('umeta', app, uid)];
      if ((await scripts.reapSession(reapKeys, [`${sid}@${node}`])) === 1) {
        this.deps.publishPresence(app, uid, 'OFFLINE');
        this.record(this.deps.eventLog?.appendUserEvent({ appId: app, uid, type: 'Logout', ms: Date.now() }));
      }
    });
    await redis
      .multi()
      .del(keys.nodeMembers(node), keys.nodeWatches(node), keys.nodeTopics(node), keys.nodeSessions(node), keys.dead(node), keys.grace(node))
      .srem(keys.nodes(), node)
      .set(keys.reaped(node), '1', 'PX', 24 * 60 * 60 * 1000)
      .exec();
  }
}
