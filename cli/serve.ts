import { parseArgs } from 'node:util';
import { startServer } from '../rtm/server/index.js';

const HELP = `Usage: resignal serve [options]

Start the resignal RTM server (embedded engine).

Options:
  --port <n>     TCP port to listen on (default 7070; 0 picks a free port)
  --host <addr>  Address to bind (default 127.0.0.1; use 0.0.0.0 to listen on every interface)
  --data <dir>   Data directory (default ./data)
  -h, --help     Show this help

Endpoints: GET /healthz, WebSocket /rtm. Stop with Ctrl+C (SIGINT) or SIGTERM for a graceful shutdown.
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
  let values: { port?: string; host?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
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

  let server;
  try {
    server = await startServer({ port, host, dataDir });
  } catch (error) {
    err(`resignal serve: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  out(`resignal listening on ${server.url} (engine: embedded, data: ${dataDir})\n`);

  const running = server;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      proc.off('SIGINT', stop);
      proc.off('SIGTERM', stop);
      out(`resignal: ${signal} received, closing connections…\n`);
      running.close().then(
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
