/**
 * Seeded randomness for the reliability suite. One run seed (RESIGNAL_SEED, or a fresh one printed at start);
 * every scenario derives its own seed from it and a label, so a failing run replays with the same inputs.
 */

function parseSeed(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`RESIGNAL_SEED must be an integer, got "${raw}"`);
  return value >>> 0;
}

export const RUN_SEED: number = parseSeed(process.env['RESIGNAL_SEED']) ?? ((Date.now() ^ (process.pid << 16)) >>> 0);

/** FNV-1a of the label mixed with the run seed: a stable per-scenario seed. */
export function seedFor(label: string): number {
  let hash = 0x811c9dc5 ^ RUN_SEED;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** mulberry32: small, fast, good enough to pick test inputs. Returns floats in [0, 1). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function replayHint(): string {
  return `replay with RESIGNAL_SEED=${RUN_SEED} npm run test:reliability`;
}

/** Runs `body`; a failure is rethrown with the run seed in its message so the run can be replayed. */
export async function withSeed<T>(label: string, body: (seed: number) => Promise<T> | T): Promise<T> {
  try {
    return await body(seedFor(label));
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\ncaused by: ${error.cause.stack ?? error.cause.message}` : '';
    const message = (error instanceof Error ? error.message : String(error)) + cause;
    const wrapped = new Error(`[${label}] failed with run seed ${RUN_SEED} (${replayHint()}):\n${message}`);
    if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
    throw wrapped;
  }
}
