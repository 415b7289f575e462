#!/usr/bin/env node
/**
 * The `resignal` command. Each subcommand lives in its own module and is loaded only when used, so
 * `resignal token …` does not pay for the codemod's TypeScript compiler.
 */
import { createRequire } from 'node:module';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: 'Run the RTM server (WebSocket gateway, REST API, demo pages).',
    load: async () => (await import('./serve.js')).runServe,
  },
  compat: {
    summary: 'Run legacy scenarios on the shim and converted to RTM, and compare their traces (`resignal compat run <files…>`).',
    load: async () => (await import('./compat-command.js')).runCompatCommand,
  },
  codemod: {
    summary: 'Rewrite legacy Signaling call sites to the RTM 1.x API (`resignal codemod run <paths…>`).',
    load: async () => (await import('../codemod/cli.js')).runCodemodCommand,
  },
  token: {
    summary: 'Print an RTM (006/007) or legacy Signaling token for development and app servers.',
    load: async () => (await import('./token-command.js')).runTokenCommand,
  },
};

function version(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      return (require(candidate) as { version: string }).version;
    } catch {
      // try the next layout (source tree vs dist/)
    }
  }
  return 'unknown';
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`);
  return [
    'Usage: resignal <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `resignal <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`resignal: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`resignal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
