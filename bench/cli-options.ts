import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchOptions } from './context.js';

/** The --help text; `scenarioIds` are the suite's scenarios, in run order. */
export function usage(scenarioIds: readonly string[]): string {
  return `npm run bench -- [--quick] [--rounds N] [--only IDS] [--systems S] [--window-ms MS] [--cpu-prof DIR] [--server-flags F] [--generator-flags F] [--sdk] [--out DIR]

  --quick      smaller sizes and shorter windows (about a minute)
  --rounds N   rounds per case, systems alternating (default 3; heavy scenarios cap it)
  --only IDS   run only these scenarios, comma-separated: ${scenarioIds.join(', ')}
  --systems S  measure only these systems or subjects (resignal,raw-ws,socket.io; shim-overhead: native,shim)
  --window-ms  how long fan-out and peer scenarios send (default 2000, quick 1000)
  --cpu-prof   write a V8 CPU profile of every server process into DIR
  --server-flags     extra node flags for every server process, space-separated (--server-flags="--trace-deopt")
  --generator-flags  extra node flags for the load generator processes (--generator-flags="--cpu-prof --cpu-prof-dir=prof")
  --sdk        drive resignal with its real client instead of the lean protocol client (senders paced at its
               limit of 180 messages per 3 s, so throughput figures show that limit)
  --out DIR    where latest.json and latest.md go (default bench/results)

Only a complete full run (no --quick, --only, --systems, --window-ms or flags) updates docs/performance.md.`;
}

export interface CliOptions {
  bench: BenchOptions;
  outDir: string;
  help: boolean;
}

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      only: { type: 'string', default: '' },
      systems: { type: 'string', default: '' },
      'window-ms': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'server-flags': { type: 'string', default: '' },
      'generator-flags': { type: 'string', default: '' },
      sdk: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results' },
      help: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`--rounds must be a positive integer, got ${values.rounds}`);
  const profileDir = values['cpu-prof'];
  const windowMs = values['window-ms'] === undefined ? undefined : Number(values['window-ms']);
  if (windowMs !== undefined && !(windowMs > 0)) throw new RangeError(`--window-ms must be a positive number, got ${values['window-ms']}`);
  return {
    help: values.help,
    outDir: path.resolve(values.out),
    bench: {
      quick: values.quick,
      smoke: false,
      rounds,
      ...(windowMs === undefined ? {} : { windowMs }),
      only: values.only.split(',').filter((id) => id !== ''),
      subjects: values.systems.split(',').filter((id) => id !== ''),
      serverExecArgv: [
        ...(profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`]),
        ...values['server-flags'].split(' ').filter((flag) => flag !== ''),
      ],
      generatorExecArgv: values['generator-flags'].split(' ').filter((flag) => flag !== ''),
      clientOverride: values.sdk ? { resignal: 'resignal-sdk' } : {},
    },
  };
}
