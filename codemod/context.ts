import type { Node, SourceFile } from 'ts-morph';
import type { ApiId } from './api.js';
import { Analysis } from './analysis/roles.js';
import type { Difference } from './differences.js';
import { helperSource } from './helpers.js';
import { renderEdits, tokenFor } from './splice.js';
import type { MovedRange } from './splice.js';
import { indentAt, lineNumberAt, newlineOf } from './text.js';
import { todoEdit } from './todo.js';
import type { CodemodOptions, Edit, FileFacts, HelperName, SiteRecord, TransformContext } from './types.js';

export class FileContext implements TransformContext {
  readonly edits: Edit[] = [];
  readonly records: SiteRecord[] = [];
  readonly analysis: Analysis;
  readonly text: string;
  private readonly claimed = new Set<Node>();
  private readonly moved: MovedRange[] = [];
  private readonly helpers = new Map<HelperName, string>();
  private readonly taken: Set<string>;

  constructor(
    private readonly sourceFile: SourceFile,
    readonly options: CodemodOptions,
    readonly facts: FileFacts,
  ) {
    this.text = sourceFile.getFullText();
    this.analysis = new Analysis(sourceFile);
    this.taken = new Set(this.analysis.takenNames);
  }

  edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  source(node: Node): string {
    const start = node.getStart();
    return tokenFor(this.moved.push({ start, end: node.getEnd(), dedent: indentAt(this.text, start) }) - 1);
  }

  /** The file text with every recorded edit applied. */
  render(): string {
    return renderEdits(this.text, this.edits, this.moved, 0, this.text.length);
  }

  converted(node: Node, id: ApiId): void {
    this.records.push({ id, status: 'converted', line: lineNumberAt(this.text, node.getStart()) });
  }

  todo(node: Node, id: ApiId, message: string): void {
    this.claimed.add(node);
    const edit = todoEdit(this.text, node, id, message);
    if (edit) this.edits.push(edit);
  }

  helper(name: HelperName): string {
    const existing = this.helpers.get(name);
    if (existing) return existing;
    this.helpers.set(name, name);
    const declared = this.sourceFile.getFunctions().some((fn) => fn.getName() === name);
    if (!declared) {
      const newline = newlineOf(this.text);
      const end = this.sourceFile.getEnd();
      const tail = this.text.endsWith('\n') ? '' : newline;
      this.edits.push({ start: end, end, text: `${tail}${newline}${helperSource(name, this.facts.typescript).replace(/\n/g, newline)}${newline}` });
    }
    return name;
  }

  uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }

  claim(node: Node): boolean {
    if (this.claimed.has(node)) return false;
    this.claimed.add(node);
    return true;
  }

  isClaimed(node: Node): boolean {
    return this.claimed.has(node);
  }

  preserve(difference: Difference): boolean {
    return !this.options.noPreserve.has(difference);
  }
}
