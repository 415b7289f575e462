/** Runs a command to completion and reports its wall time and the CPU time it and its descendants used. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hrtimeMs } from '../servers/control.js';

export interface TimedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** User + system time of the command and every process it waited for; NaN where /proc is not available. */
  cpuMs: number;
}

/**
 * CPU time of this process's reaped children (Linux /proc/self/stat `cutime` + `cstime`, in clock ticks of
 * 10 ms). Node has no API for it; the difference around one command is that command's share, as long as no
 * other child of this process exits meanwhile.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

export function runTimed(command: string, args: readonly string[], options: { cwd: string }): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = hrtimeMs();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallMs: hrtimeMs() - started,
        cpuMs: childrenCpuMs() - cpuBefore,
      });
    });
  });
}
