/** Which files and which records changed between two revisions, or between a revision and the working tree. */
import * as fs from 'fs';
import * as nodePath from 'path';
import { runGit } from '../git/run';
import { parseRecordText } from '../parse/record-file';
import { type ParsedRecord } from '../model/parsed';
import { createMatcher } from '../index/matcher';
import { recordKind } from '../model/records';
import { loadSchema } from '../schema/load';
import { fieldDiff, type FieldChange } from './field-diff';
import { checkRev, decodeText } from './git-tree';
import { fileAt } from './history';

export interface ChangedFile {
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  path: string;
  oldPath?: string;
}

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', C: 'added', D: 'deleted', M: 'modified', T: 'modified', U: 'modified', R: 'renamed' };

/**
 * Files changed from BASE to HEAD; with head undefined, to the working tree INCLUDING untracked files (not
 * ignored ones). Renames detected (-M). Paths relative to root, '/'-separated; only files below root.
 */
export async function changedFiles(git: string, root: string, base: string, head?: string): Promise<ChangedFile[]> {
  const args = ['diff', '--name-status', '-z', '-M', '--relative', '--no-color', '--no-ext-diff', checkRev(base)];
  if (head !== undefined) args.push(checkRev(head));
  args.push('--');
  const r = await runGit(git, root, args);
  if (r.code !== 0) throw new Error(`git diff ${base}${head ? ` ${head}` : ''} failed: ${r.stderr.trim()}`);
  const out: ChangedFile[] = [];
  const parts = r.stdout.split('\0');
  for (let i = 0; i < parts.length;) {
    const code = parts[i++];
    if (code === '') continue;
    const status = STATUS[code[0]] ?? 'modified';
    if (code[0] === 'R' || code[0] === 'C') {
      const oldPath = parts[i++];
      const path = parts[i++];
      out.push(code[0] === 'R' ? { status, path, oldPath } : { status, path });
    } else out.push({ status, path: parts[i++] });
  }
  if (head === undefined) {
    const u = await runGit(git, root, ['ls-files', '--others', '--exclude-standard', '-z']);
    if (u.code !== 0) throw new Error(`git ls-files failed: ${u.stderr.trim()}`);
    const seen = new Set(out.map((f) => f.path));
    for (const path of u.stdout.split('\0')) if (path && !seen.has(path)) out.push({ status: 'added', path });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface RecordChange {
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  path: string;
  oldPath?: string;
  /** The record's document number in the file (0 for Markdown). */
  index: number;
  /** From the after-version, else the before-version. */
  id?: string;
  category?: string;
  title?: string;
  changes: FieldChange[];
  /** Markdown body text differs (line endings aside). */
  bodyChanged: boolean;
}

/**
 * Record-level changes between BASE and HEAD (or the working tree): only files the schema's include/exclude
 * make records (pass the schema text of HEAD / the working tree); each document of a YAML stream compared by
 * index; a record added/removed inside a stream is 'added'/'deleted'. Files whose records did not change in
 * front matter or body are left out. A file renamed out of the records (into `disposal/`) counts as deleted.
 */
export async function recordChanges(
  git: string,
  root: string,
  base: string,
  head: string | undefined,
  schemaText: string | undefined,
): Promise<RecordChange[]> {
  const { schema } = loadSchema(schemaText);
  const isRecord = createMatcher(schema.include, schema.exclude);
  const out: RecordChange[] = [];
  for (const changed of await changedFiles(git, root, base, head)) {
    let f = changed;
    if (f.oldPath !== undefined && isRecord(f.oldPath) !== isRecord(f.path)) {
      f = isRecord(f.path) ? { status: 'added', path: f.path } : { status: 'deleted', path: f.oldPath };
    } else if (!isRecord(f.path)) continue;
    const before = f.status === 'added' ? undefined : await fileAt(git, root, base, f.oldPath ?? f.path);
    const after = f.status === 'deleted' ? undefined : head === undefined ? readWorking(root, f.path) : await fileAt(git, root, head, f.path);
    out.push(...compareFile(f, before, after));
  }
  return out;
}

function readWorking(root: string, rel: string): string | undefined {
  try {
    return decodeText(fs.readFileSync(nodePath.join(root, rel)));
  } catch {
    return undefined;
  }
}

interface Version {
  record: ParsedRecord;
  body: string;
}

function versions(path: string, text: string | undefined): Map<number, Version> {
  const out = new Map<number, Version>();
  const kind = recordKind(path);
  if (text === undefined || kind === undefined) return out;
  for (const record of parseRecordText(text, kind).records) {
    const body = record.bodySpan ? text.slice(record.bodySpan.start, record.bodySpan.end).replace(/\r\n?/g, '\n') : '';
    out.set(record.index, { record, body });
  }
  return out;
}

/** Record changes of one file, in document order. */
export function compareFile(f: ChangedFile, beforeText: string | undefined, afterText: string | undefined): RecordChange[] {
  const before = versions(f.oldPath ?? f.path, beforeText);
  const after = versions(f.path, afterText);
  const indexes = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  const out: RecordChange[] = [];
  for (const index of indexes) {
    const b = before.get(index);
    const a = after.get(index);
    const changes = fieldDiff(b?.record.data, a?.record.data);
    const bodyChanged = (b?.body ?? '') !== (a?.body ?? '');
    if (a && b && changes.length === 0 && !bodyChanged) continue;
    const status: RecordChange['status'] = !b ? 'added' : !a ? 'deleted' : f.status === 'renamed' ? 'renamed' : 'modified';
    const change: RecordChange = { status, path: f.path, index, changes, bodyChanged };
    if (f.oldPath !== undefined) change.oldPath = f.oldPath;
    for (const key of ['id', 'category', 'title'] as const) {
      const v = scalar(a?.record.data?.[key]) ?? scalar(b?.record.data?.[key]);
      if (v !== undefined) change[key] = v;
    }
    out.push(change);
  }
  return out;
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
}
