import { setFieldEdits, type TextEdit } from '../fix/fixes';
import { parseRecordText } from '../parse/record-file';
import { recordKind } from '../records/matcher';
import { readBatch, type BatchItem } from './batch';
import { PENDING } from './document';

export interface ExecutionPlan {
  /** Files removed whole: every record in them is listed. */
  deleteFiles: string[];
  /** Files that keep other records: only the listed documents are cut out. */
  cutDocuments: Map<string, TextEdit[]>;
  /** The batch file's own update: executed, the date, tombstones, the register's destruction dates. */
  batchEdits: TextEdit[];
  items: BatchItem[];
}

const q = (s: string) => JSON.stringify(s);

/**
 * What executing an approved destruction batch changes. `files` gives, for each listed path, its text and
 * how many records it holds now.
 */
export function planExecution(batchText: string, files: ReadonlyMap<string, string>, today: string, executedAt: string): ExecutionPlan | undefined {
  const batch = readBatch(batchText);
  if (!batch || batch.kind !== 'destruction-batch' || batch.status !== 'approved') return undefined;
  const byFile = new Map<string, BatchItem[]>();
  for (const it of batch.items) byFile.set(it.path, [...(byFile.get(it.path) ?? []), it]);
  const deleteFiles: string[] = [];
  const cutDocuments = new Map<string, TextEdit[]>();
  for (const [path, items] of byFile) {
    const text = files.get(path);
    if (text === undefined) continue;
    const parsed = parseRecordText(text, recordKind(path) ?? 'markdown');
    const listed = new Set(items.map((i) => i.index ?? 0));
    if (parsed.records.every((r) => listed.has(r.index))) {
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
  return { deleteFiles, cutDocuments, batchEdits: batchEdits.sort((a, b) => a.start - b.start), items: batch.items };
}
