/**
 * Summarises a V8 .cpuprofile (from `--cpu-prof`): self time per function and per source file, with bundle
 * positions mapped back to the TypeScript sources through the bundle's source map when there is one.
 *
 *   node dist/bench/profile-summary.js <file.cpuprofile> [top=30]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const STACK_DEPTH = 8;
const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const mapFile = `${file}.map`;
    maps.set(url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null);
  }
  return maps.get(url) ?? null;
}

function locate(frame: ProfileNode['callFrame']): { file: string; line: number } {
  const map = frame.url === '' ? null : sourceMapOf(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry) {
    const source = entry.originalSource.replace(/^.*?(rtm|bench|node_modules)\//, '$1/');
    return { file: source, line: entry.originalLine + 1 };
  }
  const file = frame.url === '' ? '(native)' : path.basename(frame.url.replace(/^file:\/\//, ''));
  return { file: frame.url.includes('node_modules') ? frame.url.replace(/^.*node_modules\//, 'node_modules/') : file, line: frame.lineNumber + 1 };
}

function summarise(profile: Profile, top: number): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameName = (node: ProfileNode): string => {
    const { file, line } = locate(node.callFrame);
    return `${node.callFrame.functionName || '(anonymous)'} ${file}:${line}`;
  };
  const stackOf = (id: number): string => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined && frames.length < STACK_DEPTH; at = parentOf.get(at)) {
      const node = byNode.get(at);
      if (node && node.callFrame.functionName !== '(root)') frames.push(frameName(node));
    }
    return frames.join('\n      ← ');
  };
  const selfByStack = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    total += delta;
    const { file, line } = locate(frame);
    const name = `${frame.functionName || '(anonymous)'}  ${file}:${line}`;
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + delta);
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + delta);
    const stack = stackOf(id);
    selfByStack.set(stack, (selfByStack.get(stack) ?? 0) + delta);
  });
  const table = (entries: Map<string, number>): string[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  return [`total sampled: ${(total / 1000).toFixed(0)} ms`, '', 'self time by function:', ...table(selfByFunction), '', 'self time by file:', ...table(selfByFile), '', `hottest stacks (${STACK_DEPTH} frames):`, ...table(selfByStack).slice(0, 15)].join('\n');
}

const [file, top = '30'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: profile-summary <file.cpuprofile> [top]');
  process.exitCode = 2;
} else {
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top)));
}
