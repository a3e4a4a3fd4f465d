/**
 * Approving a batch: the decision is recorded in the batch (status, date) and every listed file is
 * fingerprinted as it is now, so that any later change to it is seen before execution. Only a complete draft
 * whose every entry is an indexed record inside the folder may be approved.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { isDeepStrictEqual } from 'util';
import { applyEdits, setFieldEdits, type TextEdit } from '../fix/fixes';
import { readFileInside } from '../io/safe-fs';
import { parseRecordText } from '../parse/record-file';
import { YAML_OPTIONS } from '../parse/yaml-record';
import type { Finding } from '../model/findings';
import { readBatch, sha256, type BatchFile } from './batch';
import { checkBatch } from './check';
import type { BatchContext } from './items';
import { batchLayout } from './layout';

export type ApprovalPlan =
  | { ok: true; edits: TextEdit[] }
  /** `missing`: details to fill in first (field names); `findings`: entries that may not be approved. */
  | { ok: false; reason: 'not-a-draft' | 'incomplete' | 'entries'; missing: string[]; findings: Finding[] };

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.some((x) => !blank(x)));

/** The details a batch needs before it can be approved. */
export function missingForApproval(batch: BatchFile): string[] {
  const d = batch.data;
  const missing: string[] = [];
  if (blank(d.approvers)) missing.push('approvers');
  if (batch.kind === 'destruction-batch') {
    if (!Array.isArray(d.supervisors) || d.supervisors.filter((s) => !blank(s)).length < 2) missing.push('supervisors (2+)');
    for (const k of ['method', 'place', 'scheduled_at']) if (blank(d[k])) missing.push(k);
  }
  return missing;
}

/** The edits that approve `text` on `day`, or why it cannot be approved. */
export function planApproval(text: string, ctx: BatchContext, day: string): ApprovalPlan {
  const batch = readBatch(text);
  if (!batch || batch.status !== 'draft') return { ok: false, reason: 'not-a-draft', missing: [], findings: [] };
  const missing = missingForApproval(batch);
  if (missing.length) return { ok: false, reason: 'incomplete', missing, findings: [] };
  const findings = checkBatch(text, ctx, { as: 'draft' }).filter((f) => f.severity === 'error');
  if (findings.length) return { ok: false, reason: 'entries', missing: [], findings };
  const hashes = batch.items.map((it) => sha256(readFileInside(ctx.root, it.path)));
  const status = setFieldEdits('batch.md', text, [{ record: 0, field: 'status', value: 'approved' }, { record: 0, field: 'approved_at', value: day }]);
  const edits = [...status, ...fingerprintEdits(text, hashes)];
  if (approvedAsIntended(text, applyEdits(text, edits), hashes)) return { ok: true, edits };
  // A list written by hand in a way the targeted edits cannot fill in: the front matter is written anew.
  return { ok: true, edits: [rewriteFrontMatter(applyEdits(text, status), hashes)] };
}

/** Replaces each item's sha256 value, or adds one where the item has none. */
function fingerprintEdits(text: string, hashes: readonly string[]): TextEdit[] {
  const layout = batchLayout(text);
  if (!layout) return [];
  const eol = /\r\n/.test(text.slice(0, parseRecordText(text, 'markdown').records[0]?.span.end ?? 0)) ? '\r\n' : '\n';
  return layout.items.map((item, i) => {
    const value = JSON.stringify(hashes[i]);
    if (item.sha256) return { start: item.sha256.start, end: item.sha256.end, newText: value };
    const s = item.style;
    const newText = 'block' in s ? `${eol}${s.block}sha256: ${value}` : s.flow === 'comma' ? `, sha256: ${value}` : ` sha256: ${value}`;
    return { start: item.insertAt, end: item.insertAt, newText };
  });
}

function approvedAsIntended(before: string, after: string, hashes: readonly string[]): boolean {
  const old = readBatch(before);
  const now = readBatch(after);
  if (!old || !now || now.status !== 'approved' || now.entries.length !== old.entries.length) return false;
  return old.entries.every((e, i) => isDeepStrictEqual(now.entries[i], { ...(e as object), sha256: hashes[i] }));
}

/** The whole front matter through the yaml document model, comments kept, each item's sha256 set. */
function rewriteFrontMatter(text: string, hashes: readonly string[]): TextEdit {
  const record = parseRecordText(text, 'markdown').records[0];
  const { start, end } = record.contentSpan;
  const doc = parseDocument(text.slice(start, end), YAML_OPTIONS);
  const list = isMap(doc.contents) ? doc.contents.get('records', true) : undefined;
  if (isSeq(list)) list.items.forEach((item, i) => isMap(item) && item.set('sha256', hashes[i]));
  return { start, end, newText: doc.toString() };
}
