/** `resignal compat run <scenario files…>`: run users' own legacy scenarios on the shim and converted, compare. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkScenario } from '../compat-tests/harness/compat.js';

const USAGE = `Usage: resignal compat run <scenario files…> [--json] [--no-mixed] [--timeout <ms>]

Runs each scenario (a legacy Signaling module, see docs/compat-tests.md) against a fresh resignal server:
on the legacy shim, converted by the codemod onto the native RTM client, as its native twin
(<name>.native.mjs) when one exists, and as mixed fleets; then compares the traces of every role.

Options:
  --json          print a JSON report instead of text
  --no-mixed      skip the mixed-fleet runs
  --timeout <ms>  per-run timeout (default 60000)
  -h, --help      show this help

Exit codes: 0 all scenarios equal, 1 a scenario differs or failed, 2 bad usage.
`;

export async function runCompatCommand(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'no-mixed': { type: 'boolean' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    err.write(`resignal compat: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  const [sub, ...files] = positionals;
  if (sub !== 'run' || files.length === 0) {
    err.write(USAGE);
    return 2;
  }
  const timeoutMs = values.timeout === undefined ? 60_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    err.write(`resignal compat: --timeout must be a positive integer\n`);
    return 2;
  }
  let failed = 0;
  const reports = [];
  for (const file of files) {
    try {
      const report = await checkScenario(resolve(file), { mixed: !values['no-mixed'], timeoutMs });
      reports.push({ file, name: report.name, ok: report.ok, todos: report.todos, traces: report.reference.traces, runs: report.runs.map((r) => ({ label: r.label, differences: r.differences, errors: r.result.errors })) });
      if (!report.ok) failed++;
      if (!values.json) out.write(`${report.ok ? 'PASS' : 'FAIL'} ${report.summary}\n`);
    } catch (error) {
      failed++;
      reports.push({ file, ok: false, error: String(error) });
      if (!values.json) out.write(`FAIL ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (values.json) out.write(`${JSON.stringify({ ok: failed === 0, scenarios: reports }, null, 2)}\n`);
  else out.write(`\n${files.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
