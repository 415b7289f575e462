/** Runs every curl example of docs/rest-api.md against a real server and compares each answer with the doc. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENGINES, useServers } from './harness.js';

const run = promisify(execFile);
const DOC = readFileSync(new URL('../../../docs/rest-api.md', import.meta.url), 'utf8');
const DOC_BASE = 'http://127.0.0.1:7070';
const APP_ID = '0123456789abcdef0123456789abcdef';

interface Example {
  command: string;
  expected: Record<string, unknown>;
}

function examples(): Example[] {
  const blocks = [...DOC.matchAll(/```(sh|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] ?? '' }));
  const out: Example[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.lang !== 'sh' || !block.body.trimStart().startsWith('curl') || next?.lang !== 'json') return;
    out.push({ command: block.body.trim(), expected: JSON.parse(next.body.replace(/"…"/g, '""')) as Record<string, unknown> });
  });
  return out;
}

/** Drops what differs per run (ids, times, handles, message texts) and keeps what the doc promises. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== 'object' || value === null) return value;
  const VOLATILE = new Set(['request_id', 'message', 'location', 'ts', 'ms']);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !VOLATILE.has(key)).map(([key, v]) => [key, stable(v)]));
}

describe('docs/rest-api.md', () => {
  const h = useServers(ENGINES[0]!);

  it('has curl examples, and each one answers what the doc shows', async () => {
    const list = examples();
    expect(list.length).toBeGreaterThanOrEqual(10);
    const server = await h.start({ restSecrets: { [APP_ID]: 'doc-example-secret-1' } });
    const { client: userB } = await h.login(server, 'userB', { appId: APP_ID });
    await userB.request('ch.join', { ch: 'channelA' });
    let handle = '';
    for (const example of list) {
      const command = example.command.replaceAll(DOC_BASE, server.url);
      const { stdout } = await run('bash', ['-c', command], { env: { ...process.env, HANDLE: handle } });
      const answer = JSON.parse(stdout) as Record<string, unknown>;
      expect(stable(answer), command).toEqual(stable(example.expected));
      if (typeof answer['location'] === 'string') handle = answer['location'].split('/').pop() ?? '';
    }
  });
});
