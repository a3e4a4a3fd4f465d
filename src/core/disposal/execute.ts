import { setFieldEdits, type TextEdit } from '../fix/fixes';
import { readFileInside } from '../io/safe-fs';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import { recordKind } from '../records/matcher';
import type { Finding } from '../records/types';
import { readBatch, type BatchItem } from './batch';
import { checkBatch } from './check';
import { PENDING } from './document';
import type { BatchContext } from './items';

export interface ExecutionPlan {
  /** Files removed whole: every record in them is listed. */
  deleteFiles: string[];
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
    // A YAML stream keeps its other documents: cut each listed one with the separator before it.
    const edits: TextEdit[] = [];
    for (const r of parsed.records) {
      if (!listed.has(r.index)) continue;
      const sep = text.lastIndexOf('\n---', r.span.start);
      const start = r.index > 0 && sep >= 0 ? sep : r.span.start;
      let end = r.span.end;
      if (r.index === 0) {
        const next = text.indexOf('\n---', end);
        end = next >= 0 ? next + 4 : end;
        while (end < text.length && (text[end] === '\n' || text[end] === '\r')) end++;
      }
      edits.push({ start, end, newText: '' });
    }
    cutDocuments.set(path, edits);
  }
  const id = String(batch.data.batch_id ?? '');
  const tombstones = ['tombstones:', ...batch.items.flatMap((it) => [
    `  - id: ${q(it.id)}`, `    archive_no: ${q(it.archive_no)}`, `    customer: ${q(it.customer)}`, `    category: ${q(it.category)}`,
    `    retention: ${q(it.retention)}`, `    destroyed_on: ${today}`, `    batch: ${q(id)}`, `    path: ${q(it.path)}`,
  ])];
  const fieldEdits = setFieldEdits('batch.md', batchText, [
    { record: 0, field: 'status', value: 'executed' },
    { record: 0, field: 'executed_at', value: executedAt },
  ]);
  const parsed = parseRecordText(batchText, 'markdown').records[0];
  const eol = batchText.includes('\r\n') ? '\r\n' : '\n';
  const closing = batchText.lastIndexOf('\n', parsed.span.end - 1) + 1;
  const batchEdits: TextEdit[] = [...fieldEdits.filter((e) => e.start !== closing), { start: closing, end: closing, newText: [...fieldEdits.filter((e) => e.start === closing).map((e) => e.newText.replace(/\r?\n$/, '')), ...tombstones].join(eol) + eol }];
  // The register's destruction-date column.
  const body = parsed.bodySpan?.start ?? batchText.length;
  for (let i = batchText.indexOf(PENDING, body); i >= 0; i = batchText.indexOf(PENDING, i + PENDING.length)) {
    batchEdits.push({ start: i, end: i + PENDING.length, newText: today });
  }
  return { ok: true, plan: { deleteFiles, cutDocuments, before, batchEdits: batchEdits.sort((a, b) => a.start - b.start), items: batch.items } };
}
