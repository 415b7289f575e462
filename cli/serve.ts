import { parseArgs } from 'node:util';
import { loadAppsFile, startServer, type AppsRegistry } from '../rtm/server/index.js';
import { openClusterBackends, type ClusterBackends } from './serve-cluster.js';

const HELP = `Usage: resignal serve [options]

Start the resignal RTM server (embedded engine, or one node of a Redis cluster with --redis).

Options:
  --port <n>     TCP port to listen on (default 7070; 0 picks a free port)
  --host <addr>  Address to bind (default 127.0.0.1; use 0.0.0.0 to listen on every interface)
  --data <dir>   Data folder (default ./data): SQLite store of offline and historical messages,
                 REST events and media. One server per folder; see docs/storage.md for backups.
  --apps <file>  Apps file: JSON keyed by App ID, e.g.
                 { "<appId>": { "certificate": "<32 hex>", "restSecret": "<secret>" }, "<appId2>": {} }
                 Only listed App IDs may log in; an app with a certificate needs a valid token
                 (AccessToken 006/007 or legacy SignalingToken). Without --apps the server runs in
                 open development mode: any App ID, no token check. See docs/operations.md.
  --redis <url>  Run as one node of a cluster: routing, presence and durable data in Redis
                 (redis://host:port). Every node uses the same URL; media bytes go to <data>/media,
                 which must be one folder shared by all nodes. Without it the embedded engine runs.
                 See "Running a cluster" in docs/operations.md.
  --presence-grace <ms>
                 How long a dropped user stays online before leaving its channels (default 30000)
  --headers-timeout <ms>
                 How long a client may take to send the headers of an HTTP request or WebSocket
                 upgrade before the server closes the socket (default 10000)
  --no-demo      Do not serve the demo pages at / and /demo/ (the /sdk/ bundles and /metrics stay)
  -h, --help     Show this help

Endpoints: GET /healthz, /metrics (Prometheus), /status, /sdk/resignal-signal.js, /sdk/resignal-rtm.js,
the demo pages at /, WebSocket /rtm, the REST API under /dev/v2/project/<appid>/ (docs/rest-api.md),
media at /media (docs/media.md). Stop with Ctrl+C (SIGINT) or SIGTERM for a graceful shutdown.
`;

type Out = (text: string) => void;

/** `resignal serve`: starts the server and resolves with an exit code once it was stopped by a signal. */
export async function runServe(
  argv: string[],
  io: { out?: Out; err?: Out; signals?: NodeJS.Process } = {},
): Promise<number> {
  const out = io.out ?? ((text) => process.stdout.write(text));
  const err = io.err ?? ((text) => process.stderr.write(text));
  const proc = io.signals ?? process;
  let values: { port?: string; host?: string; data?: string; apps?: string; redis?: string; 'presence-grace'?: string; 'headers-timeout'?: string; 'no-demo'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        apps: { type: 'string' },
        redis: { type: 'string' },
        'presence-grace': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'no-demo': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err(`resignal serve: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    out(HELP);
    return 0;
  }
  const port = values.port === undefined ? 7070 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`resignal serve: --port must be an integer from 0 to 65535, got "${values.port}"\n`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  const dataDir = values.data ?? './data';

  let apps: AppsRegistry | undefined;
  if (values.apps !== undefined) {
    try {
      apps = await loadAppsFile(values.apps);
    } catch (error) {
      err(`resignal serve: --apps ${(error as Error).message}\n`);
      return 2;
    }
  }

  const grace = values['presence-grace'] === undefined ? undefined : Number(values['presence-grace']);
  if (grace !== undefined && !(Number.isInteger(grace) && grace > 0)) {
    err(`resignal serve: --presence-grace must be a positive integer (ms), got "${values['presence-grace']}"\n`);
    return 2;
  }

  const headersTimeout = values['headers-timeout'] === undefined ? undefined : Number(values['headers-timeout']);
  if (headersTimeout !== undefined && !(Number.isInteger(headersTimeout) && headersTimeout > 0 && headersTimeout <= 300_000)) {
    err(`resignal serve: --headers-timeout must be an integer from 1 to 300000 (ms), got "${values['headers-timeout']}"\n`);
    return 2;
  }

  let cluster: ClusterBackends | null = null;
  let server;
  try {
    if (values.redis !== undefined) cluster = await openClusterBackends({ url: values.redis, dataDir, ...(grace === undefined ? {} : { presenceGraceMs: grace }) });
    const clusterOptions = cluster ? { engine: cluster.engine, store: cluster.store, mediaTicketKey: cluster.mediaTicketKey } : {};
    server = await startServer({ port, host, dataDir, ...appsOptions(apps), ...clusterOptions, ...(grace === undefined ? {} : { presenceGraceMs: grace }), ...(headersTimeout === undefined ? {} : { headersTimeoutMs: headersTimeout }), ...(values['no-demo'] ? { demo: false } : {}) });
  } catch (error) {
    await cluster?.close().catch(() => undefined);
    err(`resignal serve: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  // The host only: the URL may carry a password.
  const engineName = cluster ? `redis at ${new URL(values.redis ?? '').host}, media: ${cluster.mediaDir}` : 'embedded';
  out(`resignal listening on ${server.url} (engine: ${engineName}, data: ${dataDir})\n`);
  if (apps) {
    const certified = [...apps.values()].filter((app) => app.certificate !== undefined).length;
    out(`resignal: ${apps.size} app(s) from ${values.apps}, ${certified} with a certificate (token required)\n`);
  }

  const running = server;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      proc.off('SIGINT', stop);
      proc.off('SIGTERM', stop);
      out(`resignal: ${signal} received, closing connections…\n`);
      running
        .close()
        .then(() => cluster?.close())
        .then(
          () => resolve(0),
          (error: unknown) => {
            err(`resignal serve: error while closing: ${(error as Error).message}\n`);
            resolve(1);
          },
        );
    };
    proc.on('SIGINT', stop);
    proc.on('SIGTERM', stop);
  });
}

/** The apps registry, plus the REST secrets it names (`restSecret` fields) for the REST API. */
function appsOptions(apps: AppsRegistry | undefined): { apps?: AppsRegistry; restSecrets?: Record<string, string> } {
  if (!apps) return {};
  const restSecrets: Record<string, string> = {};
  for (const [appId, app] of apps) if (app.restSecret !== undefined) restSecrets[appId] = app.restSecret;
  return Object.keys(restSecrets).length > 0 ? { apps, restSecrets } : { apps };
}
