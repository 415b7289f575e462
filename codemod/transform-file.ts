import { extname } from 'node:path';
import { Project, ScriptKind, ts } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { isApiId } from './api.js';
import { FileContext } from './context.js';
import { legacyScriptTags, scriptBlocks } from './embedded.js';
import { isLegacyModuleSpecifier } from './analysis/legacy-names.js';
import { mentionsLegacyApi } from './prefilter.js';
import { lineNumberAt, newlineOf } from './text.js';
import { TODO_PATTERN } from './todo.js';
import { TRANSFORMS } from './transforms/index.js';
import type { CodemodOptions, FileFacts, SiteRecord, Transform } from './types.js';

export type FileOutcome = 'ok' | 'unchanged' | 'skipped' | 'error';

export interface FileResult {
  readonly path: string;
  readonly outcome: FileOutcome;
  readonly input: string;
  readonly output: string;
  readonly sites: readonly SiteRecord[];
  readonly error?: string;
}

export class CodemodSyntaxError extends Error {
  readonly code = 'CODEMOD_SYNTAX_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'CodemodSyntaxError';
  }
}

let sharedProject: Project | undefined;

function project(): Project {
  sharedProject ??= new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ESNext },
  });
  return sharedProject;
}

const SCRIPT_KINDS: Record<string, ScriptKind> = {
  '.js': ScriptKind.JSX,
  '.jsx': ScriptKind.JSX,
  '.mjs': ScriptKind.JS,
  '.cjs': ScriptKind.JS,
  '.ts': ScriptKind.TS,
  '.mts': ScriptKind.TS,
  '.cts': ScriptKind.TS,
  '.tsx': ScriptKind.TSX,
};

function parseErrors(sourceFile: SourceFile): string | undefined {
  const diagnostics = (sourceFile.compilerNode as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const line = first.start === undefined ? 0 : lineNumberAt(sourceFile.getFullText(), first.start);
  return `syntax error at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}

interface CodeResult {
  readonly output: string;
  readonly records: readonly SiteRecord[];
}

function isModuleCode(text: string): boolean {
  return /^\s*(import|export)\b/m.test(text) || /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text);
}

/** Runs every transform on one piece of JS/TS code: analysis first, then the recorded splices. */
export function transformCode(text: string, facts: FileFacts, options: CodemodOptions, scriptKind: ScriptKind, transforms: readonly Transform[] = TRANSFORMS): CodeResult {
  const fileName = `/resignal-input${scriptKind === ScriptKind.TS ? '.ts' : scriptKind === ScriptKind.TSX ? '.tsx' : '.jsx'}`;
  const sourceFile = project().createSourceFile(fileName, text, { overwrite: true, scriptKind });
  try {
    const error = parseErrors(sourceFile);
    if (error) throw new CodemodSyntaxError(error);
    const ctx = new FileContext(sourceFile, options, facts);
    for (const transform of transforms) transform.run(sourceFile, ctx);
    return { output: ctx.render(), records: ctx.records };
  } finally {
    project().removeSourceFile(sourceFile);
  }
}

function todoRecords(text: string, offset: number, whole: string): SiteRecord[] {
  const records: SiteRecord[] = [];
  for (const match of text.matchAll(TODO_PATTERN)) {
    const id = match[1] ?? '';
    if (!isApiId(id)) continue;
    const message = /\):\s*(.*?)(?:\s*\*\/\}?)?$/m.exec(text.slice(match.index ?? 0))?.[1];
    records.push({ id, status: 'todo', line: lineNumberAt(whole, offset + (match.index ?? 0)), ...(message ? { message } : {}) });
  }
  return records;
}

const SCRIPT_TAG_TODO =
  'TODO(resignal: SIG_SIGNAL): load the RTM 1.x SDK here instead of the legacy Signaling SDK (the resignal browser bundle, or agora-rtm-sdk/index.js), which defines the global AgoraRTM';

/** An HTML comment before each `<script src>` that still loads the legacy SDK (once). */
function markLegacyScriptTags(html: string): string {
  let out = html;
  for (const pos of legacyScriptTags(html, isLegacyModuleSpecifier).reverse()) {
    const lineStart = html.lastIndexOf('\n', pos - 1) + 1;
    const above = html.slice(Math.max(0, html.lastIndexOf('\n', lineStart - 2) + 1), pos);
    if (above.includes('TODO(resignal: SIG_SIGNAL)')) continue;
    const indent = /^[ \t]*/.exec(html.slice(lineStart, pos))?.[0] ?? '';
    out = `${out.slice(0, pos)}<!-- ${SCRIPT_TAG_TODO} -->${newlineOf(html)}${indent}${out.slice(pos)}`;
  }
  return out;
}

function factsFor(path: string, text: string, typescript: boolean, module: boolean | undefined): FileFacts {
  const ext = extname(path).toLowerCase();
  const isModule = module ?? (ext === '.mjs' || ext === '.cjs' || isModuleCode(text));
  const commonJs = ext === '.cjs' || (!/^\s*(import|export)\b/m.test(text) && /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text));
  return { path, typescript, jsx: ext === '.jsx' || ext === '.tsx' || ext === '.js', module: isModule, commonJs };
}

/** Transforms one file's text. Never throws: problems become the `error` outcome. */
export function transformSource(path: string, input: string, options: CodemodOptions): FileResult {
  if (!mentionsLegacyApi(input)) return { path, outcome: 'skipped', input, output: input, sites: [] };
  try {
    const ext = extname(path).toLowerCase();
    let output: string;
    const records: SiteRecord[] = [];
    if (ext === '.vue' || ext === '.html' || ext === '.htm') {
      const blocks = scriptBlocks(input, ext === '.vue' ? 'vue' : 'html');
      output = input;
      for (const block of [...blocks].reverse()) {
        const code = input.slice(block.start, block.end);
        const kind = block.typescript ? ScriptKind.TS : ScriptKind.JS;
        const result = transformCode(code, factsFor(path, code, block.typescript, block.module), options, kind);
        output = output.slice(0, block.start) + result.output + output.slice(block.end);
        records.push(...result.records.map((record) => ({ ...record, line: record.line + lineNumberAt(input, block.start) - 1 })));
      }
      if (ext !== '.vue') output = markLegacyScriptTags(output);
    } else {
      const kind = SCRIPT_KINDS[ext] ?? ScriptKind.JSX;
      const typescript = kind === ScriptKind.TS || kind === ScriptKind.TSX;
      const result = transformCode(input, factsFor(path, input, typescript, undefined), options, kind);
      output = result.output;
      records.push(...result.records);
    }
    const sites = [...records, ...todoRecords(output, 0, output)].sort((a, b) => a.line - b.line);
    return { path, outcome: output === input ? 'unchanged' : 'ok', input, output, sites };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { path, outcome: 'error', input, output: input, sites: [], error: message };
  }
}
