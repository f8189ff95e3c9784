/** Runs the CLI in-process with captured output, or as a real process. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `stdin`, when given, is what the CLI reads as standard input (none is read otherwise). */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean; stdin?: string | Uint8Array } = {},
): Promise<CliRun> {
  const { stdin } = options;
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(stdin !== undefined ? { readStdin: (limit: number) => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin).subarray(0, limit + 1) } : {}),
  });
  return { code, stdout, stderr };
}

/** The built CLI as a new user runs it (needs `npm run build`). */
export function spawnCli(args: string[], options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[]; timeout?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'bin/pooltopo.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
