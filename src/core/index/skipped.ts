import type { Lang } from '../model/lang';
import { leadInMessage } from '../rules/catalogue';
import { severityFor, type IndexOptions } from './index-file';
import type { FileEntry } from '../model/records';
import type { Finding } from '../model/findings';
import type { Skipped } from './walk';

/**
 * Severities of what the walk did not read. `unreadable-folder` and `not-a-file` are errors and cannot be
 * changed (like `unreadable`): the records behind them are unknown, numbering refuses while they are there,
 * and `check` must fail for the same reason so a pipeline sees it before numbering does. A FIFO or socket named
 * like a record is never a record: it is a mistake or something feeding the folder, and an error either way.
 * `symlink` is a warning (see the catalogue, rules/codes/file-codes.ts): nothing is lost when the target is inside, it is checked there.
 */

const AT = { line: 0, col: 0 };

const TYPE: Record<'fifo' | 'socket' | 'device', { en: string; zh: string }> = {
  fifo: { en: 'a FIFO (named pipe)', zh: '命名管道（FIFO）' },
  socket: { en: 'a socket', zh: '套接字（socket）' },
  device: { en: 'a device file', zh: '设备文件' },
};

/** The details after the lead-in; in Chinese leadInMessage puts the code's lead-in (rules/codes/file-codes.ts) first. */
function linkMessage(s: Skipped & { kind: 'link' }, lang: Lang): string {
  const zh = lang === 'zh';
  switch (s.where) {
    case 'inside':
      if (s.folder && s.to === '.') return zh ? '指向本文件夹自身，不跟随' : 'symbolic link to this folder itself: not followed';
      if (s.folder) {
        return zh
          ? `指向本文件夹内的文件夹 ${s.to}/，不跟随；其中的记录在原处检查`
          : `symbolic link to the folder ${s.to}/, inside this folder: not followed; the records in it are checked there`;
      }
      return zh
        ? `指向本文件夹内的 ${s.to}，不跟随；它若是记录文件，会在原处单独检查`
        : `symbolic link to ${s.to}, inside this folder: not followed; ${s.to} is checked on its own if it is a record file`;
    case 'outside':
      if (s.folder) {
        return zh
          ? `指向本文件夹之外的文件夹，不跟随：其中的记录既不检查，也不写入`
          : `symbolic link to a folder outside the folder: not followed, so the records in it are neither checked nor written`;
      }
      return zh
        ? `指向本文件夹之外的文件，不跟随：它既不检查，也不写入`
        : `symbolic link to a file outside the folder: not followed, so it is neither checked nor written`;
    case 'missing':
      return zh ? `指向不存在的 ${s.text}，不跟随` : `symbolic link to ${s.text}, which does not exist: not followed`;
    case 'loop':
      return zh ? `链接循环（${s.text}），不跟随` : `symbolic link loop (${s.text}): not followed`;
  }
}

function message(s: Skipped, lang: Lang): { code: string; text: string } {
  const zh = lang === 'zh';
  if (s.kind === 'folder') {
    return {
      code: 'unreadable-folder',
      text: zh ? `${s.code}，其中的记录未检查，编号已暂停` : `cannot list this folder (${s.code}): records in it are not checked, numbering is blocked`,
    };
  }
  if (s.kind === 'special') {
    const t = TYPE[s.type];
    return {
      code: 'not-a-file',
      text: zh ? `名称像记录文件，实为${t.zh}，未读取，编号已暂停` : `named like a record but ${t.en}: not read, numbering is blocked`,
    };
  }
  return { code: 'symlink', text: linkMessage(s, lang) };
}

/**
 * The entry that stands for something the walk saw but did not read, keyed by its path, with no records and
 * one finding. Never cached (`skipped` is set): every walk sees these afresh, so a warm start can neither lose
 * one nor keep one after the problem is gone.
 */
export function skippedEntry(s: Skipped, opts: Pick<IndexOptions, 'lang' | 'severities' | 'schema'>): FileEntry {
  const { code, text } = message(s, opts.lang);
  // unreadable-folder and not-a-file are fixed errors in the catalogue; symlink is a warning that can be set.
  const severity = severityFor(code, opts);
  const findings: Finding[] = [];
  if (severity !== 'off') {
    const f: Finding = { code, severity, message: leadInMessage(code, text, opts.lang), start: AT, end: AT };
    if (s.kind === 'link') f.data = { link: s.text, where: s.where, folder: s.folder, ...(s.to === undefined ? {} : { target: s.to }) };
    findings.push(f);
  }
  const unread = s.kind === 'folder' ? 'unreadable-folder' : s.kind === 'special' ? 'not-a-file' : undefined;
  return { path: s.path, mtimeMs: -1, size: -1, isRecordFile: false, records: [], findings, skipped: s.kind, unread };
}
