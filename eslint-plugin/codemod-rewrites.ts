/**
 * The codemod's rewrites that are local to one site, for ESLint suggestions.
 *
 * The codemod (`codemod/transform-file.ts`) rewrites a whole file at once. Its transforms are run here
 * through observing wrappers that see every edit, TODO, helper and converted site of each transform. A site
 * is *local* when its transform converted it with edits inside the site only: no TODO, no helper function,
 * no import, no hoisted handler, no edit of another transform inside it, and no edit of that transform
 * anywhere outside its converted sites. A local site's replacement is then rendered by running the codemod
 * once more, keeping that site's edits only, so the suggestion is exactly the codemod's own output there.
 */
import { extname } from 'node:path';
import { ScriptKind } from 'ts-morph';
import type { Node } from 'ts-morph';
import type { ApiId } from '../shim/api-map.js';
import { transformCode, transformSource } from '../codemod/transform-file.js';
import { TRANSFORMS } from '../codemod/transforms/index.js';
import type { CodemodOptions, FileFacts, Transform, TransformContext } from '../codemod/types.js';

export interface LocalRewrite {
  readonly id: ApiId;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

interface Observation extends Range {
  readonly transform: string;
  readonly kind: 'edit' | 'todo' | 'helper' | 'converted';
  readonly id?: ApiId;
}

const OPTIONS: CodemodOptions = { rtmModule: 'resignal', noPreserve: new Set() };

const SCRIPT_KINDS: Readonly<Record<string, ScriptKind>> = {
  '.mjs': ScriptKind.JS,
  '.cjs': ScriptKind.JS,
  '.ts': ScriptKind.TS,
  '.mts': ScriptKind.TS,
  '.cts': ScriptKind.TS,
  '.tsx': ScriptKind.TSX,
};

const MODULE_SYNTAX = /^\s*(import|export)\b/m;
const COMMONJS_SYNTAX = /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w+\s*=/;

/** The file facts the codemod derives for a path (checked against `transformSource` before any use). */
function factsOf(path: string, text: string): { facts: FileFacts; kind: ScriptKind } {
  const ext = extname(path).toLowerCase();
  const kind = SCRIPT_KINDS[ext] ?? ScriptKind.JSX;
  const esm = MODULE_SYNTAX.test(text);
  const facts: FileFacts = {
    path,
    typescript: kind === ScriptKind.TS || kind === ScriptKind.TSX,
    jsx: ext === '.jsx' || ext === '.tsx' || ext === '.js',
    module: ext === '.mjs' || ext === '.cjs' || esm || COMMONJS_SYNTAX.test(text),
    commonJs: ext === '.cjs' || (!esm && COMMONJS_SYNTAX.test(text)),
  };
  return { facts, kind };
}

const rangeOf = (node: Node): Range => ({ start: node.getStart(), end: node.getEnd() });
const inside = (inner: Range, outer: Range): boolean => outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/**
 * Wraps a transform so that every call it makes on the context is observed. With `keep`, only the edits
 * it accepts reach the file, and TODOs and helpers are left out (the nodes are still claimed, so every
 * transform sees the same state as in a full run).
 */
function observed(transform: Transform, sink: Observation[], keep?: (edit: Range) => boolean): Transform {
  const note = (kind: Observation['kind'], range: Range, id?: ApiId): void => {
    sink.push({ transform: transform.name, kind, ...range, ...(id === undefined ? {} : { id }) });
  };
  return {
    name: transform.name,
    ids: transform.ids,
    run(sourceFile, ctx) {
      const spy: TransformContext = {
        get options() {
          return ctx.options;
        },
        get facts() {
          return ctx.facts;
        },
        get analysis() {
          return ctx.analysis;
        },
        get text() {
          return ctx.text;
        },
        edit(start, end, text) {
          note('edit', { start, end });
          if (keep === undefined || keep({ start, end })) ctx.edit(start, end, text);
        },
        source: (node) => ctx.source(node),
        converted(node, id) {
          note('converted', rangeOf(node), id);
          ctx.converted(node, id);
        },
        todo(node, id, message) {
          note('todo', rangeOf(node), id);
          if (keep === undefined) ctx.todo(node, id, message);
          else ctx.claim(node);
        },
        helper(name) {
          note('helper', { start: 0, end: 0 });
          return keep === undefined ? ctx.helper(name) : name;
        },
        uniqueName: (base) => ctx.uniqueName(base),
        claim: (node) => ctx.claim(node),
        isClaimed: (node) => ctx.isClaimed(node),
        preserve: (difference) => ctx.preserve(difference),
      };
      transform.run(sourceFile, spy);
    },
  };
}

/** The converted sites whose rewrite stays inside them (see the file comment). */
function localSites(observations: readonly Observation[]): (Range & { id: ApiId })[] {
  const sites = observations.filter((o): o is Observation & { id: ApiId } => o.kind === 'converted' && o.id !== undefined);
  const edits = observations.filter((o) => o.kind === 'edit');
  const todos = observations.filter((o) => o.kind === 'todo');
  // A helper belongs to the next site its transform reports converted (transforms build a site's text, then report
  // it); a helper with no such site makes the whole transform non-local.
  const nonLocal = new Set<string>();
  const needsHelper = new Set<Observation>();
  const pendingHelper = new Set<string>();
  for (const observation of observations) {
    if (observation.kind === 'helper') pendingHelper.add(observation.transform);
    else if (observation.kind === 'converted' && pendingHelper.delete(observation.transform)) needsHelper.add(observation);
  }
  for (const transform of pendingHelper) nonLocal.add(transform);
  for (const edit of edits) {
    if (!sites.some((site) => site.transform === edit.transform && inside(edit, site))) nonLocal.add(edit.transform);
  }
  return sites.filter((site) => {
    if (nonLocal.has(site.transform) || needsHelper.has(site)) return false;
    const own = edits.filter((edit) => inside(edit, site));
    if (own.length === 0 || own.some((edit) => edit.transform !== site.transform)) return false;
    if (todos.some((todo) => overlaps(todo, site))) return false;
    return !sites.some((other) => other !== site && overlaps(other, site));
  });
}

/** The codemod's text for one local site: a run that keeps that site's edits only, so nothing else moves. */
function siteRewrite(text: string, facts: FileFacts, kind: ScriptKind, site: Range): string | undefined {
  try {
    const only = transformCode(text, facts, OPTIONS, kind, TRANSFORMS.map((transform) => observed(transform, [], (edit) => inside(edit, site)))).output;
    return only.slice(site.start, only.length - (text.length - site.end));
  } catch {
    return undefined;
  }
}

/**
 * Every local rewrite the codemod makes in a file, keyed by `start:end` of the site. Empty when the file is
 * not legacy code, when the codemod reports an error, or when this view of the codemod would not reproduce
 * its output exactly.
 */
export function localRewrites(path: string, text: string): ReadonlyMap<string, LocalRewrite> {
  const result = new Map<string, LocalRewrite>();
  const whole = transformSource(path, text, OPTIONS);
  if (whole.outcome !== 'ok') return result;
  const { facts, kind } = factsOf(path, text);
  const observations: Observation[] = [];
  let full: string;
  try {
    full = transformCode(text, facts, OPTIONS, kind, TRANSFORMS.map((transform) => observed(transform, observations))).output;
  } catch {
    return result;
  }
  if (full !== whole.output) return result;
  for (const site of localSites(observations)) {
    const replacement = siteRewrite(text, facts, kind, site);
    if (replacement !== undefined) result.set(`${site.start}:${site.end}`, { id: site.id, start: site.start, end: site.end, text: replacement });
  }
  return result;
}
