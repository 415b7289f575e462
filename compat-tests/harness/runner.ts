/**
 * Runs one scenario: a real server, one process per role (each behind its own loopback TCP proxy so faults can
 * cut one user's network), barriers and faults coordinated here, traces collected per role.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../rtm/server/index.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import type { ParentToRole, RoleToParent, Side } from './messages.js';

export const DEFAULT_APP_ID = 'c0a1b2c3d4e5f60718293a4b5c6d7e8f';

const ROLE_PROCESS = fileURLToPath(new URL('../../dist/compat-tests/harness/role-process.js', import.meta.url));
const ROLE_PROCESS_IN_DIST = fileURLToPath(new URL('./role-process.js', import.meta.url));

function roleProcessPath(): string {
  // From the source tree (vitest) use the build; from the build (CLI) use the sibling file.
  if (import.meta.url.endsWith('.js') && existsSync(ROLE_PROCESS_IN_DIST)) return ROLE_PROCESS_IN_DIST;
  if (!existsSync(ROLE_PROCESS)) throw new Error(`${ROLE_PROCESS} is missing: run \`npm run build\` first (npm test does).`);
  return ROLE_PROCESS;
}

export interface RoleAssignment {
  /** Which implementation this role runs on. */
  side: Side;
  /** The module to load for this role. */
  module: string;
}

export interface RunResult {
  traces: Record<string, unknown[][]>;
  /** Legacy API-map IDs the shim-side roles used, with counts. */
  usage: Record<string, number>;
  errors: Record<string, string>;
}

export interface RunOptions {
  roles: Record<string, RoleAssignment>;
  appId?: string;
  timeoutMs?: number;
  /** Use an existing server instead of starting one (faults of kind 'restart-server' then fail). */
  serverUrl?: string;
  /** The App ID's REST secret on `serverUrl`; a runner-owned server gets a random one per run. */
  restSecret?: string;
}

export async function runScenario(options: RunOptions): Promise<RunResult> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const roleNames = Object.keys(options.roles);
  // A runner-owned server keeps its SQLite data in a folder of its own, so a restart keeps durable data.
  const dataDir = options.serverUrl ? undefined : await mkdtemp(join(tmpdir(), 'resignal-compat-'));
  // Roles get the REST secret as env.restSecret (server-side features such as forced channel sends).
  const restSecret = options.restSecret ?? (dataDir ? randomBytes(24).toString('hex') : undefined);
  const restSecrets = restSecret === undefined ? {} : { [appId]: restSecret };
  const start = (): Promise<RunningServer> => startServer({ port: 0, log: false, dataDir, restSecrets });
  let server: RunningServer | undefined = dataDir ? await start() : undefined;
  const targetPort = server ? server.port : Number(new URL(options.serverUrl ?? '').port);
  const proxies = new Map<string, TcpProxy>();
  const children = new Map<string, ChildProcess>();
  const result: RunResult = { traces: {}, usage: {}, errors: {} };
  const barriers = new Map<string, Set<string>>();
  const finished = new Set<string>();

  const openBarriers = (): void => {
    const active = roleNames.filter((name) => !finished.has(name));
    for (const [name, arrived] of barriers) {
      if (active.every((role) => arrived.has(role))) {
        barriers.delete(name);
        for (const role of arrived) tell(role, { type: 'barrier-open', name });
      }
    }
  };
  const tell = (role: string, message: ParentToRole): void => {
    const child = children.get(role);
    if (child?.connected) child.send(message);
  };

  try {
    for (const role of roleNames) proxies.set(role, await startTcpProxy(targetPort));
    const done = roleNames.map(
      (role) =>
        new Promise<void>((resolve) => {
          const assignment = options.roles[role];
          if (!assignment) return resolve();
          result.traces[role] = [];
          const child = fork(roleProcessPath(), [], {
            execArgv: [],
            env: { ...process.env, RESIGNAL_URL: proxies.get(role)?.url ?? '' },
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
          children.set(role, child);
          const finish = (): void => {
            finished.add(role);
            openBarriers();
            resolve();
          };
          child.on('message', (message: RoleToParent) => {
            switch (message.type) {
              case 'trace':
                result.traces[role]?.push(message.entry);
                return;
              case 'usage':
                for (const [id, count] of Object.entries(message.ids)) result.usage[id] = (result.usage[id] ?? 0) + count;
                return;
              case 'barrier': {
                let arrived = barriers.get(message.name);
                if (!arrived) barriers.set(message.name, (arrived = new Set()));
                arrived.add(role);
                openBarriers();
                return;
              }
              case 'fault':
                void applyFault(message.kind, message.ms, role).then(
                  () => tell(role, { type: 'fault-done', id: message.id }),
                  (error: unknown) => {
                    result.errors[role] = `fault ${message.kind} failed: ${String(error)}`;
                    tell(role, { type: 'fault-done', id: message.id });
                  },
                );
                return;
              case 'failed':
                result.errors[role] = message.error;
                return;
              case 'done':
                return;
            }
          });
          child.on('exit', (code) => {
            if (code !== 0 && !result.errors[role]) result.errors[role] = `role process exited with code ${String(code)}`;
            finish();
          });
          child.send({ type: 'start', module: assignment.module, role, side: assignment.side, appId, ...(restSecret === undefined ? {} : { restSecret }) } satisfies ParentToRole);
        }),
    );

    const applyFault = async (kind: 'cut' | 'restart-server', ms: number, role: string): Promise<void> => {
      if (kind === 'cut') {
        const proxy = proxies.get(role);
        if (!proxy) return;
        proxy.block(true);
        proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, ms));
        proxy.block(false);
        return;
      }
      if (!server) throw new Error('restart-server needs a runner-owned server');
      // A real restart: new connections are refused, the server closes its sockets itself (1001 going away),
      // stays down for `ms`, then comes back on the same data folder.
      for (const proxy of proxies.values()) proxy.block(true);
      const stopping = server;
      server = undefined;
      await stopping.close();
      for (const proxy of proxies.values()) proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, ms));
      server = await start();
      for (const proxy of proxies.values()) {
        proxy.retarget(server.port);
        proxy.block(false);
      }
    };

    const timeoutMs = options.timeoutMs ?? 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([Promise.all(done), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      for (const role of roleNames) if (!finished.has(role)) result.errors[role] ??= `timed out after ${timeoutMs} ms`;
    }
    return result;
  } finally {
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
    for (const proxy of proxies.values()) await proxy.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
