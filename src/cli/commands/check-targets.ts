/**
 * What `check` was asked to look at: a folder (the first argument when it is one, else the current folder),
 * and optionally some of its files — as a pre-commit hook passes the staged ones — or a record on standard
 * input (`-`). The whole folder is always indexed: duplicate ids and archive numbers need the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError, type ParsedArgs } from '../args';

export interface CheckTargets {
  root: string;
  /** Folder-relative, `/`-separated; undefined: the whole folder. */
  files: Set<string> | undefined;
  /** The name a record read from standard input is checked under (folder-relative), when `-` was given. */
  stdinName: string | undefined;
}

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

export function checkTargets(args: ParsedArgs, cwd: string): CheckTargets {
  const [first, ...others] = args.positionals;
  const folderGiven = first !== undefined && first !== '-' && isDir(path.resolve(cwd, first));
  const root = path.resolve(cwd, folderGiven ? first : '.');
  const rest = folderGiven ? others : args.positionals;
  let files: Set<string> | undefined;
  let stdinName: string | undefined;
  for (const arg of rest) {
    if (arg === '-') {
      const name = args.options.get('stdin-filename');
      stdinName = typeof name === 'string' ? name.split(path.sep).join('/') : 'stdin.md';
      (files ??= new Set()).add(stdinName);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    const rel = path.relative(root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${arg} is not inside the folder ${root}`);
    if (isDir(abs)) throw new UsageError(`${arg} is a folder: give the folder first, then files inside it`);
    if (!fs.existsSync(abs)) throw new UsageError(`${arg}: no such file`);
    (files ??= new Set()).add(rel.split(path.sep).join('/'));
  }
  return { root, files, stdinName };
}
