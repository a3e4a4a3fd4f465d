/**
 * Whether each entry a batch lists may be acted on. A batch is a file anyone can edit, so nothing in it is
 * trusted: a listed path must name a record file the index holds, inside the folder, reached without a link,
 * and an approved batch must carry the fingerprint of every file it will delete.
 */
import type { Lang } from '../model/lang';
import { REFUSAL_TEXT, resolveInside, type PathProblem } from '../io/paths';
import { tryReadFileInside } from '../io/safe-fs';
import type { Schema } from '../model/schema';
import type { RecordEntry } from '../model/records';
import { isHold } from '../retention/disposition';
import { defaultSchema } from '../schema/load';
import { attachmentFields, attachmentsOf } from './attachments';
import { isBatchItem, sha256, type BatchItem, type BatchStatus } from './batch';
import { attachmentFingerprints, itemFingerprint, itemKey, type Fingerprints } from './fingerprints';

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
  /** The folder's schema: which fields name attachments, where batches live (default: the built-in schema). */
  schema?: Schema;
  /** The records (`path#index`) that name this attachment now; without it, sharing is not checked. */
  attachmentUsers?(rel: string): readonly string[];
  /**
   * The disposal folder's documents (batches, appraisal opinions, certificates) with their text: a batch is
   * checked against the opinion it names, an opinion against the batches that rely on it.
   */
  documents?(): readonly { path: string; text: string }[];
  /** Every record the index holds: a transfer's notice list looks a child's guardian up in all of them. */
  allRecords?(): Iterable<RecordEntry>;
}

export interface ItemProblem {
  code: 'batch-item-path' | 'batch-item-not-record' | 'batch-item-fingerprint' | 'batch-record-changed' | 'batch-record-on-hold' | 'batch-attachment';
  en: string;
  zh: string;
}

let fallbackSchema: Schema | undefined;
export const schemaOf = (ctx: BatchContext): Schema => ctx.schema ?? (fallbackSchema ??= defaultSchema());

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Problems of one entry of the `records:` list, in the order they matter; `fingerprints` also checks the
 * listed sha256 against the file (an approved batch), else only that the file is a listed record.
 */
export interface ItemCheck {
  /** A destruction: attachments go with their record, and approval took content fingerprints. */
  destruction?: boolean;
  fingerprints?: Fingerprints;
  /** Every record this batch lists (`path#index`): an attachment they share goes with all of them. */
  listed?: ReadonlySet<string>;
}

export function itemProblems(entry: unknown, n: number, status: BatchStatus | undefined, ctx: BatchContext, o: ItemCheck = {}): ItemProblem[] {
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
  if (!Number.isInteger(index) || index < 0) {
    return [
      { code: 'batch-item-not-record', en: `${p}: index must be the record's document number (0, 1, …)`, zh: `${p}：index 须为记录的文档序号（0、1、…）` },
    ];
  }
  if (!files.exists(p)) {
    return status === 'approved'
      ? [{ code: 'batch-record-changed', en: `${p} no longer exists`, zh: `${p} 已不存在` }]
      : [{ code: 'batch-item-not-record', en: `${p} does not exist`, zh: `${p} 不存在` }];
  }
  const records = ctx.records(p);
  if (!records || !records.has(index)) {
    const what = records ? `has no record number ${index}` : 'is not a record file the index holds';
    const whatZh = records ? `中没有序号为 ${index} 的记录` : '不是已索引的记录文件';
    return [{ code: 'batch-item-not-record', en: `${p} ${what}: only indexed records can be listed`, zh: `${p} ${whatZh}，只能列入已索引的记录` }];
  }
  const out: ItemProblem[] = [];
  if (isHold(records.get(index)?.hold)) {
    out.push({ code: 'batch-record-on-hold', en: `${p} is on hold and must be pulled out of the batch`, zh: `${p} 已暂缓处置，须从批次中抽出` });
  }
  const named = o.destruction ? attachmentsOf(records.get(index), p, attachmentFields(schemaOf(ctx))) : [];
  out.push(...attachmentProblems(p, index, named, ctx, o.listed));
  if (status === 'approved') {
    const hash = typeof entry.sha256 === 'string' ? entry.sha256.trim().toLowerCase() : '';
    if (!SHA256.test(hash)) {
      out.push({
        code: 'batch-item-fingerprint',
        en: `${p} has no fingerprint (sha256) from approval: a change since could not be seen; approve the batch again`,
        zh: `${p} 没有批准时的指纹（sha256），无法发现之后的修改；请重新批准`,
      });
      return out;
    } else {
      const bytes = files.bytes(p);
      if (!bytes || sha256(bytes) !== hash) {
        out.push({
          code: 'batch-record-changed',
          en: `${p} changed after the batch was approved; review it and approve again`,
          zh: `${p} 在批准后被修改，请复核后重新批准`,
        });
      }
    }
    if (o.destruction)
      out.push(
        ...approvedAttachmentProblems(
          entry,
          index,
          named.map((a) => a.rel ?? a.value),
          ctx,
          o.fingerprints,
        ),
      );
  }
  return out;
}

