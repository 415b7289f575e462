import type { RunContext } from '../context.js';
import { openClients, uidList } from '../load/pool.js';
import { measureWindow } from '../measure.js';
import { summarize } from '../stats/summary.js';
import { SYSTEM_IDS } from '../systems.js';
import { bySize } from './sizes.js';
import type { Scenario } from './types.js';
import { asSystem, withServer } from './with-server.js';

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function measure(subject: string, ctx: RunContext, clients: number): Promise<Record<string, number>> {
  const system = asSystem(subject);
  return withServer(ctx, system, async (server) => {
    const { window, value: opened } = await measureWindow(ctx, server, () =>
      openClients(ctx, ctx.clientKind(system), server.url, uidList('storm', clients), { concurrency: 0, strict: false }),
    );
    if (opened.failed > 0) ctx.log(`  ${opened.failed} of ${clients} failed, first: ${opened.firstError ?? '?'}`);
    const times = [...opened.loginMs].sort((a, b) => a - b);
    return {
      loggedIn: opened.opened,
      failed: opened.failed,
      allConnectedMs: opened.finishedAtMs - opened.startedAtMs,
      loginP50Ms: summarize(times).median,
      loginP99Ms: quantile(times, 0.99),
      serverCpuMicrosPerLogin: window.serverCpuMicros / Math.max(1, opened.opened),
    };
  });
}

export const loginStormScenario: Scenario = {
  id: 'login-storm',
  title: 'Login storm',
  description:
    'C clients, spread over the load generator processes, all start connecting and logging in at the same moment. "All connected" runs from the first connect to the last login reply; login time is per client, connect to login reply.',
  metrics: [
    { key: 'allConnectedMs', label: 'all connected', unit: 'ms', digits: 0 },
    { key: 'loginP50Ms', label: 'login p50', unit: 'ms', digits: 0 },
    { key: 'loginP99Ms', label: 'login p99', unit: 'ms', digits: 0 },
    { key: 'serverCpuMicrosPerLogin', label: 'server CPU/login', unit: 'µs', digits: 0 },
    { key: 'failed', label: 'failed', unit: '', digits: 0 },
  ],
  cases: (options) =>
    [bySize(options, { smoke: 5, quick: 1000, full: 5000 })].map((clients) => ({
      label: `C=${clients}`,
      subjects: SYSTEM_IDS,
      measure: (subject, ctx) => measure(subject, ctx, clients),
    })),
};
