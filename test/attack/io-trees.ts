/**
 * Checkouts made from the manifests in test/fixtures/hostile/fs/: each entry a file (`text`, or
 * `copy` of a file of this repository) or a symbolic link (`link`), committed to a git repository
 * and cloned, so that the links come out of git as a pull request's would. The clone is `repo`
 * in a sandbox folder whose `home/.ssh/authorized_keys` stands for the runner's own file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/run-cli.js';

export const VICTIM_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIRunnerOwnKeyRunnerOwnKeyRunnerOwnKeyR runner@ci\n';

type Entry = { readonly text: string } | { readonly copy: string } | { readonly link: string };

export interface Checkout {
  /** The sandbox: `repo` (the clone) and `home/.ssh/authorized_keys`. */
  readonly sandbox: string;
  readonly repo: string;
  readonly authorizedKeys: string;
  readonly remove: () => void;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=attacker', '-c', 'user.email=attacker@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** Commits the manifest's tree and clones it into a fresh sandbox. */
export function checkout(manifest: string): Checkout {
  const { entries } = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/hostile/fs', manifest), 'utf8')) as { entries: Record<string, Entry> };
  const sandbox = mkdtempSync(path.join(tmpdir(), 'pooltopo-attack-'));
  const origin = path.join(sandbox, 'origin');
  mkdirSync(origin);
  for (const [name, entry] of Object.entries(entries)) {
    const at = path.join(origin, name);
    mkdirSync(path.dirname(at), { recursive: true });
    if ('link' in entry) symlinkSync(entry.link, at);
    else writeFileSync(at, 'text' in entry ? entry.text : readFileSync(path.join(ROOT, entry.copy)));
  }
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'innocent change');
  const repo = path.join(sandbox, 'repo');
  git(sandbox, 'clone', '-q', origin, repo);
  rmSync(origin, { recursive: true, force: true });
  const authorizedKeys = path.join(sandbox, 'home/.ssh/authorized_keys');
  mkdirSync(path.dirname(authorizedKeys), { recursive: true });
  writeFileSync(authorizedKeys, VICTIM_KEY);
  return { sandbox, repo, authorizedKeys, remove: () => rmSync(sandbox, { recursive: true, force: true }) };
}
