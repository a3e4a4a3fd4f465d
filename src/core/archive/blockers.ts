import type { Lang } from '../model/lang';
import type { FileEntry, RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { planArchiveNumbers, type NumberingPlan } from './assign';

/** Something in the folder whose archive numbers the index cannot see: numbering would risk a duplicate. */
export interface NumberingBlocker {
  /** Workspace-relative path of the file or folder (`.` for the folder itself). */
  path: string;
  /** Why it was not read: the code of its finding (too-large, unreadable, unreadable-folder, not-a-file…). */
  code: string;
  /** In the caller's language. */
  reason: string;
}

const REASONS: Record<string, { en: string; zh: string }> = {
  'unreadable-folder': { en: 'this folder cannot be listed: records in it are unknown', zh: '此文件夹无法列出，其中的记录未知' },
  unreadable: { en: 'this file cannot be read', zh: '此文件无法读取' },
  'not-a-file': { en: 'named like a record but not a regular file (a FIFO, socket or device)', zh: '名称像记录文件，但不是普通文件（命名管道、套接字或设备）' },
  'too-large': {
    en: 'this file is over the size limit and was not read; split it, move it out or exclude it',
    zh: '此文件超过大小上限，未读取；请拆分、移出或加入 records.exclude',
  },
};
const UNCLEAR = {
  en: 'it could not be parsed, and an archive_no in it could not be read as plain text either: fix the file first',
  zh: '此文件无法解析，其中的 archive_no 也无法按纯文本读出：请先修正该文件',
};
const UNPARSED = { en: 'its YAML could not be read: fix it first', zh: '其 YAML 无法读取：请先修正' };

/**
 * What keeps numbering from seeing every archive number of a folder: anything the index holds but never read
 * (a folder it could not list, a file it could not read or did not read for its size, a FIFO named like a
 * record), and a file whose YAML could not be parsed when a text scan could not read its numbers either.
 * Empty when numbering may go ahead. Every file counts, whatever the category being numbered: a number in
 * any of them may be the next one of a scope.
 */
export function numberingBlockers(files: Iterable<FileEntry>, lang: Lang): NumberingBlocker[] {
  const out: NumberingBlocker[] = [];
  for (const e of files) {
    let code = e.unread;
    // Entries made before text scans existed (none should be left: the cache format changed with them).
    if (code === undefined && e.rawArchiveNos === undefined && e.records.some((r) => r.data === undefined)) code = 'yaml-syntax';
    if (code === undefined) continue;
    const reason = REASONS[code] ?? (e.unread !== undefined ? UNCLEAR : UNPARSED);
    out.push({ path: e.path, code, reason: lang === 'zh' ? reason.zh : reason.en });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Archive numbers that only a text scan found (files read but not parsed): in use all the same. */
export function rawArchiveNumbers(files: Iterable<FileEntry>): string[] {
  const out: string[] = [];
  for (const e of files) if (e.rawArchiveNos) for (const n of e.rawArchiveNos) out.push(n);
  return out;
}

export interface FolderNumbering {
  /** Non-empty: nothing was planned, and nothing may be written. */
  blockers: NumberingBlocker[];
  /** Undefined when blocked. */
  plan: NumberingPlan | undefined;
}

/**
 * Plans numbers for `targets` among all of a folder's entries, or refuses: with any blocker there is no plan,
 * since a number the index did not see could be handed out again. Numbers found by text scans count as used.
 */
export function planFolderNumbers(
  files: Iterable<FileEntry>,
  targets: Iterable<RecordEntry>,
  schema: Schema,
  problems: (r: RecordEntry) => number,
  lang: Lang,
): FolderNumbering {
  const entries = [...files];
  const blockers = numberingBlockers(entries, lang);
  if (blockers.length) return { blockers, plan: undefined };
  const all = entries.flatMap((e) => e.records);
  return { blockers, plan: planArchiveNumbers(targets, all, schema, problems, rawArchiveNumbers(entries)) };
}
