/**
 * Approving a batch: the decision is recorded in the batch (status, date), every listed file is fingerprinted
 * as it is now (sha256), each item's attachments are set from the record, and — for a destruction — the
 * content fingerprints the git layer took (blob ids of every version) are written into the front matter, so
 * that any later change is seen before execution and "destroyed" can be checked by content afterwards.
 * Only a complete draft whose every entry is an indexed record inside the folder may be approved.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { isDeepStrictEqual } from 'util';
import { applyEdits, setFieldEdits, type TextEdit } from '../fix/fixes';
import { readFileInside } from '../io/safe-fs';
import { parseRecordText } from '../parse/record-file';
import { YAML_OPTIONS } from '../parse/yaml-record';
import type { Finding } from '../model/findings';
import { attachmentFields, attachmentsOf } from './attachments';
import { readBatch, sha256 } from './batch';
import { checkBatch } from './check';
import { fingerprintLines, readFingerprints, type Fingerprints } from './fingerprints';
import { schemaOf, type BatchContext } from './items';
import { batchLayout } from './layout';
import { appraisalOf, missingForApproval, noticeProblems } from './requirements';
import type { Bilingual } from '../model/schema';

export type ApprovalPlan =
  | { ok: true; edits: TextEdit[] }
  /**
   * `missing`: details to fill in first; `findings`: entries that may not be approved; `problems`: why the
   * appraisal opinion (a destruction) or the notice list (a transfer) does not allow it yet.
   */
  | {
      ok: false;
      reason: 'not-a-draft' | 'incomplete' | 'entries' | 'appraisal' | 'notices' | 'fingerprints';
      missing: Bilingual[];
      findings: Finding[];
      problems: Bilingual[];
    };

/** What approval writes per item: the file's fingerprint now and the attachments its record names now. */
interface ItemUpdate {
  sha256: string;
  attachments: string[];
}

const refused = (
  reason: Exclude<ApprovalPlan, { ok: true }>['reason'],
  o: Partial<Pick<Exclude<ApprovalPlan, { ok: true }>, 'missing' | 'findings' | 'problems'>> = {},
): ApprovalPlan => ({
  ok: false,
  reason,
  missing: o.missing ?? [],
  findings: o.findings ?? [],
  problems: o.problems ?? [],
});

/**
 * The edits that approve `text` on `day`, or why it cannot be approved. A destruction batch needs a signed
 * appraisal opinion (its hash is recorded, so a later change is seen) and the content fingerprints (core/git
 * takes them: it may run git); a transfer deletes nothing and needs none, but its notice list must reach
 * every person.
 */
export function planApproval(text: string, ctx: BatchContext, day: string, fingerprints?: Fingerprints): ApprovalPlan {
  const batch = readBatch(text);
  if (!batch || batch.status !== 'draft') return refused('not-a-draft');
  const missing = missingForApproval(batch, ctx);
  if (missing.length) return refused('incomplete', { missing });
  const findings = checkBatch(text, ctx, { as: 'draft' }).filter((f) => f.severity === 'error');
  if (findings.length) return refused('entries', { findings });
  let appraisal: string | undefined;
  if (batch.kind === 'destruction-batch') {
    const a = appraisalOf(batch, ctx);
    if (a.problems.length) return refused('appraisal', { problems: a.problems });
    appraisal = a.hash;
  } else {
    const problems = noticeProblems(text, batch, ctx);
    if (problems.length) return refused('notices', { problems });
  }
  if (batch.kind === 'destruction-batch' && !fingerprints) return refused('fingerprints');
  const fields = attachmentFields(schemaOf(ctx));
  const updates: ItemUpdate[] = batch.items.map((it) => ({
    sha256: sha256(readFileInside(ctx.root, it.path)),
    attachments: attachmentsOf(ctx.records(it.path)?.get(it.index ?? 0), it.path, fields).map((a) => a.rel!),
  }));
  const status = setFieldEdits('batch.md', text, [
    { record: 0, field: 'status', value: 'approved' },
    { record: 0, field: 'approved_at', value: day },
    ...(appraisal ? [{ record: 0, field: 'appraisal_sha256', value: appraisal }] : []),
  ]);
  const prints = batch.kind === 'destruction-batch' && batch.data.fingerprints === undefined ? fingerprintsEdit(text, fingerprints!) : [];
  const edits = [...status, ...itemEdits(text, updates), ...prints];
  if (approvedAsIntended(text, applyEdits(text, edits), updates, fingerprints)) return { ok: true, edits };
  // A list written by hand in a way the targeted edits cannot fill in: the front matter is written anew.
  return { ok: true, edits: [rewriteFrontMatter(applyEdits(text, status), updates, batch.kind === 'destruction-batch' ? fingerprints : undefined)] };
}

