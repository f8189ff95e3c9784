/**
 * `pooltopo diff OLD NEW` and `pooltopo diff FILE --base REF`: what a change does to resilience
 * (CLI.md, "`diff`"). The old version comes from a file or from git; both are linted as validate
 * lints them, then compared figure by figure.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { PooltopoError } from '../../util/errors.js';
import { validateOutcomes } from '../../api/validate.js';
import type { LintOutcome } from '../../api/lint.js';
import type { Config } from '../../core/config.js';
import { diffResults, type Inventory } from '../../diff/compare.js';
import { kindPlugin } from '../../kinds/registry.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffStylish } from '../../diff/format.js';
import { DEFAULT_READ_LIMITS } from '../../io/files/read.js';
import type { Io } from './command.js';
import { configFor, emit, failOnOf, outputOf, readBy, writeOptions } from './options.js';
import { lintOne } from './outcome.js';

const DIFF_FORMATS = ['stylish', 'json', 'markdown'] as const;

export async function runDiff(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number> {
  const format = (values['format'] as string | undefined) ?? 'stylish';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new PooltopoError(`unknown format "${format}" for diff; use ${DIFF_FORMATS.join(', ')}`);
  const failOn = failOnOf(values);
  const base = values['base'] as string | undefined;
  if (base !== undefined ? positionals.length !== 1 : positionals.length !== 2) {
    throw new PooltopoError('diff needs two topology files (diff OLD NEW), or one with --base REF (pooltopo diff --help)');
  }
  const config = await configFor(values, io);
  const newFile = positionals.at(-1)!;
  const now = await lintOne('diff', newFile, config, io);
  let old: LintOutcome | undefined;
  let oldName: string;
  if (base !== undefined) {
    const limit = config.limits.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
    const shown = gitShow(base, newFile, io.cwd, limit);
    oldName = `${base}:${newFile}`;
    old = shown === undefined ? undefined : (await validateOutcomes([{ file: oldName, text: shown }], { cwd: io.cwd, config, ignore: [] }))[0];
  } else {
    oldName = positionals[0]!;
    old = await lintOne('diff', oldName, config, io);
  }
  requireTopology(now, newFile);
  if (old !== undefined) {
    requireTopology(old, oldName);
    if (old.result.kind !== now.result.kind) {
      throw new PooltopoError(
        `"${oldName}" is kind ${old.result.kind} and "${newFile}" is kind ${now.result.kind}: diff compares two versions of one topology`,
      );
    }
  }
  const result = diffResults(
    { name: oldName, result: old?.result, inventory: old ? inventoryOf(old) : {}, context: old ? contextOf(old) : undefined },
    { name: now.result.file, result: now.result, inventory: inventoryOf(now), context: contextOf(now) },
    failOn,
  );
  const text = format === 'json' ? formatDiffJson(result) : format === 'markdown' ? formatDiffMarkdown(result) : formatDiffStylish(result);
  await emit(text, outputOf(values), io, readBy([newFile, ...(base === undefined ? [oldName] : [])], config as Config), writeOptions(values));
  return result.worse ? 1 : 0;
}

/** Exit 2, in one line, for a side that pooltopo cannot read as a topology: no figures to compare. */
function requireTopology(outcome: LintOutcome, name: string): void {
  if (outcome.stage === 'analysed') return;
  const first = outcome.result.findings.find((f) => f.severity === 'error') ?? outcome.result.findings[0];
  throw new PooltopoError(
    `"${name}" is not a topology diff can compare${first ? `: ${first.line}:${first.column}: ${first.message}` : ''} (pooltopo validate shows every problem)`,
  );
}

/** The names a design holds, by what they are: its kind says which. */
function inventoryOf(o: LintOutcome): Inventory {
  const kind = o.result.kind !== undefined ? kindPlugin(o.result.kind) : undefined;
  return kind?.diff?.inventory(o) ?? {};
}

/** What its kind judges a version's figures with beyond its result. */
function contextOf(o: LintOutcome): unknown {
  const kind = o.result.kind !== undefined ? kindPlugin(o.result.kind) : undefined;
  return kind?.diff?.context?.(o);
}

/**
 * FILE as it is at REF, as `git show REF:FILE` gives it; undefined where the file is new in this
 * change. Exit 2 where there is no git, no repository, or no such ref.
 */
function gitShow(ref: string, file: string, cwd: string, limit: number): string | undefined {
  // A ref that git would read as an option, or that holds what no ref name may.
  if (ref === '' || ref.startsWith('-') || /[\u0000-\u001f\u007f]/.test(ref)) throw new PooltopoError(`--base "${ref}" is not a git ref`);
  const abs = path.resolve(cwd, file);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new PooltopoError(`cannot read "${file}": it does not exist`);
  }
  const dir = path.dirname(real);
  const git = (args: readonly string[], maxBuffer = 1024 * 1024): { ok: true; out: string } | { ok: false; code: string | number | null; err: string } => {
    try {
      return {
        ok: true,
        out: execFileSync('git', args, {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        }),
      };
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { status?: number | null; stderr?: string };
      return {
        ok: false,
        code: e.code ?? e.status ?? null,
        err:
          String(e.stderr ?? e.message)
            .trim()
            .split('\n')[0] ?? '',
      };
    }
  };
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    if (top.code === 'ENOENT') throw new PooltopoError('--base needs git, and git is not installed (or not on PATH)');
    throw new PooltopoError(`--base needs a git repository, and "${file}" is not in one`);
  }
  const verify = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!verify.ok) throw new PooltopoError(`--base "${ref}": no such commit, branch or tag in the repository (a shallow clone may lack it: fetch it first)`);
  const rel = path.relative(top.out.trim(), real).split(path.sep).join('/');
  const object = `${verify.out.trim()}:${rel}`;
  if (!git(['cat-file', '-e', object]).ok) return undefined;
  const shown = git(['cat-file', 'blob', object], limit + 1);
  if (!shown.ok) {
    if (shown.code === 'ENOBUFS') throw new PooltopoError(`"${file}" at ${ref} is larger than the ${limit.toLocaleString('en-US')} bytes pooltopo reads`);
    throw new PooltopoError(`cannot read "${file}" at ${ref}: ${shown.err}`);
  }
  return shown.out;
}
