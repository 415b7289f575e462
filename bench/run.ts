/** `npm run bench`: compiles the child entries, runs the suite, writes bench/results/latest.{json,md}. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChildren } from './build-children.js';
import { parseCli, usage } from './cli-options.js';
import { runBench } from './harness.js';
import { SCENARIOS } from './scenarios/index.js';
import { updateDocs } from './report/docs.js';
import { renderMarkdown } from './report/markdown.js';
import { writeResults } from './report/write.js';

const cli = parseCli(process.argv.slice(2));
const unknown = cli.bench.only.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
if (cli.help) {
  console.log(usage(SCENARIOS.map((scenario) => scenario.id)));
} else if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; --only takes: ${SCENARIOS.map((scenario) => scenario.id).join(', ')}`);
  process.exitCode = 2;
} else {
  const childDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'children');
  await buildChildren(childDir);
  const started = Date.now();
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const result = await runBench(SCENARIOS, cli.bench, { childDir, log });
  const written = await writeResults(result, cli.outDir);
  // Only a complete full run may replace the table in the docs.
  const { quick, only, subjects, windowMs, serverExecArgv, generatorExecArgv, clientOverride } = cli.bench;
  const complete = !quick && only.length === 0 && subjects.length === 0 && windowMs === undefined && serverExecArgv.length === 0 && generatorExecArgv.length === 0 && Object.keys(clientOverride).length === 0;
  if (complete && (await updateDocs(path.resolve('docs/performance.md'), renderMarkdown(result)))) written.push('docs/performance.md');
  console.log(`\nwrote ${written.join(', ')} in ${Math.round(result.durationMs / 1000)} s`);
}