function eolOf(text: string): string {
  const end = parseRecordText(text, 'markdown').records[0]?.span.end ?? 0;
  return /\r\n/.test(text.slice(0, end)) ? '\r\n' : '\n';
}
const flowList = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

/** Replaces each item's sha256 and attachments values, or adds them where the item has none. */
function itemEdits(text: string, updates: readonly ItemUpdate[]): TextEdit[] {
  const layout = batchLayout(text);
  if (!layout) return [];
  const eol = eolOf(text);
  return layout.items.flatMap((item, i) => {
    const u = updates[i];
    if (!u) return [];
    const out: TextEdit[] = [];
    const add: [string, string][] = [];
    const hash = JSON.stringify(u.sha256);
    if (item.sha256) out.push({ start: item.sha256.start, end: item.sha256.end, newText: hash });
    else add.push(['sha256', hash]);
    if (item.attachments) out.push({ start: item.attachments.start, end: item.attachments.end, newText: flowList(u.attachments) });
    else add.push(['attachments', flowList(u.attachments)]);
    if (add.length) {
      const s = item.style;
      const first = 'block' in s ? false : s.flow === 'first';
      const newText = add.map(([k, v], n) => ('block' in s ? `${eol}${s.block}${k}: ${v}` : `${n === 0 && first ? ' ' : ', '}${k}: ${v}`)).join('');
      out.push({ start: item.insertAt, end: item.insertAt, newText });
    }
    return out;
  });
}

/** The fingerprints block, added at the end of the front matter in its own line endings. */
function fingerprintsEdit(text: string, f: Fingerprints): TextEdit[] {
  const fm = parseRecordText(text, 'markdown').records[0];
  if (!fm) return [];
  const eol = eolOf(text);
  const closing = text.lastIndexOf('\n', fm.span.end - 1) + 1;
  return [{ start: closing, end: closing, newText: fingerprintLines(f).join(eol) + eol }];
}

function approvedAsIntended(before: string, after: string, updates: readonly ItemUpdate[], f: Fingerprints | undefined): boolean {
  const old = readBatch(before);
  const now = readBatch(after);
  if (!old || !now || now.status !== 'approved' || now.entries.length !== old.entries.length) return false;
  // Through JSON, as the batch reads back: a key set to undefined is no key.
  if (old.kind === 'destruction-batch' && !isDeepStrictEqual(readFingerprints(now.data.fingerprints), readFingerprints(JSON.parse(JSON.stringify(f)))))
    return false;
  return old.entries.every((e, i) => isDeepStrictEqual(now.entries[i], { ...(e as object), sha256: updates[i].sha256, attachments: updates[i].attachments }));
}

/** The whole front matter through the yaml document model, comments kept, each item's values set. */
function rewriteFrontMatter(text: string, updates: readonly ItemUpdate[], f: Fingerprints | undefined): TextEdit {
  const record = parseRecordText(text, 'markdown').records[0];
  const { start, end } = record.contentSpan;
  const doc = parseDocument(text.slice(start, end), YAML_OPTIONS);
  const list = isMap(doc.contents) ? doc.contents.get('records', true) : undefined;
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      if (!isMap(item) || !updates[i]) return;
      item.set('sha256', updates[i].sha256);
      item.set('attachments', doc.createNode(updates[i].attachments, { flow: true }));
    });
  }
  if (f && isMap(doc.contents)) doc.set('fingerprints', doc.createNode(JSON.parse(JSON.stringify(f))));
  return { start, end, newText: doc.toString() };
}
