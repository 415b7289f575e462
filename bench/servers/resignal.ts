import { startServer } from '../../rtm/server/index.js';
import { runServerChild } from './control.js';

await runServerChild(async () => {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    log: 'error',
    // Default: a private temporary folder (as an embedded server without --data gets). Set to compare stores,
    // e.g. BENCH_RESIGNAL_DATA_DIR=/dev/shm/resignal-bench for one on tmpfs.
    ...(process.env['BENCH_RESIGNAL_DATA_DIR'] ? { dataDir: process.env['BENCH_RESIGNAL_DATA_DIR'] } : {}),
    // Count pushes are not deliveries: keep them out of the per-delivery CPU figure.
    memberCountIntervalMs: 3_600_000,
    // The benchmark measures throughput: a zero window lifts the 180-per-3-s send limit while each session keeps
    // its default-sized limiter (so idle memory is what a default server holds).
    rateLimits: { messageWindowMs: 0, maxFramesPerSecond: Number.MAX_SAFE_INTEGER },
  });
  // close() also removes the private temporary data folder of the embedded store.
  return { url: server.url, close: () => server.close() };
});
