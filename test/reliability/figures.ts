/**
 * Figures of a run: every scenario records what it executed and measured; each test file writes its own JSON
 * under test-output/reliability/ (read by docs/reliability.md's author and by CI logs) and prints a summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUN_SEED } from './seed.js';
import { FULL } from './scale.js';

/** test-output/reliability/ of the package; from the package root when this module is bundled (npm run soak). */
const moduleUrl = import.meta.url;
export const FIGURES_DIR = moduleUrl.includes('/node_modules/')
  ? path.resolve('test-output/reliability') + path.sep
  : fileURLToPath(new URL('../../test-output/reliability/', moduleUrl));

export type FigureValue = number | string | boolean | null | FigureValue[] | { [key: string]: FigureValue };

export class Figures {
  private readonly values: Record<string, FigureValue> = {};

  constructor(private readonly name: string) {}

  set(key: string, value: FigureValue): void {
    this.values[key] = value;
  }

  add(key: string, amount: number): void {
    const before = this.values[key];
    this.values[key] = (typeof before === 'number' ? before : 0) + amount;
  }

  get(key: string): FigureValue | undefined {
    return this.values[key];
  }

  /** Writes test-output/reliability/<name>.json and prints one line per figure. */
  write(): void {
    const record = { suite: this.name, seed: RUN_SEED, full: FULL, at: new Date().toISOString(), figures: this.values };
    mkdirSync(FIGURES_DIR, { recursive: true });
    writeFileSync(`${FIGURES_DIR}${this.name}.json`, `${JSON.stringify(record, null, 2)}\n`);
    const lines = Object.entries(this.values).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
    console.log(`[reliability] ${this.name} (seed ${RUN_SEED}${FULL ? ', full' : ''})\n${lines.join('\n')}`);
  }
}
