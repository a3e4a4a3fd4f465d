/**
 * Executing a transfer (PIPL Art. 22): only an approved batch without problems, once the records are handed
 * over and every person on the notice list told (every task checked). Then, and only then, each listed
 * record becomes `transferred` — and its local copy falls under Art. 47: due for destruction once no legal
 * period runs.
 */
import { isDeepStrictEqual } from 'util';
import { applyEdits, setFieldEdits, type FieldValue, type TextEdit } from '../fix/fixes';
import type { Finding } from '../model/findings';
import { parseRecordText } from '../parse/record-file';
import { readBatch, type BatchItem } from './batch';
import { checkBatch } from './check';
import { minimalEdit } from './execute';
import { sealEdits } from './seal';
import type { BatchContext } from './items';

export interface TransferPlan {
  /** Per record file, the status fields to set. */
  statuses: Map<string, FieldValue[]>;
  batchEdits: TextEdit[];
  items: BatchItem[];
}

export type TransferExecution =
  { ok: true; plan: TransferPlan } | { ok: false; reason: 'not-approved' | 'problems' | 'tasks'; findings: Finding[]; tasks: string[] };

export function planTransferExecution(text: string, ctx: BatchContext, executedAt: string): TransferExecution {
  const batch = readBatch(text);
  if (!batch || batch.kind !== 'transfer-batch' || batch.status !== 'approved') return { ok: false, reason: 'not-approved', findings: [], tasks: [] };
  const findings = checkBatch(text, ctx).filter((f) => f.severity === 'error');
  if (findings.length || batch.items.length !== batch.entries.length) return { ok: false, reason: 'problems', findings, tasks: [] };
  const parsed = parseRecordText(text, 'markdown').records[0];
  const body = parsed?.bodySpan ? text.slice(parsed.bodySpan.start) : '';
  const tasks = [...body.matchAll(/^[ \t]*[-*] \[ \] (.*)$/gm)].map((m) => m[1].trim());
  if (tasks.length) return { ok: false, reason: 'tasks', findings: [], tasks };
  const statuses = new Map<string, FieldValue[]>();
  for (const it of batch.items) statuses.set(it.path, [...(statuses.get(it.path) ?? []), { record: it.index ?? 0, field: 'status', value: 'transferred' }]);
  const executed = applyEdits(
    text,
    setFieldEdits('batch.md', text, [
      { record: 0, field: 'status', value: 'executed' },
      { record: 0, field: 'executed_at', value: executedAt },
    ]),
  );
  // The executed register is sealed: a later change to it is a finding (seal.ts).
  const batchEdits = [minimalEdit(text, applyEdits(executed, sealEdits(executed)))];
  const after = readBatch(applyEdits(text, batchEdits));
  if (!after || after.status !== 'executed' || !isDeepStrictEqual(after.entries, batch.entries)) return { ok: false, reason: 'problems', findings, tasks: [] };
  return { ok: true, plan: { statuses, batchEdits, items: batch.items } };
}
