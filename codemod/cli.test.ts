import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCodemodCommand } from './cli.js';
import type { CodemodIo } from './cli.js';
import { dirtyFiles } from './git.js';
import type { CodemodReport } from './report.js';
import { FIXTURE_DIR } from './test/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'resignal-codemod-cli-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function capture(cwd: string, dirty: string[] = []): CodemodIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    dirtyFiles: () => Promise.resolve(dirty),
    out: () => out,
    err: () => err,
  };
}

const fixture = (name: string): string => readFileSync(join(FIXTURE_DIR, name), 'utf8');
const CLEAN = fixture('web-basic.input.js');
const WITH_TODO = fixture('channel-leave-scope.input.js');

describe('resignal codemod (CLI)', () => {
  test('--help prints usage and exit codes; no arguments is bad usage', async () => {
    const io = capture(process.cwd());
    expect(await runCodemodCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Exit codes:');
    expect(await runCodemodCommand(['run', '--help'], io)).toBe(0);
    expect(await runCodemodCommand([], capture(process.cwd()))).toBe(2);
  });

  test.each([[['run']], [['run', '.', '--bogus']], [['run', '.', '--no-preserve', 'nothing']], [['fly']], [['run', '.', '--dry', '--print']], [['run', 'does-not-exist']]])(
    'bad usage %j exits 2',
    async (argv) => {
      const io = capture(project({}));
      expect(await runCodemodCommand(argv, io)).toBe(2);
      expect(io.err()).toMatch(/resignal codemod/);
    },
  );

  test('converts and writes files; 0 when everything converted', async () => {
    const dir = project({ 'src/app.js': CLEAN, 'src/plain.js': 'export const x = 1;\n' });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', 'src'], io)).toBe(0);
    expect(readFileSync(join(dir, 'src/app.js'), 'utf8')).toBe(fixture('web-basic.output.js'));
    expect(readFileSync(join(dir, 'src/plain.js'), 'utf8')).toBe('export const x = 1;\n');
    expect(io.out()).toContain('files: 1 changed, 0 unchanged, 1 skipped');
    expect(io.out()).toContain('SIG_MESSAGE_INSTANT_SEND');
  });

  test('exits 3 when TODOs remain, and a second run changes nothing', async () => {
    const dir = project({ 'app.js': WITH_TODO });
    expect(await runCodemodCommand(['run', '.'], capture(dir))).toBe(3);
    const once = readFileSync(join(dir, 'app.js'), 'utf8');
    const io = capture(dir);
    expect(await runCodemodCommand(['run', '.'], io)).toBe(3);
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(once);
    expect(io.out()).toContain('files: 0 changed, 1 unchanged');
  });

  test('--dry prints a unified diff and writes nothing', async () => {
    const dir = project({ 'app.js': CLEAN });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', 'app.js', '--dry'], io)).toBe(0);
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(CLEAN);
    expect(io.out()).toContain('--- a/app.js');
    expect(io.out()).toContain('+++ b/app.js');
    expect(io.out()).toContain('-var signal = Signal(appId);');
    expect(io.out()).toContain('+var signal = AgoraRTM.createInstance(appId);');
    expect(io.out()).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/m);
  });

  test('--print prints the converted file and writes nothing', async () => {
    const dir = project({ 'app.js': CLEAN });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', 'app.js', '--print'], io)).toBe(0);
    expect(io.out()).toBe(fixture('web-basic.output.js'));
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(CLEAN);
  });

  test('--json reports per file and per API-map ID', async () => {
    const dir = project({ 'a.js': CLEAN, 'b.js': WITH_TODO });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', '.', '--json', '--dry'], io)).toBe(3);
    const report = JSON.parse(io.out()) as CodemodReport;
    expect(report.files.map((file) => [file.path, file.outcome])).toEqual([
      ['a.js', 'ok'],
      ['b.js', 'ok'],
    ]);
    expect(report.files[0]!.diff).toContain('+++ b/a.js');
    expect(report.ids.SIG_MESSAGE_INSTANT_SEND).toEqual({ converted: 1, todo: 0, skipped: 0, error: 0 });
    expect(report.ids.SIG_CHANNEL_LEAVE).toEqual({ converted: 0, todo: 1, skipped: 0, error: 0 });
    expect(report.totals.files).toEqual({ ok: 2, unchanged: 0, skipped: 0, error: 0 });
    expect(report.totals.sites.todo).toBe(2);
    const site = report.files[1]!.sites.find((entry) => entry.status === 'todo');
    expect(site).toMatchObject({ id: 'SIG_ON_CHANNEL_LEAVED', line: expect.any(Number) as number, message: expect.stringContaining('channel.leave()') as string });
  });

  test('a file that cannot be parsed is reported (exit 1) and does not stop the others', async () => {
    const dir = project({ 'a-broken.js': 'var s = Signal(appId);\nfunction (\n', 'b-good.js': CLEAN });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', '.', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out()) as CodemodReport;
    expect(report.files[0]).toMatchObject({ path: 'a-broken.js', outcome: 'error', error: expect.stringContaining('syntax error at line 2') as string });
    expect(report.files[1]).toMatchObject({ path: 'b-good.js', outcome: 'ok' });
    expect(readFileSync(join(dir, 'b-good.js'), 'utf8')).toBe(fixture('web-basic.output.js'));
    expect(readFileSync(join(dir, 'a-broken.js'), 'utf8')).toContain('Signal(appId)');
  });

  test('refuses to write into a dirty git tree unless --allow-dirty', async () => {
    const dir = project({ 'app.js': CLEAN });
    const io = capture(dir, [' M app.js']);
    expect(await runCodemodCommand(['run', '.'], io)).toBe(2);
    expect(io.err()).toContain('--allow-dirty');
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(CLEAN);
    expect(await runCodemodCommand(['run', '.', '--dry'], capture(dir, [' M app.js']))).toBe(0);
    expect(await runCodemodCommand(['run', '.', '--allow-dirty'], capture(dir, [' M app.js']))).toBe(0);
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(fixture('web-basic.output.js'));
  });

  test('outside a git work tree nothing counts as dirty', async () => {
    expect(await dirtyFiles(project({ 'app.js': CLEAN }), ['.'])).toEqual([]);
  });

  test('respects .gitignore, --ignore and --extensions', async () => {
    const dir = project({
      '.gitignore': 'dist/\n*.min.js\n',
      'dist/app.js': CLEAN,
      'lib/sdk.min.js': CLEAN,
      'legacy/old.js': CLEAN,
      'src/app.js': CLEAN,
      'src/app.mjs': CLEAN,
      'node_modules/pkg/index.js': CLEAN,
    });
    const io = capture(dir);
    expect(await runCodemodCommand(['run', '.', '--json', '--dry', '--ignore', 'legacy/**', '--extensions', 'js'], io)).toBe(0);
    const report = JSON.parse(io.out()) as CodemodReport;
    expect(report.files.map((file) => file.path)).toEqual(['src/app.js']);
  });

  test('--rtm-module and --no-preserve reach the transforms', async () => {
    const dir = project({ 'app.js': fixture('no-preserve.input.js') });
    const io = capture(dir);
    await runCodemodCommand(['run', '.', '--print', '--rtm-module', 'agora-rtm-sdk', '--no-preserve', 'own-channel-message,member-list-on-join', '--no-preserve=handler-errors'], io);
    expect(io.out()).toContain("import AgoraRTM from 'agora-rtm-sdk';");
    expect(io.out()).toContain("channel.sendMessage({ text: 'hi' })");
  });
});
