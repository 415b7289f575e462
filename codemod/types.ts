import type { Node, SourceFile } from 'ts-morph';
import type { ApiId } from './api.js';
import type { Analysis } from './analysis/roles.js';
import type { Difference } from './differences.js';
import type { WebHelperName } from './web-helpers.js';
import type { FlatHelperName } from './flat-helpers.js';
import type { JoinHelperName } from './join-helpers.js';

export type SiteStatus = 'converted' | 'todo' | 'skipped' | 'error';

export interface SiteRecord {
  readonly id: ApiId;
  readonly status: SiteStatus;
  readonly line: number;
  readonly message?: string;
}

/** A text splice on the original file text: replace `[start, end)` with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface CodemodOptions {
  /** Module that provides `AgoraRTM` in module files. */
  readonly rtmModule: string;
  /** Legacy behaviours the user chose not to reproduce. */
  readonly noPreserve: ReadonlySet<Difference>;
}

export interface FileFacts {
  readonly path: string;
  readonly typescript: boolean;
  readonly jsx: boolean;
  /** Has import/export or `require(`: gets an explicit import of the RTM module. */
  readonly module: boolean;
  /** Uses `require` rather than `import`. */
  readonly commonJs: boolean;
}

export interface TransformContext {
  readonly options: CodemodOptions;
  readonly facts: FileFacts;
  readonly analysis: Analysis;
  readonly text: string;
  edit(start: number, end: number, text: string): void;
  /**
   * The text of `node` for use in a replacement of a range that contains it (an argument, a
   * callback): rewrites inside the node are kept and its continuation lines are dedented.
   */
  source(node: Node): string;
  /** Records a converted site. */
  converted(node: Node, id: ApiId): void;
  /** Leaves the site as it is, with a `TODO(resignal: id)` comment, and records it. */
  todo(node: Node, id: ApiId, message: string): void;
  /** Emits the named helper once per file (see helpers.ts) and returns the name to call. */
  helper(name: HelperName): string;
  /** A name that no identifier of the file uses yet. */
  uniqueName(base: string): string;
  /** Marks a node as handled so later transforms leave it alone. */
  claim(node: Node): boolean;
  isClaimed(node: Node): boolean;
  preserve(difference: Difference): boolean;
}

export type HelperName = 'legacyLogoutCode' | 'sendChannelMessageAndEcho' | WebHelperName | FlatHelperName | JoinHelperName;

/** A small typed unit of the codemod (ts-migrate's plugin contract). */
export interface Transform {
  readonly name: string;
  /** The API-map IDs whose sites this transform converts or marks. */
  readonly ids: readonly ApiId[];
  run(sourceFile: SourceFile, ctx: TransformContext): void;
}