/** An attachment the tool could not destroy with its record, or should not: outside, a link, a record, shared. */
function attachmentProblems(p: string, index: number, named: ReturnType<typeof attachmentsOf>, ctx: BatchContext, listed?: ReadonlySet<string>): ItemProblem[] {
  const out: ItemProblem[] = [];
  const disposal = `${schemaOf(ctx).disposal.folder}/`;
  for (const a of named) {
    const bad = (en: string, zh: string) => out.push({ code: 'batch-attachment', en: `${p}: attachment ${a.value} ${en}`, zh: `${p}：附件 ${a.value} ${zh}` });
    if (!a.rel) {
      const why = REFUSAL_TEXT[a.problem ?? 'invalid'];
      bad(`${why.en}: it cannot be destroyed with the record; correct the record's ${a.field}`, `${why.zh}，无法随记录销毁；请更正记录的 ${a.field}`);
      continue;
    }
    const files = ctx.files ?? diskFiles(ctx.root);
    const problem = files.problem(a.rel);
    if (problem) {
      const why = REFUSAL_TEXT[problem];
      bad(`${why.en}: it cannot be destroyed with the record`, `${why.zh}，无法随记录销毁`);
    } else if (files.exists(a.rel) && !files.bytes(a.rel)) {
      bad('is not a regular file: it cannot be destroyed with the record', '不是普通文件，无法随记录销毁');
    } else if (ctx.records(a.rel) || a.rel.startsWith(disposal) || a.rel.startsWith('.records/')) {
      bad(
        'is a record, a batch or the schema, not a scan: list it as its own entry if it is to be destroyed',
        '是记录、批次或档案架构而非附件；如需销毁请作为单独条目列入',
      );
    } else {
      const others = (ctx.attachmentUsers?.(a.rel) ?? []).filter((k) => k !== itemKey(p, index) && !listed?.has(k));
      if (others.length)
        bad(`is also the attachment of ${others.join(', ')}, which this batch does not destroy`, `同时是 ${others.join('、')} 的附件，而本批次不销毁该记录`);
    }
  }
  return out;
}

/** On an approved batch: the attachments as approved, each with its fingerprint, none changed since. */
function approvedAttachmentProblems(entry: BatchItem, index: number, named: string[], ctx: BatchContext, f: Fingerprints | undefined): ItemProblem[] {
  const p = entry.path;
  const out: ItemProblem[] = [];
  const listed = Array.isArray(entry.attachments) ? entry.attachments.map(String) : [];
  if ([...listed].sort().join('\n') !== [...named].sort().join('\n')) {
    out.push({
      code: 'batch-attachment',
      en: `${p}: the attachments listed (${listed.join(', ') || 'none'}) are not the ones the record names (${named.join(', ') || 'none'}); approve the batch again`,
      zh: `${p}：列出的附件（${listed.join('、') || '无'}）与记录所列附件（${named.join('、') || '无'}）不一致；请重新批准`,
    });
    return out;
  }
  if (!itemFingerprint(f, p, index)) {
    out.push({
      code: 'batch-item-fingerprint',
      en: `${p} has no content fingerprints from approval (git blob ids of its versions): approve the batch again`,
      zh: `${p} 没有批准时的内容指纹（各版本的 git blob id）；请重新批准`,
    });
    return out;
  }
  const prints = attachmentFingerprints(f, p, index);
  for (const rel of named) {
    const fp = prints.find((x) => x.path === rel);
    if (!fp) {
      out.push({
        code: 'batch-item-fingerprint',
        en: `${p}: attachment ${rel} has no fingerprint from approval; approve the batch again`,
        zh: `${p}：附件 ${rel} 没有批准时的指纹；请重新批准`,
      });
      continue;
    }
    const bytes = (ctx.files ?? diskFiles(ctx.root)).bytes(rel);
    if ((bytes ? sha256(bytes) : '') !== fp.sha256) {
      out.push({
        code: 'batch-record-changed',
        en: `${p}: attachment ${rel} changed after the batch was approved; review it and approve again`,
        zh: `${p}：附件 ${rel} 在批准后被修改，请复核后重新批准`,
      });
    }
  }
  return out;
}
