/**
 * Codemod throughput: `resignal codemod run <tree> --json` (the built CLI, as a user runs it) on a generated tree
 * in a temporary folder outside any git repository, against jscodeshift running a no-op transform on the same
 * tree. Each run is a fresh process, timed from spawn to exit: start-up, file walking, reading, the pre-filter,
 * the transforms and the writes.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../rtm/server/web/package-root.js';
import type { RunContext } from '../context.js';
import { restoreLegacyFiles, writeCodemodTree, type CodemodTree } from '../tools/codemod-tree.js';
import { runTimed, type TimedRun } from '../tools/run-timed.js';
import { bySize } from './sizes.js';
import type { Scenario } from './types.js';

const LEGACY_EVERY = 50;
const MAX_ROUNDS = 3;
const SUBJECTS = ['resignal', 'jscodeshift-noop'] as const;

interface Outcome {
  /** Files the tool looked at. */
  files: number;
  /** Files it rewrote. */
  changed: number;
  errors: number;
}

function resignalCli(): string {
  const bin = path.join(packageRoot(), 'dist/cli/resignal.js');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
  return bin;
}

/** The built CLI is what users run: say so when the codemod's sources changed after the last build. */
function warnIfStale(ctx: RunContext): void {
  const bin = path.join(packageRoot(), 'dist/cli/resignal.js');
  if (!existsSync(bin)) return;
  const built = statSync(bin).mtimeMs;
  const source = path.join(packageRoot(), 'codemod');
  const files = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  if (files.some((file) => statSync(path.join(source, file)).mtimeMs > built)) ctx.log('  warning: codemod sources are newer than dist/cli (run npm run build): measuring the old build');
}

function resignalOutcome(run: TimedRun): Outcome {
  // 0: all converted; 3: TODO comments remain (some fixtures keep sites they cannot convert safely).
  if (run.code !== 0 && run.code !== 3) throw new Error(`resignal codemod exited with ${run.code}: ${run.stderr.slice(0, 500)}`);
  const report = JSON.parse(run.stdout) as { totals: { files: Record<'ok' | 'unchanged' | 'skipped' | 'error', number> } };
  const { ok, unchanged, skipped, error } = report.totals.files;
  return { files: ok + unchanged + skipped + error, changed: ok, errors: error };
}

function jscodeshiftOutcome(run: TimedRun): Outcome {
  if (run.code !== 0) throw new Error(`jscodeshift exited with ${run.code}: ${run.stderr.slice(0, 500)}`);
  const count = (label: string): number => Number(new RegExp(`(\\d+) ${label}`).exec(run.stdout)?.[1] ?? Number.NaN);
  const [errors, unmodified, skipped, ok] = [count('errors'), count('unmodified'), count('skipped'), count('ok')];
  return { files: errors + unmodified + skipped + ok, changed: ok, errors };
}

async function runSubject(subject: string, tree: CodemodTree): Promise<{ run: TimedRun; outcome: Outcome }> {
  const cwd = path.dirname(tree.root);
  if (subject === 'resignal') {
    const run = await runTimed(process.execPath, [resignalCli(), 'codemod', 'run', path.basename(tree.root), '--json'], { cwd });
    return { run, outcome: resignalOutcome(run) };
  }
  if (subject === 'jscodeshift-noop') {
    const jscodeshift = createRequire(path.join(packageRoot(), 'package.json')).resolve('jscodeshift/bin/jscodeshift.js');
    const transform = path.join(packageRoot(), 'bench/tools/noop-transform.cjs');
    const run = await runTimed(process.execPath, [jscodeshift, '-t', transform, path.basename(tree.root)], { cwd });
    return { run, outcome: jscodeshiftOutcome(run) };
  }
  throw new Error(`unknown codemod subject ${subject}`);
}

/** One tree per case, written on first use, restored before every run, removed after the last one. */
function treeOwner(files: number): { use(ctx: RunContext): CodemodTree; done(ctx: RunContext): void } {
  let tree: CodemodTree | undefined;
  let runs = 0;
  const remove = (): void => {
    if (tree) rmSync(path.dirname(tree.root), { recursive: true, force: true });
    tree = undefined;
    process.off('exit', remove);
  };
  return {
    use(ctx) {
      if (!tree) {
        warnIfStale(ctx);
        tree = writeCodemodTree(path.join(mkdtempSync(path.join(os.tmpdir(), 'resignal-bench-codemod-')), 'app'), files, LEGACY_EVERY);
        // A run that stops early (Ctrl-C aside) still leaves no tree behind.
        process.once('exit', remove);
      }
      restoreLegacyFiles(tree);
      return tree;
    },
    done(ctx) {
      const subjects = SUBJECTS.filter((subject) => ctx.options.subjects.length === 0 || ctx.options.subjects.includes(subject)).length;
      if (++runs >= Math.min(ctx.options.rounds, MAX_ROUNDS) * subjects) remove();
    },
  };
}

async function measure(subject: string, ctx: RunContext, owner: ReturnType<typeof treeOwner>): Promise<Record<string, number>> {
  try {
    const tree = owner.use(ctx);
    const { run, outcome } = await runSubject(subject, tree);
    if (outcome.files !== tree.files) throw new Error(`${subject} processed ${outcome.files} of ${tree.files} files`);
    return {
      files: outcome.files,
      changed: outcome.changed,
      errors: outcome.errors,
      seconds: run.wallMs / 1000,
      filesPerSec: (outcome.files / run.wallMs) * 1000,
      cpuSeconds: run.cpuMs / 1000,
    };
  } finally {
    owner.done(ctx);
  }
}

export const codemodThroughputScenario: Scenario = {
  id: 'codemod-throughput',
  title: 'Codemod throughput',
  description: `A generated tree (files spread over folders of 50) in a temporary folder outside any git repository; one file in ${LEGACY_EVERY} uses the legacy API (the codemod's input fixtures, .js/.jsx/.ts/.cjs, each copy with its own header and an ordinary helper after it), the others are ordinary JS, JSX, TS and CommonJS modules without any legacy name. resignal: \`resignal codemod run <tree> --json\` with the built CLI (it writes the converted files; they are restored between runs). jscodeshift: version 17 with a no-op transform (returns undefined, so nothing is parsed or written) and its defaults (max(cores − 1, 1) worker processes: one on a 2-core machine). Each run is timed from process start to exit; CPU is the process's and its children's. Target: resignal faster than the jscodeshift run.`,
  metrics: [
    { key: 'filesPerSec', label: 'files/s', unit: '/s', digits: 0 },
    { key: 'seconds', label: 'run', unit: 's', digits: 2 },
    { key: 'cpuSeconds', label: 'CPU', unit: 's', digits: 2 },
    { key: 'changed', label: 'files changed', unit: '', digits: 0 },
    { key: 'errors', label: 'errors', unit: '', digits: 0 },
  ],
  maxRounds: MAX_ROUNDS,
  cases: (options) => {
    const files = bySize(options, { smoke: 100, quick: 2000, full: 10_000 });
    const owner = treeOwner(files);
    return [{ label: `${files.toLocaleString('en-US')} files, ${files / LEGACY_EVERY} legacy`, subjects: SUBJECTS, measure: (subject, ctx) => measure(subject, ctx, owner) }];
  },
};
