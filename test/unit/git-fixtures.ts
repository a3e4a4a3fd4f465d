/**
 * Real git repositories in temp folders for the purge tests, and an independent check of what they hold:
 * every object of the object database (`git cat-file --batch-all-objects --batch`) searched for a text —
 * not the tool's own check, so "destroyed" is verified as a claim, not as a mechanism.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';

export const CLI = path.join(REPO, 'dist/cli.js');
export const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 't@example.com',
  LANG: 'C',
  FILTER_BRANCH_SQUELCH_WARNING: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function cli(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env: ENV, encoding: 'utf8' });
}

/**
 * A PATH on which git-filter-repo cannot be found: every program of the PATH's folders linked into one
 * folder, except git-filter-repo (git looks for `git-filter-repo` in its exec-path, then on PATH).
 */
export function pathWithoutFilterRepo(): string {
  const dir = tempWorkspace({});
  for (const folder of (process.env.PATH ?? '').split(':')) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue; // a PATH entry that does not exist holds nothing to hide
    }
    for (const name of names) {
      if (name === 'git-filter-repo' || fs.existsSync(path.join(dir, name))) continue;
      fs.symlinkSync(path.join(folder, name), path.join(dir, name));
    }
  }
  return dir;
}

/** The command line run with another PATH. */
export function cliWithPath(cwd: string, pathVar: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...ENV, PATH: pathVar }, encoding: 'utf8' });
}

/** A new repository with these files committed. */
export function repo(files: Record<string, string | Uint8Array>): string {
  const root = tempWorkspace(files);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'records');
  return root;
}

export function write(root: string, rel: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', message);
}

/** Ids of every object in the repository (at `gitDir`, or the repository of `cwd`) whose content holds `needle`. */
export function objectsHolding(cwd: string, needle: string, gitDir?: string): string[] {
  const out = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], {
    cwd,
    env: gitDir ? { ...ENV, GIT_DIR: gitDir } : ENV,
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const hits: string[] = [];
  const want = Buffer.from(needle, 'utf8');
  for (let pos = 0; pos < out.length;) {
    const nl = out.indexOf(10, pos);
    const [id, , size] = out.subarray(pos, nl).toString('utf8').split(' ');
    const start = nl + 1;
    const end = start + Number(size);
    if (out.subarray(start, end).includes(want)) hits.push(id);
    pos = end + 1;
  }
  return hits;
}

/** A communication record past its retention (D3 from 2015), with the given id and extra lines. */
export function callRecord(id: string, extra: string[] = [], body = 'Notes.\n'): string {
  return [
    '---',
    `id: ${id}`,
    'category: communication',
    'customer: 张伟',
    'customer_type: person',
    `title: call ${id}`,
    'date: 2015-06-10',
    'channel: phone',
    'participants: [张伟]',
    'retention: D3',
    ...extra,
    '---',
    body,
  ].join('\n');
}

/** The same as one document of a YAML stream. */
export function callDocument(id: string, extra: string[] = []): string {
  return (
    [
      `id: ${id}`,
      'category: communication',
      'customer: 张伟',
      'customer_type: person',
      `title: call ${id}`,
      'date: 2015-06-10',
      'channel: phone',
      'participants: [张伟]',
      'retention: D3',
      ...extra,
    ].join('\n') + '\n'
  );
}

/** A destruction batch's details as `batch create` takes them: the signatories and supervisors of 会计档案管理办法 Art. 18. */
export const DETAILS = [
  '--set',
  'unit_head=总经理 王强',
  '--set',
  'archives_head=李档案',
  '--set',
  'archives_handler=陈晨',
  '--set',
  'supervisors=李档案:archives,赵工:it',
  '--set',
  'method=git-purge',
  '--set',
  'place=档案室',
  '--set',
  'scheduled_at=2026-12-01T10:00+08:00',
];

/** The appraisers' details as `batch appraise` takes them (Art. 17: the archives office leads). */
export const APPRAISAL = ['--set', 'appraisers=李档案:archives,周审计:audit', '--set', 'appraised_at=2026-11-20'];

/** The appraisal opinion of a draft batch written and signed (its status set to final, as the appraisers do). */
export function appraise(root: string, batch: string): string {
  const r = cli(root, 'batch', 'appraise', batch, ...APPRAISAL);
  if (r.status !== 0) throw new Error(`batch appraise: ${r.stdout}${r.stderr}`);
  const opinion = /(?:wrote|已写入) (\S+)/.exec(r.stdout)![1];
  const abs = path.join(root, opinion);
  fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').replace(/^status: draft/m, 'status: final'));
  return opinion;
}

/** Created, appraised, approved and executed from the command line; the destruction committed. Returns the batch path. */
export function destroy(root: string, ...records: string[]): string {
  const created = cli(root, 'batch', 'create', '.', '--records', ...records, ...DETAILS);
  if (created.status !== 0) throw new Error(`batch create: ${created.stderr}`);
  const file = /wrote (\S+):/.exec(created.stdout)![1];
  appraise(root, file);
  for (const step of [
    ['approve', file],
    ['execute', file, '--yes'],
  ]) {
    const r = cli(root, 'batch', ...step);
    if (r.status !== 0) throw new Error(`batch ${step[0]}: ${r.stdout}${r.stderr}`);
  }
  commitAll(root, 'destruction');
  return file;
}
