import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { DIFFERENCES, isDifference } from './differences.js';
import type { Difference } from './differences.js';
import { DEFAULT_EXTENSIONS, discoverFiles } from './discover.js';
import { dirtyFiles } from './git.js';
import { buildReport, exitCodeOf, formatSummary } from './report.js';
import { transformSource } from './transform-file.js';

export interface CodemodIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  /** Lists uncommitted changes under the paths (default: `git status --porcelain`). */
  readonly dirtyFiles?: (cwd: string, paths: readonly string[]) => Promise<string[]>;
}

export const EXIT = { ok: 0, error: 1, usage: 2, todo: 3 } as const;

const HELP = `Usage: resignal codemod run <paths…> [options]

Rewrites legacy Signaling SDK call sites (Signal(), session/channel/call callbacks, invoke, …) to the
RTM 1.x API. Sites that cannot be converted safely keep their code and get a
// TODO(resignal: <ID>): <what to do> comment. See docs/codemod.md.

Options:
  --dry                  print a unified diff of every change; write nothing
  --print                print every changed file; write nothing
  --json                 print the report as JSON (per file and per API-map ID)
  --extensions <list>    comma-separated extensions (default ${DEFAULT_EXTENSIONS.join(',')})
  --ignore <glob>        skip matching paths (repeatable; .gitignore is always respected)
  --rtm-module <name>    module that provides AgoraRTM in module files (default resignal; agora-rtm-sdk works too)
  --no-preserve <name>   do not reproduce one legacy behaviour (repeatable or comma-separated):
${Object.entries(DIFFERENCES).map(([name, text]) => `                           ${name}: ${text}`).join('\n')}
  --allow-dirty          write even if git reports uncommitted changes under the paths
  -h, --help             show this help

Exit codes:
  0  every legacy site was converted
  1  at least one file could not be processed (the others were)
  2  bad usage, or a dirty git tree without --allow-dirty
  3  TODO(resignal) comments remain
`;

interface ParsedArgs {
  readonly paths: string[];
  readonly dry: boolean;
  readonly print: boolean;
  readonly json: boolean;
  readonly extensions: string[];
  readonly ignore: string[];
  readonly rtmModule: string;
  readonly noPreserve: Set<Difference>;
  readonly allowDirty: boolean;
}

class UsageError extends Error {
  readonly code = 'CODEMOD_USAGE';
}

function parseArgs(argv: readonly string[]): ParsedArgs | 'help' {
  const args: ParsedArgs = { paths: [], dry: false, print: false, json: false, extensions: [...DEFAULT_EXTENSIONS], ignore: [], rtmModule: 'resignal', noPreserve: new Set(), allowDirty: false };
  const mutable = args as { -readonly [K in keyof ParsedArgs]: ParsedArgs[K] };
  const rest = [...argv];
  const value = (flag: string, inline: string | undefined): string => {
    const next = inline ?? rest.shift();
    if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  while (rest.length > 0) {
    const raw = rest.shift()!;
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--dry':
        mutable.dry = true;
        break;
      case '--print':
        mutable.print = true;
        break;
      case '--json':
        mutable.json = true;
        break;
      case '--allow-dirty':
        mutable.allowDirty = true;
        break;
      case '--extensions':
        mutable.extensions = value(flag, inline).split(',').map((ext) => ext.trim()).filter(Boolean).map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
        if (mutable.extensions.length === 0) throw new UsageError('--extensions needs at least one extension');
        break;
      case '--ignore':
        mutable.ignore.push(value(flag, inline));
        break;
      case '--rtm-module':
        mutable.rtmModule = value(flag, inline);
        if (!/^[@\w./-]+$/.test(mutable.rtmModule)) throw new UsageError(`--rtm-module: not a module name: ${mutable.rtmModule}`);
        break;
      case '--no-preserve':
        for (const name of value(flag, inline).split(',').map((part) => part.trim())) {
          if (!isDifference(name)) throw new UsageError(`--no-preserve: unknown difference "${name}" (known: ${Object.keys(DIFFERENCES).join(', ')})`);
          args.noPreserve.add(name);
        }
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        args.paths.push(raw);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no paths given');
  if (args.dry && args.print) throw new UsageError('--dry and --print cannot be combined');
  return args;
}

function progress(io: CodemodIo, done: number, total: number, path: string): void {
  if (!io.stderr.isTTY || total < 2) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.slice(-40).padEnd(40)}`);
  if (done === total) io.stderr.write('\n');
}

async function run(args: ParsedArgs, io: CodemodIo): Promise<number> {
  const writes = !args.dry && !args.print;
  if (writes && !args.allowDirty) {
    const dirty = await (io.dirtyFiles ?? dirtyFiles)(io.cwd, args.paths);
    if (dirty.length > 0) {
      io.stderr.write(`resignal codemod: refusing to write into a dirty git tree (commit or stash first, or pass --allow-dirty):\n${dirty.map((line) => `  ${line}`).join('\n')}\n`);
      return EXIT.usage;
    }
  }
  const files = await discoverFiles(args.paths, { cwd: io.cwd, extensions: args.extensions, ignore: args.ignore });
  const options = { rtmModule: args.rtmModule, noPreserve: args.noPreserve };
  const results = [];
  for (const [index, file] of files.entries()) {
    const relativePath = relative(io.cwd, file) || file;
    let result;
    try {
      // Synchronous I/O on purpose: one file at a time, and far faster than fs/promises for many small files.
      result = transformSource(file, readFileSync(file, 'utf8'), options);
      if (writes && result.outcome === 'ok') writeFileSync(file, result.output, 'utf8');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { path: file, outcome: 'error' as const, input: '', output: '', sites: [], error: message };
    }
    const diff = args.dry && result.outcome === 'ok' ? createTwoFilesPatch(`a/${relativePath}`, `b/${relativePath}`, result.input, result.output) : undefined;
    // The report needs neither text: holding every file's text until the end only makes garbage collection slower.
    results.push({ ...result, input: '', output: '', relativePath, ...(diff === undefined ? {} : { diff }) });
    progress(io, index + 1, files.length, relativePath);
    if (!args.json && diff) io.stdout.write(diff);
    if (!args.json && args.print && result.outcome === 'ok') io.stdout.write(files.length > 1 ? `==> ${relativePath} <==\n${result.output}\n` : result.output);
  }
  const report = buildReport(results);
  if (args.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else (args.dry || args.print ? io.stderr : io.stdout).write(formatSummary(report));
  return exitCodeOf(report);
}

/** `resignal codemod …`: returns the process exit code (see HELP). */
export async function runCodemodCommand(argv: string[], io: CodemodIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command !== 'run') {
    io.stderr.write(`resignal codemod: unknown command "${command}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    const args = parseArgs(rest);
    if (args === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`resignal codemod: ${error.message}\n\nRun \`resignal codemod --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      io.stderr.write(`resignal codemod: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
