import { isDeepStrictEqual } from 'util';
import { applyEdits, setFieldEdits, type TextEdit } from '../fix/fixes';
import { readFileInside, tryReadFileInside } from '../io/safe-fs';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import { recordKind } from '../model/records';
import type { Finding } from '../model/findings';
import type { ParsedFile } from '../model/parsed';
import { readBatch, type BatchItem } from './batch';
import { checkBatch } from './check';
import { PENDING } from './document';
import { sealEdits, sealState } from './seal';
import { UnsafeEditError } from '../fix/unsafe-edit';
import { schemaOf, type BatchContext } from './items';
import { dispositionOf } from '../retention/disposition';
import { scalarText } from '../model/records';

export interface ExecutionPlan {
  /** Files removed whole: every record in them is listed, and the attachments of the listed records. */
  deleteFiles: string[];
  /** The attachments among deleteFiles (each record's scans go with it). */
  attachments: string[];
  /** Files that keep other records: only the listed documents are cut out (offsets in the decoded text). */
  cutDocuments: Map<string, TextEdit[]>;
  /** The bytes each file had when the plan was made: a write or delete must find them still there. */
  before: Map<string, Uint8Array>;
  /** The batch file's own update: executed, the date, tombstones, the register's destruction dates. */
  batchEdits: TextEdit[];
  items: BatchItem[];
}

export type Execution = { ok: true; plan: ExecutionPlan } | { ok: false; reason: 'not-approved' | 'problems'; findings: Finding[] };

const q = (s: string) => JSON.stringify(s);

/**
 * What executing an approved destruction batch changes — only when the batch has no problem at all: every
 * entry an indexed record inside the folder, reached without a link, unchanged since approval, not on hold.
 */
export function planExecution(batchText: string, ctx: BatchContext, today: string, executedAt: string): Execution {
  const batch = readBatch(batchText);
  if (!batch || batch.kind !== 'destruction-batch' || batch.status !== 'approved') return { ok: false, reason: 'not-approved', findings: [] };
  const findings = checkBatch(batchText, ctx).filter((f) => f.severity === 'error');
  if (findings.length || batch.items.length !== batch.entries.length) return { ok: false, reason: 'problems', findings };
  const byFile = new Map<string, BatchItem[]>();
  for (const it of batch.items) byFile.set(it.path, [...(byFile.get(it.path) ?? []), it]);
  const deleteFiles: string[] = [];
  const cutDocuments = new Map<string, TextEdit[]>();
  const before = new Map<string, Uint8Array>();
  for (const [path, items] of byFile) {
    const bytes = readFileInside(ctx.root, path);
    before.set(path, bytes);
    const decoded = decodeRecordBytes(bytes);
    if (!decoded.ok) return { ok: false, reason: 'problems', findings };
    const text = decoded.text;
    const parsed = parseRecordText(text, recordKind(path) ?? 'markdown');
    const listed = new Set(items.map((i) => i.index ?? 0));
    // A file goes whole only when it holds records and every one of them is listed.
    if (parsed.records.length > 0 && parsed.records.every((r) => listed.has(r.index))) {
      deleteFiles.push(path);
      continue;
    }
    cutDocuments.set(path, documentCuts(text, parsed, listed));
  }
  // Each record's scans go with it (DOMAIN.md §8); the check made sure they are the ones it names now.
  const attachments: string[] = [];
  const attachmentOf = new Map<string, BatchItem>();
  for (const it of batch.items) {
    for (const a of it.attachments ?? []) {
      if (attachmentOf.has(a)) continue;
      attachmentOf.set(a, it);
      const bytes = tryReadFileInside(ctx.root, a);
      if (!bytes) continue;
      before.set(a, bytes);
      attachments.push(a);
      deleteFiles.push(a);
    }
  }
  const id = scalarText(batch.data.batch_id);
  // The record says what it was (it is the one approved: its fingerprint was checked); the entry is a fallback.
  const value = (it: BatchItem, key: 'id' | 'archive_no' | 'customer' | 'category' | 'retention') => {
    const own = ctx.records(it.path)?.get(it.index ?? 0)?.[key];
    const v = own !== undefined && own !== null && typeof own !== 'object' ? own : it[key];
    return q(scalarText(v));
  };
  // The retention as it governed the record when destroyed: the register's 已保管 counts from its start.
  const governing = (it: BatchItem) => dispositionOf(ctx.records(it.path)?.get(it.index ?? 0), schemaOf(ctx), today, 0).retention.governing;
  const tombstones = [
    'tombstones:',
    ...batch.items.flatMap((it) => [
      `  - id: ${value(it, 'id')}`,
      `    archive_no: ${value(it, 'archive_no')}`,
      `    customer: ${value(it, 'customer')}`,
      `    category: ${value(it, 'category')}`,
      `    retention: ${it.retention ? q(it.retention) : value(it, 'retention')}`,
      `    retention_start: ${q(governing(it)?.start ?? it.retention_start ?? '')}`,
      `    until: ${q(governing(it)?.until ?? it.until)}`,
      `    destroyed_on: ${today}`,
      `    batch: ${q(id)}`,
      `    path: ${q(it.path)}`,
    ]),
    ...[...attachmentOf].flatMap(([a, it]) => [
      `  - attachment_of: ${value(it, 'id')}`,
      `    destroyed_on: ${today}`,
      `    batch: ${q(id)}`,
      `    path: ${q(a)}`,
    ]),
  ];
  const updated = executedText(batchText, tombstones, today, executedAt, batch.items.length + attachmentOf.size);
  if (updated === undefined) return { ok: false, reason: 'problems', findings };
  const batchEdits: TextEdit[] = [minimalEdit(batchText, updated)];
  return { ok: true, plan: { deleteFiles, attachments, cutDocuments, before, batchEdits, items: batch.items } };
}

