import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from './index.js';
import { bundleStoreChild, collectLines, killAndWait, startChild } from './test-fixtures/child-process.js';
import { CRASH_APP, CRASH_RECEIVER } from './test-fixtures/constants.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-crash-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('keeps every acknowledged offline message exactly once after SIGKILL mid-stream', async () => {
  const dataDir = path.join(root, 'data');
  const bundle = await bundleStoreChild(root);
  const child = startChild(bundle, 'stream', dataDir);
  const { lines, reached } = collectLines(child, (seen) => seen.length >= 500);
  try {
    await reached;
  } finally {
    await killAndWait(child);
  }
  const acknowledged = [...lines];
  expect(child.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(500);

  const store = await openStore({ dataDir });
  const stored: string[] = [];
  for (;;) {
    const batch = await store.takeOffline(CRASH_APP, CRASH_RECEIVER, 10_000);
    if (batch.length === 0) break;
    stored.push(...batch.map((m) => m.id));
    await store.ackOffline(CRASH_APP, CRASH_RECEIVER, batch.map((m) => m.id));
  }
  await store.close();

  const occurrences = new Map<string, number>();
  for (const id of stored) occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
  expect(acknowledged.filter((id) => occurrences.get(id) !== 1)).toEqual([]);
  expect(stored.length).toBe(occurrences.size);
});
