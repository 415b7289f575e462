/**
 * `npm run soak`: the real binary under a bounded mixed load — C lean clients over worker processes, channel and
 * peer messages, attribute writes and dropped connections (which resume) — with the server's RSS sampled every
 * 10 s. Prints and writes test-output/reliability/soak.json: samples, the RSS slope (least squares, after a
 * warm-up), traffic counts, and whether everything was released after the clients logged out.
 *
 *   npm run soak -- --minutes 10 --clients 2000 --rate 400
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startServerProcess } from '../server-process.js';
import { FIGURES_DIR } from './figures.js';
import { RUN_SEED, seedFor } from './seed.js';
import { round, slope } from './stats.js';
import { startStormWorkers } from './storm/children.js';
import { sumStatus } from './storm/sum.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '400' },
    'sample-seconds': { type: 'string', default: '10' },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const rate = Number(values.rate);
const sampleMs = Number(values['sample-seconds']) * 1000;
if (![minutes, clients, rate, sampleMs].every((n) => Number.isFinite(n) && n > 0)) throw new Error('--minutes, --clients, --rate and --sample-seconds must be positive numbers');

const PER_WORKER = 1000;
const PER_CHANNEL = 100;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

async function health(url: string): Promise<{ connections: number; sessions: number }> {
  return (await (await fetch(`${url}/healthz`)).json()) as { connections: number; sessions: number };
}

async function main(): Promise<void> {
  console.log(`[soak] ${minutes} min, ${clients} clients, ${rate} ops/s, seed ${RUN_SEED}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'resignal-soak-'));
  const server = await startServerProcess(['--port', String(await freePort()), '--data', dataDir]);
  const pid = server.child.pid!;
  const workers = await startStormWorkers(Math.max(2, Math.ceil(clients / PER_WORKER)));
  try {
    const uids = Array.from({ length: clients }, (_, i) => `soak${i}`);
    const channels = Array.from({ length: Math.max(1, Math.ceil(clients / PER_CHANNEL)) }, (_, i) => `ch${i}`);
    const count = workers.workers.length;
    const openedAt = Date.now();
    await Promise.all(
      workers.workers.map((w, i) => w.rpc.call('open', { url: server.url, uids: uids.filter((_, j) => j % count === i), channels, seed: seedFor(`soak-open-${i}`), concurrency: 100 })),
    );
    console.log(`[soak] ${clients} clients logged in and joined in ${Date.now() - openedAt} ms`);

    const startedAt = Date.now();
    const samples: { minute: number; rssMb: number; connections: number; sessions: number }[] = [];
    const sample = async (): Promise<void> => {
      const h = await health(server.url);
      const entry = { minute: round((Date.now() - startedAt) / 60_000, 3), rssMb: round(rssOf(pid) / 2 ** 20, 1), ...h };
      samples.push(entry);
      console.log(`[soak] t=${entry.minute.toFixed(2)} min rss=${entry.rssMb} MB connections=${entry.connections} sessions=${entry.sessions}`);
    };
    await sample();
    const sampler = setInterval(() => void sample().catch((error: unknown) => console.error('[soak] sample failed', error)), sampleMs);
    const durationMs = minutes * 60_000;
    const statuses = await Promise.all(
      workers.workers.map((w, i) => w.rpc.call('traffic', { perSecond: rate / count, durationMs, peers: uids, seed: seedFor(`soak-traffic-${i}`) })),
    );
    clearInterval(sampler);
    await sample();
    const traffic = sumStatus(statuses);

    await Promise.all(workers.workers.map((w) => w.rpc.call('logoutAll', null)));
    let released = false;
    for (let i = 0; i < 100 && !released; i++) {
      const h = await health(server.url);
      released = h.connections === 0 && h.sessions === 0;
      if (!released) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const warmup = minutes > 3 ? 1 : 0.5;
    const steady = samples.filter((s) => s.minute >= warmup).map((s) => [s.minute, s.rssMb * 2 ** 20] as const);
    if (steady.length < 3) console.warn('[soak] fewer than 3 samples after the warm-up: run longer for a meaningful slope');
    const slopeBytesPerMin = Math.round(slope(steady));
    const exitCode = await server.stop('SIGTERM');
    const result = {
      seed: RUN_SEED,
      minutes,
      clients,
      opsPerSecond: rate,
      samples,
      warmupMinutes: warmup,
      rssSlopeBytesPerMin: slopeBytesPerMin,
      rssFirstMb: samples[0]?.rssMb,
      rssLastMb: samples.at(-1)?.rssMb,
      rssPeakMb: Math.max(...samples.map((s) => s.rssMb)),
      traffic: { sent: traffic.sent, ok: traffic.ok, errors: traffic.errors, received: traffic.received, resumed: traffic.resumed, fresh: traffic.fresh, failedAttempts: traffic.failedAttempts },
      releasedAfterLogout: released,
      serverExitCode: exitCode,
    };
    mkdirSync(FIGURES_DIR, { recursive: true });
    writeFileSync(join(FIGURES_DIR, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`[soak] RSS slope ${slopeBytesPerMin} bytes/min (${round(slopeBytesPerMin / 2 ** 20, 3)} MB/min) after ${warmup} min warm-up; first ${result.rssFirstMb} MB, last ${result.rssLastMb} MB, peak ${result.rssPeakMb} MB`);
    console.log(`[soak] traffic ${JSON.stringify(result.traffic)}; released after logout: ${released}; server exit ${String(exitCode)}`);
    if (!released || exitCode !== 0) process.exitCode = 1;
  } finally {
    await workers.stop();
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
