/**
 * One role of a compat scenario, in its own process (its own globals and connection, like a real user's
 * device). Installs the legacy `Signal` (shim side) or `AgoraRTM` (converted and native sides) as globals,
 * runs the role function and reports its trace to the runner.
 */
import { pathToFileURL } from 'node:url';
import AgoraRTM from '../../rtm/index.js';
import { getLegacyUsageReport, configureDeprecations } from '../../shim/deprecation.js';
import AgoraAPI from '../../shim/flat/index.js';
import { installGlobals } from '../../shim/globals.js';
import type { FaultKind, ParentToRole, RoleStart, RoleToParent } from './messages.js';
import type { RoleEnv, ScenarioModule } from './scenario.js';

function send(message: RoleToParent): void {
  process.send?.(message);
}

const barrierWaiters = new Map<string, () => void>();
const faultWaiters = new Map<number, () => void>();
let nextFault = 1;

function env(start: RoleStart, trace: unknown[][]): RoleEnv {
  const waiters: (() => void)[] = [];
  return {
    appId: start.appId,
    role: start.role,
    serverUrl: process.env['RESIGNAL_URL'] ?? '',
    restSecret: start.restSecret,
    trace(event, ...args) {
      const entry = [event, ...args];
      trace.push(entry);
      send({ type: 'trace', entry });
      for (const wake of waiters.splice(0)) wake();
    },
    async until(event, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (trace.filter((e) => e[0] === event).length < count) {
        if (Date.now() > deadline) throw new Error(`role ${start.role}: timed out waiting for ${count}× ${event}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    barrier(name) {
      return new Promise<void>((resolve) => {
        barrierWaiters.set(name, resolve);
        send({ type: 'barrier', name });
      });
    },
    fault(kind: FaultKind, ms = 300) {
      const id = nextFault++;
      return new Promise<void>((resolve) => {
        faultWaiters.set(id, resolve);
        send({ type: 'fault', id, kind, ms });
      });
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

async function run(start: RoleStart): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  if (start.side === 'shim') {
    installGlobals(globalThis);
    // The native flat API of apps ported from iOS/Android/C++/React Native.
    globals['AgoraAPI'] = AgoraAPI;
    configureDeprecations({ mode: 'silent' });
  } else {
    globals['AgoraRTM'] = AgoraRTM;
  }
  const scenario = ((await import(pathToFileURL(start.module).href)) as { default: ScenarioModule }).default;
  const role = scenario.roles[start.role];
  if (!role) throw new Error(`scenario ${start.module} has no role "${start.role}"`);
  const trace: unknown[][] = [];
  await role(env(start, trace));
  if (start.side === 'shim') send({ type: 'usage', ids: Object.fromEntries(getLegacyUsageReport().map((u) => [u.id, u.count])) });
}

process.on('message', (message: ParentToRole) => {
  switch (message.type) {
    case 'start':
      run(message).then(
        () => {
          send({ type: 'done' });
          // Give the last IPC messages time to leave, then end: roles do not always log out.
          setTimeout(() => process.exit(0), 50);
        },
        (error: unknown) => {
          send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          setTimeout(() => process.exit(1), 50);
        },
      );
      return;
    case 'barrier-open':
      barrierWaiters.get(message.name)?.();
      barrierWaiters.delete(message.name);
      return;
    case 'fault-done':
      faultWaiters.get(message.id)?.();
      faultWaiters.delete(message.id);
      return;
  }
});
