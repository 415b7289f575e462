import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import { listFixtures, NEGATIVE_FIXTURES } from './test/fixtures.js';
import { TODO_PATTERN } from './todo.js';
import { transformSource } from './transform-file.js';

const ROOT = resolve(import.meta.dirname, '..');
const SDK_TYPES = join(ROOT, 'node_modules', 'agora-rtm-sdk', 'index.d.ts');
const RESIGNAL_TYPES = join(ROOT, 'rtm', 'index.ts');
const CHECKED_EXTENSIONS = new Set(['js', 'jsx', 'mjs', 'ts', 'tsx']);
const work = mkdtempSync(join(tmpdir(), 'resignal-codemod-typecheck-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Fixtures whose output is fully converted code (no TODO left) in a JS/TS file. */
const candidates = listFixtures().filter((fixture) => {
  if (!CHECKED_EXTENSIONS.has(fixture.ext) || NEGATIVE_FIXTURES.has(fixture.name)) return false;
  return !new RegExp(TODO_PATTERN.source).test(readFileSync(fixture.outputPath, 'utf8'));
});

function diagnosticsOf(file: string, typings: string): string[] {
  const globals = join(work, 'rtm-global.d.ts');
  writeFileSync(globals, "declare const AgoraRTM: typeof import('agora-rtm-sdk').default;\n");
  const options: ts.CompilerOptions = {
    strict: true,
    // Plain JavaScript has no annotations: implicit `any` is the language, every other strict check applies.
    noImplicitAny: /\.(ts|tsx)$/.test(file),
    noEmit: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    jsx: ts.JsxEmit.Preserve,
    paths: { 'agora-rtm-sdk': [typings] },
  };
  const program = ts.createProgram([file, globals], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

describe('converted fixtures type-check against agora-rtm-sdk@1.6.0', () => {
  test('there are fixtures to check', () => {
    expect(candidates.length).toBeGreaterThanOrEqual(3);
  });

  test.each(candidates.map((fixture) => [`${fixture.name}.${fixture.ext}`, fixture] as const))('%s', (_label, fixture) => {
    const input = readFileSync(fixture.inputPath, 'utf8');
    const result = transformSource(fixture.inputPath, input, { ...fixture.options, rtmModule: 'agora-rtm-sdk' });
    expect(result.error).toBeUndefined();
    const file = join(work, `${fixture.name}.${fixture.ext}`);
    writeFileSync(file, result.output);
    expect(diagnosticsOf(file, SDK_TYPES)).toEqual([]);
  });
});

describe("converted fixtures type-check against resignal's own client (import AgoraRTM from 'resignal')", () => {
  test.each(candidates.map((fixture) => [`${fixture.name}.${fixture.ext}`, fixture] as const))('%s', (_label, fixture) => {
    const input = readFileSync(fixture.inputPath, 'utf8');
    const result = transformSource(fixture.inputPath, input, { ...fixture.options, rtmModule: 'agora-rtm-sdk' });
    const file = join(work, `resignal-${fixture.name}.${fixture.ext}`);
    writeFileSync(file, result.output);
    expect(diagnosticsOf(file, RESIGNAL_TYPES)).toEqual([]);
  });
});
