import type { StormStatus } from './worker-api.js';

/** The status of every worker added up. */
export function sumStatus(all: readonly StormStatus[]): StormStatus {
  const total: StormStatus = { clients: 0, ready: 0, resumed: 0, fresh: 0, failedAttempts: 0, closeCodes: {}, sent: 0, ok: 0, errors: {}, received: 0 };
  for (const s of all) {
    for (const key of ['clients', 'ready', 'resumed', 'fresh', 'failedAttempts', 'sent', 'ok', 'received'] as const) total[key] += s[key];
    for (const [code, n] of Object.entries(s.closeCodes)) total.closeCodes[code] = (total.closeCodes[code] ?? 0) + n;
    for (const [code, n] of Object.entries(s.errors)) total.errors[code] = (total.errors[code] ?? 0) + n;
  }
  return total;
}
