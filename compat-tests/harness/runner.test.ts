/** The runner's server restart: a real restart on the same data folder, so durable (SQLite) data survives it. */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runScenario } from './runner.js';

const fixture = fileURLToPath(new URL('./fixtures/durable-across-restart.mjs', import.meta.url));

it('restart-server keeps durable data: an offline message stored before the restart is delivered after it', async () => {
  const result = await runScenario({
    roles: { alice: { side: 'native', module: fixture }, bob: { side: 'native', module: fixture } },
    timeoutMs: 20_000,
  });
  expect(result.errors).toEqual({});
  expect(result.traces).toEqual({
    alice: [['sent', false]],
    bob: [['received', 'stored', 'alice', true]],
  });
});
