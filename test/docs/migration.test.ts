/*
 * docs/migration.md, followed from top to bottom on copies of examples/legacy-web-app and
 * examples/legacy-node-app, with the real CLI of this repository's build (dist/cli/resignal.js):
 * `sh {test}` blocks run and must exit as stated, `diff {apply}` blocks must apply, and each `js legacy`
 * block must convert to the `js converted` block after it. See "How this page is tested" in the guide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { transformSource } from '../../codemod/transform-file.js';
import resignal from '../../eslint-plugin/index.js';
import { codeBlocks, type CodeBlock } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'resignal.js');
const GUIDE = readFileSync(join(ROOT, 'docs', 'migration.md'), 'utf8');
const APPS: Readonly<Record<string, string>> = { web: 'legacy-web-app', node: 'legacy-node-app' };
const SERVER_PORT = 7070;
const blocks = codeBlocks(GUIDE);

let work = '';
const background: ChildProcess[] = [];
/** The first block that failed per app: later blocks of that app depend on it and are not run. */
const failed = new Map<string, number>();

const appDir = (block: CodeBlock): string => {
  const app = block.attributes.get('app') ?? 'node';
  if (!(app in APPS)) throw new Error(`docs/migration.md:${block.line}: unknown app=${app}`);
  return join(work, app);
};

/** `npm install resignal`, done offline: the repository (with its dist/) becomes the app's `resignal` package. */
function install(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'resignal'), 'dir');
  const bin = join(dir, 'node_modules', '.bin', 'resignal');
  writeFileSync(bin, `#!/bin/sh\nexec node ${JSON.stringify(CLI)} "$@"\n`);
  chmodSync(bin, 0o755);
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitForServer(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`http://127.0.0.1:${SERVER_PORT}/healthz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer on port ${SERVER_PORT} within 20 s:\n${output()}`);
}

function env(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(dir, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`, npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

function run(block: CodeBlock, dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', block.code], { cwd: dir, env: env(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

async function runBlock(block: CodeBlock): Promise<void> {
  const dir = appDir(block);
  if (block.flags.has('background')) {
    if (await portInUse(SERVER_PORT)) throw new Error(`port ${SERVER_PORT} is in use: the guide's server cannot start (stop whatever listens there)`);
    const child = spawn('sh', ['-c', `exec ${block.code}`], { cwd: dir, env: env(dir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    background.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForServer(child, () => output);
    return;
  }
  const subcommand = /npx resignal (\w+)/.exec(block.code)?.[1];
  const result = await run(block, dir);
  const expected = Number(block.attributes.get('exit') ?? '0');
  const unknown = subcommand !== undefined && result.output.includes(`unknown command "${subcommand}"`);
  const hint = unknown ? `\n(dist/cli/resignal.js has no "${subcommand}" command: rebuild, or the command has not landed yet)` : '';
  expect(result.code, `docs/migration.md:${block.line}: \`${block.code.trim()}\` exited with ${result.code}, expected ${expected}${hint}\n${result.output}`).toBe(expected);
}

function applyBlock(block: CodeBlock): void {
  const dir = appDir(block);
  for (const patch of parsePatch(block.code)) {
    const file = (patch.newFileName ?? '').replace(/^b\//, '');
    const path = join(dir, file);
    const patched = applyPatch(readFileSync(path, 'utf8'), patch);
    if (patched === false) throw new Error(`docs/migration.md:${block.line}: the diff does not apply to ${APPS[block.attributes.get('app') ?? 'node']}/${file} at this step:\n${readFileSync(path, 'utf8')}`);
    writeFileSync(path, patched);
  }
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before running the tests)`);
  work = mkdtempSync(join(tmpdir(), 'resignal-migration-'));
  for (const [name, folder] of Object.entries(APPS)) {
    cpSync(join(ROOT, 'examples', folder), join(work, name), { recursive: true });
  }
});

afterAll(() => {
  for (const child of background) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docs/migration.md', () => {
  test('has steps for both apps, tested blocks and legacy/converted pairs', () => {
    expect(blocks.filter((block) => block.flags.has('test')).map((block) => block.attributes.get('app'))).toEqual(expect.arrayContaining(['web', 'node']));
    expect(blocks.filter((block) => block.flags.has('legacy')).length).toBeGreaterThan(0);
    expect(blocks.filter((block) => block.lang === 'sh' && !block.flags.has('test') && !block.flags.has('setup'))).toEqual([]);
  });

  const steps = blocks.filter((block) => block.flags.has('test') || block.flags.has('apply') || block.flags.has('setup'));
  test.each(steps.map((block) => [block.line, block.code.split('\n')[0] ?? '', block] as const))('line %i: %s', async (_line, _first, block) => {
    const app = block.attributes.get('app') ?? 'node';
    const earlier = failed.get(app);
    if (earlier !== undefined) throw new Error(`not run: the block at docs/migration.md:${earlier} (same app) failed`);
    try {
      if (block.flags.has('setup')) {
        expect(block.code.trim()).toBe('npm install resignal');
        for (const name of Object.keys(APPS)) install(join(work, name));
      } else if (block.flags.has('apply')) {
        applyBlock(block);
      } else {
        await runBlock(block);
      }
    } catch (error) {
      // Later steps build on this one: running them would test something other than the guide.
      failed.set(app, block.line);
      throw error;
    }
  }, 180_000);

  test('step 8: the migrated apps pass resignal/no-legacy-signaling', async () => {
    const broken = [...failed.entries()].map(([app, line]) => `${app} (docs/migration.md:${line})`);
    if (broken.length > 0) throw new Error(`not run: the guide failed for ${broken.join(', ')}`);
    const eslint = new ESLint({
      cwd: work,
      overrideConfigFile: true,
      overrideConfig: [{ ...(resignal.configs.recommended as Linter.Config), files: ['**/*.js'] }],
    });
    const results = await eslint.lintFiles(['node/notifier.js', 'web/app.js']);
    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line} ${message.message}`))).toEqual([]);
  });

  const pairs = blocks.flatMap((block, index) => (block.flags.has('legacy') ? [[block.line, block, blocks[index + 1]] as const] : []));
  test.each(pairs)('the legacy block at line %i converts to the block after it', (_line, legacy, converted) => {
    expect(converted?.flags.has('converted'), 'a `legacy` block must be followed by a `converted` block').toBe(true);
    const result = transformSource(`example.${legacy.lang}`, legacy.code, { rtmModule: 'resignal', noPreserve: new Set() });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(converted?.code);
  });
});
