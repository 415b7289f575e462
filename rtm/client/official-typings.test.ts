/**
 * Type compatibility with the official agora-rtm-sdk@1.6.0 typings: an app written against them must compile
 * unchanged against resignal, and resignal's classes must have every public member of the official ones.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const officialTypings = require.resolve('agora-rtm-sdk/index.d.ts');

function compile(files: Record<string, string>, paths: Record<string, string[]>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    // Apps using the Web SDK are built with bundlers; resolve modules the way they do.
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    esModuleInterop: true,
    baseUrl: root,
    paths,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => files[fileName] ?? readFile(fileName);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName in files || fileExists(fileName);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || Object.keys(files).includes(d.file.fileName))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const sampleApp = readFileSync(join(here, '__typetests__/sample-app.ts.txt'), 'utf8');

describe('official typings compatibility', () => {
  it('the sample app compiles against the official typings (control)', () => {
    const file = join(root, 'rtm/client/__typetests__/sample-app.official.ts');
    expect(compile({ [file]: sampleApp }, { 'agora-rtm-sdk': [officialTypings] })).toEqual([]);
  }, 60_000);

  it('the same app compiles unchanged against resignal', () => {
    const file = join(root, 'rtm/client/__typetests__/sample-app.resignal.ts');
    expect(compile({ [file]: sampleApp }, { 'agora-rtm-sdk': [join(root, 'rtm/index.ts')] })).toEqual([]);
  }, 60_000);

  it('resignal classes have every public member of the official ones', () => {
    const file = join(root, 'rtm/client/__typetests__/members.ts');
    const source = `
      import type { RtmClient as O, RtmChannel as OC } from 'agora-rtm-sdk';
      import type { RtmClient as R, RtmChannel as RC } from ${JSON.stringify(join(root, 'rtm/index.js'))};
      type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
      export const client: Same<Exclude<keyof O, keyof R>, never> = true;
      export const channel: Same<Exclude<keyof OC, keyof RC>, never> = true;
    `;
    expect(compile({ [file]: source }, { 'agora-rtm-sdk': [officialTypings] })).toEqual([]);
  }, 60_000);
});
