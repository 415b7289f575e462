import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDifference } from '../differences.js';
import type { Difference } from '../differences.js';
import type { CodemodOptions } from '../types.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__');

export interface Fixture {
  readonly name: string;
  readonly ext: string;
  readonly inputPath: string;
  readonly outputPath: string;
  readonly options: CodemodOptions;
}

/** Fixtures that must come out byte-identical (another library's `login()`, an unrelated `Signal`). */
export const NEGATIVE_FIXTURES = new Set(['not-legacy-login', 'unrelated-signal']);

interface OptionsEntry {
  readonly rtmModule?: string;
  readonly noPreserve?: readonly string[];
}

export function fixtureOptions(name: string): CodemodOptions {
  const all = JSON.parse(readFileSync(join(FIXTURE_DIR, 'options.json'), 'utf8')) as Record<string, OptionsEntry>;
  const entry = all[name] ?? {};
  const noPreserve = new Set<Difference>((entry.noPreserve ?? []).filter(isDifference));
  return { rtmModule: entry.rtmModule ?? 'resignal', noPreserve };
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.includes('.input.'))
    .sort()
    .map((file) => {
      const [name, ext] = file.split('.input.') as [string, string];
      return {
        name,
        ext,
        inputPath: join(FIXTURE_DIR, file),
        outputPath: join(FIXTURE_DIR, `${name}.output.${ext}`),
        options: fixtureOptions(name),
      };
    });
}
