/**
 * Whether each entry a batch lists may be acted on. A batch is a file anyone can edit, so nothing in it is
 * trusted: a listed path must name a record file the index holds, inside the folder, reached without a link,
 * and an approved batch must carry the fingerprint of every file it will delete.
 */
import type { Lang } from '../model/lang';
import { REFUSAL_TEXT, resolveInside, type PathProblem } from '../io/paths';
import { tryReadFileInside } from '../io/safe-fs';
import { isHold } from '../retention/disposition';
import { isBatchItem, sha256, type BatchStatus } from './batch';

/**
 * The files a batch names, when they are not the working tree's (a git revision, for the review of changes):
 * whether a path may be listed, whether it exists, and its bytes.
 */
export interface BatchFiles {
  problem(path: string): PathProblem | undefined;
  exists(path: string): boolean;
  bytes(path: string): Uint8Array | undefined;
}

/** The working tree's files, resolved inside the folder without following a link. */
export function diskFiles(root: string): BatchFiles {
  return {
    problem: (p) => {
      const r = resolveInside(root, p);
      return r.ok ? undefined : r.problem;
    },
    exists: (p) => {
      const r = resolveInside(root, p);
      return r.ok && r.value.stat !== undefined;
    },
    bytes: (p) => tryReadFileInside(root, p),
  };
}

/** What a batch check needs to know of the folder and its records. */
export interface BatchContext {
  lang: Lang;
  /** The workspace folder: listed paths are resolved inside it, never through a link. */
  root: string;
  /** Where the listed files are read from; the working tree under `root` when absent. */
  files?: BatchFiles;
  /** The records the index holds in a file now, by document number; undefined when it holds no record file there. */
  records(path: string): ReadonlyMap<number, Readonly<Record<string, unknown>> | undefined> | undefined;
}

export interface ItemProblem {
  code: 'batch-item-path' | 'batch-item-not-record' | 'batch-item-fingerprint' | 'batch-record-changed' | 'batch-record-on-hold';
  en: string;
  zh: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Problems of one entry of the `records:` list, in the order they matter; `fingerprints` also checks the
 * listed sha256 against the file (an approved batch), else only that the file is a listed record.
 */
export function itemProblems(entry: unknown, n: number, status: BatchStatus | undefined, ctx: BatchContext): ItemProblem[] {
  if (!isBatchItem(entry)) {
    return [{ code: 'batch-item-path', en: `entry ${n + 1} of records has no path`, zh: `records 的第 ${n + 1} 项没有 path` }];
  }
  const p = entry.path;
  const files = ctx.files ?? diskFiles(ctx.root);
  const problem = files.problem(p);
  if (problem) {
    const why = REFUSAL_TEXT[problem];
    return [{ code: 'batch-item-path', en: `${p} ${why.en}: it cannot be listed`, zh: `${p} ${why.zh}，不能列入批次` }];
  }
  const index = entry.index ?? 0;
  if (!Number.isInteger(index) || (index as number) < 0) {
    return [{ code: 'batch-item-not-record', en: `${p}: index must be the record's document number (0, 1, …)`, zh: `${p}：index 须为记录的文档序号（0、1、…）` }];
  }
  if (!files.exists(p)) {
    return status === 'approved'
      ? [{ code: 'batch-record-changed', en: `${p} no longer exists`, zh: `${p} 已不存在` }]
      : [{ code: 'batch-item-not-record', en: `${p} does not exist`, zh: `${p} 不存在` }];
  }
  const records = ctx.records(p);
  if (!records || !records.has(index as number)) {
    const what = records ? `has no record number ${index as number}` : 'is not a record file the index holds';
    const whatZh = records ? `中没有序号为 ${index as number} 的记录` : '不是已索引的记录文件';
    return [{ code: 'batch-item-not-record', en: `${p} ${what}: only indexed records can be listed`, zh: `${p} ${whatZh}，只能列入已索引的记录` }];
  }
  const out: ItemProblem[] = [];
  if (isHold(records.get(index as number)?.hold)) {
    out.push({ code: 'batch-record-on-hold', en: `${p} is on hold and must be pulled out of the batch`, zh: `${p} 已暂缓处置，须从批次中抽出` });
  }
  if (status === 'approved') {
    const listed = typeof entry.sha256 === 'string' ? entry.sha256.trim().toLowerCase() : '';
    if (!SHA256.test(listed)) {
      out.push({ code: 'batch-item-fingerprint', en: `${p} has no fingerprint (sha256) from approval: a change since could not be seen; approve the batch again`, zh: `${p} 没有批准时的指纹（sha256），无法发现之后的修改；请重新批准` });
    } else {
      const bytes = files.bytes(p);
      if (!bytes || sha256(bytes) !== listed) {
        out.push({ code: 'batch-record-changed', en: `${p} changed after the batch was approved; review it and approve again`, zh: `${p} 在批准后被修改，请复核后重新批准` });
      }
    }
  }
  return out;
}
