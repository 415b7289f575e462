/** Runs the codemod on a scenario and writes the converted module next to the build, for a role process to load. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { transformSource } from '../../codemod/transform-file.js';

export interface Conversion {
  /** Path of the converted module. */
  path: string;
  output: string;
  /** Sites the codemod could not convert (TODO comments), by API-map ID. */
  todos: string[];
}

export function convertScenario(scenarioPath: string, outDir: string): Conversion {
  const input = readFileSync(scenarioPath, 'utf8');
  const result = transformSource(scenarioPath, input, { rtmModule: 'resignal', noPreserve: new Set() });
  if (result.outcome === 'error') throw new Error(`the codemod failed on ${scenarioPath}: ${result.error ?? 'unknown error'}`);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, basename(scenarioPath).replace(/\.(m?js)$/, '.converted.$1'));
  writeFileSync(path, result.output);
  const todos = result.sites.filter((site) => site.status === 'todo').map((site) => site.id);
  return { path, output: result.output, todos };
}
