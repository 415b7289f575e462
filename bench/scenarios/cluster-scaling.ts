/**
 * Cluster scaling: channel fan-out and peer round-trips on the embedded engine (one process) and on the Redis
 * engine with one and with two `resignal serve --redis` processes sharing one redis-server.
 *
 * Runs inside the suite (`clusterScalingScenario`, add it to bench/scenarios/index.ts) or standalone:
 *   npm run build && npx esbuild bench/scenarios/cluster-scaling.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=node_modules/.cache/resignal/cluster-scaling.mjs \
 *     && node node_modules/.cache/resignal/cluster-scaling.mjs [--quick] [--rounds=3] [--only=embedded,redis-2-nodes]
 * Needs dist/ (each node is its own process running the built server) and redis-server on the PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { decodeServerFrame, encodeFrame } from '../../rtm/protocol/codec.js';
import type { ClientFrame, ServerFrame } from '../../rtm/protocol/frames.js';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../../rtm/protocol/version.js';
import { startRedis, type TestRedis } from '../../test/redis-server.js';
import { BIN, requireBuild } from '../../test/server-process.js';
import type { BenchOptions, RunContext } from '../context.js';
import { Histogram } from '../stats/histogram.js';
import type { Scenario, ScenarioCase } from './types.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const SUBJECTS = ['embedded', 'redis-1-node', 'redis-2-nodes'] as const;
type Subject = (typeof SUBJECTS)[number];

interface Sizes {
  subscribers: number;
  pairs: number;
  windowMs: number;
  /** Channel sends in flight at once (the publisher waits for the server's ack). */
  inFlight: number;
}

function sizesFor(options: Pick<BenchOptions, 'quick' | 'smoke' | 'windowMs'>): Sizes {
  if (options.smoke) return { subscribers: 6, pairs: 2, windowMs: 300, inFlight: 2 };
  const windowMs = options.windowMs ?? (options.quick ? 1500 : 4000);
  return options.quick ? { subscribers: 100, pairs: 20, windowMs, inFlight: 8 } : { subscribers: 300, pairs: 50, windowMs, inFlight: 8 };
}

// ── a lean protocol client: no SDK logic, no event queue ───────────────────