/**
 * The edits that cut the documents numbered `indexes` out of a YAML stream, each with the separator before
 * it (the first with the one after): what execution does to the file, and what a purge does to every
 * version of it in history.
 */
export function documentCuts(text: string, parsed: ParsedFile, indexes: ReadonlySet<number>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const r of parsed.records) {
    if (!indexes.has(r.index)) continue;
    const sep = text.lastIndexOf('\n---', r.span.start);
    const start = r.index > 0 && sep >= 0 ? sep : r.span.start;
    let end = r.span.end;
    if (r.index === 0) {
      const next = text.indexOf('\n---', end);
      end = next >= 0 ? next + 4 : end;
      while (end < text.length && (text[end] === '\n' || text[end] === '\r')) end++;
    }
    // Two neighbours cut share the separator between them: one cut, not two overlapping ones.
    const last = edits[edits.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else edits.push({ start, end, newText: '' });
  }
  // A cut from the first document on takes the separator after it too: the stream must not start with `---`.
  const first = edits[0];
  if (first && parsed.records[0] && first.start <= parsed.records[0].span.start) {
    const next = text.indexOf('\n---', first.end);
    if (next >= 0 && text.slice(first.end, next).trim() === '') {
      let end = next + 4;
      while (end < text.length && (text[end] === '\n' || text[end] === '\r')) end++;
      first.end = end;
    }
  }
  return edits;
}

/**
 * The batch as executed: status and time set, the tombstones added at the end of its front matter (in its
 * own line endings), the register's destruction dates filled in. Undefined when the result would not read
 * back as exactly that (a front matter written as a flow mapping, say): the batch is then not executed.
 */
function executedText(text: string, tombstones: string[], today: string, executedAt: string, items: number): string | undefined {
  const before = readBatch(text)!;
  let out = applyEdits(
    text,
    setFieldEdits('batch.md', text, [
      { record: 0, field: 'status', value: 'executed' },
      { record: 0, field: 'executed_at', value: executedAt },
    ]),
  );
  const fm = parseRecordText(out, 'markdown').records[0];
  const eol = /\r\n/.test(out.slice(fm.span.start, fm.span.end)) ? '\r\n' : '\n';
  const closing = out.lastIndexOf('\n', fm.span.end - 1) + 1;
  out = out.slice(0, closing) + tombstones.join(eol) + eol + out.slice(closing);
  const body = parseRecordText(out, 'markdown').records[0].bodySpan?.start ?? out.length;
  out = out.slice(0, body) + out.slice(body).split(PENDING).join(today);
  // Sealed last, over everything it says now: any change after execution is seen (seal.ts). A front matter
  // the seal cannot be written into safely is not executed.
  try {
    out = applyEdits(out, sealEdits(out));
  } catch (e) {
    if (e instanceof UnsafeEditError) return undefined;
    throw e;
  }
  const after = readBatch(out);
  const ok =
    after &&
    sealState(out) === 'intact' &&
    after.status === 'executed' &&
    after.data.executed_at === executedAt &&
    Array.isArray(after.data.tombstones) &&
    after.data.tombstones.length === items &&
    isDeepStrictEqual(after.entries, before.entries);
  return ok ? out : undefined;
}

/** One edit that turns `a` into `b`, covering only the span between their common beginning and end. */
export function minimalEdit(a: string, b: string): TextEdit {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end: a.length - end, newText: b.slice(start, b.length - end) };
}

/** The local date and time with its offset (2026-11-26T15:04+08:00): when a batch was executed, for the record. */
export function executionStamp(now = new Date()): string {
  const offset = -now.getTimezoneOffset();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;
  return `${day}T${p2(now.getHours())}:${p2(now.getMinutes())}${offset >= 0 ? '+' : '-'}${p2(Math.floor(Math.abs(offset) / 60))}:${p2(Math.abs(offset) % 60)}`;
}