class LeanClient {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: ServerFrame) => void>();
  onPush: (frame: ServerFrame) => void = () => undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const decoded = decodeServerFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      if (!decoded.ok) return;
      const frame = decoded.frame;
      if ((frame.t === 'res' || frame.t === 'err') && frame.id !== null) {
        const settle = this.pending.get(frame.id);
        this.pending.delete(frame.id);
        settle?.(frame);
        return;
      }
      if (frame.t === 'peer.msg') this.send({ t: 'peer.ack', mid: frame.mid });
      this.onPush(frame);
    });
  }

  static async login(baseUrl: string, uid: string): Promise<LeanClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${WS_PATH}`, SUBPROTOCOL);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const client = new LeanClient(ws);
    await client.request({ t: 'login', id: 0, v: PROTOCOL_VERSION, appId: APP_ID, uid, instance: `bench-${uid}` });
    return client;
  }

  send(frame: ClientFrame): void {
    this.ws.send(encodeFrame(frame));
  }

  /** Sends a request (its id is replaced) and resolves the reply; rejects on an error reply. */
  request(frame: ClientFrame & { id: number }): Promise<ServerFrame> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.t === 'err' ? reject(new Error(`${reply.code}: ${reply.message}`)) : resolve(reply)));
      this.send({ ...frame, id } as ClientFrame);
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

// ── the system under test ──────────────────────────────────────────────────

interface System {
  urls: string[];
  stop(): Promise<void>;
}

const ROOT = path.resolve(BIN, '..', '..', '..');
const distModule = (file: string): string => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', file)).href);

/**
 * A server node as its own process, from the built dist/, with the send-rate limits lifted (the benchmark
 * measures throughput, as bench/servers/resignal.ts does) and member-count pushes out of the way.
 */
function startNode(redis: TestRedis | null): Promise<{ url: string; child: ChildProcess }> {
  requireBuild();
  const backends = redis
    ? `const { RedisEngine } = await import(${distModule('rtm/server/engine/redis.js')});
       const { RedisStore } = await import(${distModule('rtm/server/storage/redis-store.js')});
       const cluster = { engine: new RedisEngine({ url: ${JSON.stringify(redis.url)} }),
         store: await RedisStore.open({ url: ${JSON.stringify(redis.url)}, mediaDir: ${JSON.stringify(path.join(redis.dir, 'media'))} }) };`
    : 'const cluster = {};';
  const script = `const { startServer } = await import(${distModule('rtm/server/index.js')});
    ${backends}
    const server = await startServer({ port: 0, log: 'error', memberCountIntervalMs: 3600000,
      rateLimits: { messageWindowMs: 0, maxFramesPerSecond: Number.MAX_SAFE_INTEGER }, ...cluster });
    console.log('listening on ' + server.url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${String(code)}: ${output}`)));
  });
}

async function stopNode(node: { child: ChildProcess }): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGKILL');
  await exited;
}

async function startSystem(subject: Subject): Promise<System> {
  const redis = subject === 'embedded' ? null : await startRedis();
  const nodes: { url: string; child: ChildProcess }[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map(stopNode));
    await redis?.dispose();
  };
  try {
    const count = subject === 'redis-2-nodes' ? 2 : 1;
    for (let i = 0; i < count; i++) nodes.push(await startNode(redis));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: nodes.map((node) => node.url), stop };
}

async function loginAll(system: System, uids: readonly string[]): Promise<LeanClient[]> {
  const clients: LeanClient[] = [];
  // Round-robin over the nodes: with two nodes half of every fan-out and every peer pair crosses Redis.
  for (let i = 0; i < uids.length; i += 50) {
    const batch = uids.slice(i, i + 50);
    clients.push(...(await Promise.all(batch.map((uid, j) => LeanClient.login(system.urls[(i + j) % system.urls.length]!, uid)))));
  }
  return clients;
}

function summary(latency: Histogram, count: number, wallMs: number): { perSec: number; p50Ms: number; p99Ms: number } {
  return { perSec: (count / wallMs) * 1000, p50Ms: latency.quantile(0.5), p99Ms: latency.quantile(0.99) };
}

// ── fan-out: one publisher, every subscriber gets every message ────────────

async function fanout(system: System, sizes: Sizes): Promise<Record<string, number>> {
  const uids = ['publisher', ...Array.from({ length: sizes.subscribers }, (_, i) => `sub${i}`)];
  const clients = await loginAll(system, uids);
  try {
    for (const client of clients) await client.request({ t: 'ch.join', id: 0, ch: 'fanout' });
    const latency = new Histogram();
    let deliveries = 0;
    for (const client of clients.slice(1)) {
      client.onPush = (frame) => {
        if (frame.t !== 'ch.msg' || frame.msg.type !== 'TEXT') return;
        deliveries++;
        latency.record(performance.now() - Number(frame.msg.text));
      };
    }
    const publisher = clients[0]!;
    const started = performance.now();
    let sent = 0;
    const lane = async (): Promise<void> => {
      while (performance.now() - started < sizes.windowMs) {
        sent++;
        await publisher.request({ t: 'ch.send', id: 0, ch: 'fanout', msg: { type: 'TEXT', text: String(performance.now()) } });
      }
    };
    await Promise.all(Array.from({ length: sizes.inFlight }, lane));
    const expected = sent * sizes.subscribers;
    const deadline = performance.now() + 20_000;
    while (deliveries < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const wallMs = performance.now() - started;
    const { perSec, p50Ms, p99Ms } = summary(latency, deliveries, wallMs);
    return { fanoutDeliveriesPerSec: perSec, fanoutP50Ms: p50Ms, fanoutP99Ms: p99Ms, fanoutLost: expected - deliveries };
  } finally {
    for (const client of clients) client.close();
  }
}

// ── peer round-trips: closed loop per pair, acknowledged end to end ────────

async function peerRoundTrips(system: System, sizes: Sizes): Promise<Record<string, number>> {
  // sender i and receiver i sit on different nodes when there are two (odd/even positions of the round-robin).
  const uids = Array.from({ length: sizes.pairs * 2 }, (_, i) => (i % 2 === 0 ? `from${i / 2}` : `to${(i - 1) / 2}`));
  const clients = await loginAll(system, uids);
  try {
    const latency = new Histogram();
    let roundTrips = 0;
    let undelivered = 0;
    const started = performance.now();
    const loop = async (pair: number): Promise<void> => {
      const sender = clients[pair * 2]!;
      while (performance.now() - started < sizes.windowMs) {
        const t0 = performance.now();
        const reply = await sender.request({ t: 'peer.send', id: 0, to: `to${pair}`, msg: { type: 'TEXT', text: 'ping' } });
        if (reply.t === 'res' && (reply.data as { delivered?: boolean }).delivered) {
          roundTrips++;
          latency.record(performance.now() - t0);
        } else undelivered++;
      }
    };
    await Promise.all(Array.from({ length: sizes.pairs }, (_, pair) => loop(pair)));
    const { perSec, p50Ms, p99Ms } = summary(latency, roundTrips, performance.now() - started);
    return { peerRoundTripsPerSec: perSec, peerP50Ms: p50Ms, peerP99Ms: p99Ms, peerUndelivered: undelivered };
  } finally {
    for (const client of clients) client.close();
  }
}

async function measure(subject: string, sizes: Sizes): Promise<Record<string, number>> {
  if (!(SUBJECTS as readonly string[]).includes(subject)) throw new Error(`unknown subject ${subject}`);
  const system = await startSystem(subject as Subject);
  try {
    return { ...(await fanout(system, sizes)), ...(await peerRoundTrips(system, sizes)) };
  } finally {
    await system.stop();
  }
}

export const clusterScalingScenario: Scenario = {
  id: 'cluster-scaling',
  title: 'Cluster: 1 node vs 2 nodes on Redis',
  description:
    'Channel fan-out (one publisher, N subscribers spread round-robin over the nodes, 8 sends in flight) and peer ' +
    'round-trips (closed loop per pair, acknowledged end to end by the receiver) on the embedded engine and on ' +
    'the Redis engine with one and two server processes. With two nodes half of the deliveries and every peer ' +
    'pair cross Redis. On a 2-core machine the nodes, redis-server and the load generator share the cores, so ' +
    'this shows the cost of the Redis hop, not the gain of more machines.',
  metrics: [
    { key: 'fanoutDeliveriesPerSec', label: 'fan-out deliveries/s', unit: '/s', digits: 0 },
    { key: 'fanoutP50Ms', label: 'fan-out p50', unit: 'ms', digits: 2 },
    { key: 'fanoutP99Ms', label: 'fan-out p99', unit: 'ms', digits: 2 },
    { key: 'peerRoundTripsPerSec', label: 'peer round-trips/s', unit: '/s', digits: 0 },
    { key: 'peerP50Ms', label: 'peer p50', unit: 'ms', digits: 2 },
    { key: 'peerP99Ms', label: 'peer p99', unit: 'ms', digits: 2 },
  ],
  maxRounds: 2,
  cases(options: BenchOptions): ScenarioCase[] {
    const sizes = sizesFor(options);
    return [
      {
        label: `${sizes.subscribers} subscribers, ${sizes.pairs} peer pairs`,
        subjects: SUBJECTS,
        measure: (subject: string, _ctx: RunContext) => measure(subject, sizes),
      },
    ];
  },
};

/** Standalone: rounds alternate the subjects; prints the median of each metric per subject. */
async function main(): Promise<void> {
  const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = sizesFor({ quick: process.argv.includes('--quick'), smoke: process.argv.includes('--smoke') });
  const rounds = Number(arg('rounds') ?? 1);
  const only = arg('only')?.split(',');
  const subjects = SUBJECTS.filter((subject) => !only || only.includes(subject));
  console.log(`cluster-scaling: ${sizes.subscribers} subscribers, ${sizes.pairs} peer pairs, ${sizes.windowMs} ms windows, ${rounds} round(s)`);
  const samples = new Map<Subject, Record<string, number>[]>(subjects.map((subject) => [subject, []]));
  for (let round = 0; round < rounds; round++) {
    for (const subject of [...subjects.slice(round % subjects.length), ...subjects.slice(0, round % subjects.length)]) {
      samples.get(subject)!.push(await measure(subject, sizes));
    }
  }
  const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
  for (const [subject, rows] of samples) {
    const value = (key: string): number => median(rows.map((row) => row[key] ?? Number.NaN));
    const line = clusterScalingScenario.metrics.map((m) => `${m.label} ${value(m.key).toFixed(m.digits)}${m.unit === '/s' ? '' : ' ' + m.unit}`);
    console.log(`${subject.padEnd(14)} ${line.join(' | ')}  (lost ${value('fanoutLost')}, undelivered ${value('peerUndelivered')})`);
  }
}

// Standalone only: once bundled into dist/bench/run.js, import.meta.url is the runner's own file, so check the name.
if (process.argv[1] && /cluster-scaling\.[cm]?[jt]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
