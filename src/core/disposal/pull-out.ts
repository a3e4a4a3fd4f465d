/**
 * Pulling records out of a destruction batch when a hold is put on them after the batch was made — even after
 * it was approved: a record bearing on an unsettled matter is not destroyed but taken out and kept, and the
 * register and the appraisal opinion list it with the reason (会计档案管理办法 Art. 19). The batch is no
 * longer the one signed and approved: it goes back to draft (approval, its fingerprints and the opinion's
 * hash are dropped) and is appraised and approved again.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { scalarText } from '../model/records';
import { parseRecordText } from '../parse/record-file';
import { YAML_OPTIONS } from '../parse/yaml-record';
import { isHold } from '../retention/disposition';
import type { TextEdit } from '../fix/fixes';
import { escapeMarkdown } from '../text/escape';
import { t, type DocLang } from '../text/bilingual';
import { readBatch } from './batch';
import { NO_REASON, pulledOutTable, type PulledOut } from './document';
import type { BatchContext } from './items';
import { pulledOutOf } from './register';

export type PullOutPlan = { ok: true; edits: TextEdit[]; moved: PulledOut[] } | { ok: false; reason: 'not-a-destruction' | 'executed' | 'nothing-on-hold' };

/** The edits that move every listed record now on hold into `pulled_out`, with its hold_reason. */
export function planPullOut(text: string, ctx: BatchContext, lang: DocLang): PullOutPlan {
  const b = readBatch(text);
  if (!b || b.kind !== 'destruction-batch') return { ok: false, reason: 'not-a-destruction' };
  if (b.status === 'executed') return { ok: false, reason: 'executed' };
  const held = b.items.filter((it) => isHold(ctx.records(it.path)?.get(it.index ?? 0)?.hold));
  if (!held.length) return { ok: false, reason: 'nothing-on-hold' };
  const moved: PulledOut[] = held.map((it) => {
    const data = ctx.records(it.path)?.get(it.index ?? 0);
    return {
      path: it.path,
      index: it.index ?? 0,
      id: scalarText(it.id),
      archive_no: scalarText(it.archive_no),
      title: scalarText(it.title),
      until: scalarText(it.until),
      reason: scalarText(data?.hold_reason).trim() || NO_REASON,
    };
  });
  const record = parseRecordText(text, 'markdown').records[0];
  const { start, end } = record.contentSpan;
  const doc = parseDocument(text.slice(start, end), YAML_OPTIONS);
  const map = doc.contents as YAMLMap;
  const list = isMap(map) ? map.get('records', true) : undefined;
  const key = (p: unknown, i: unknown) => `${scalarText(p)}#${typeof i === 'number' ? i : 0}`;
  const out = new Set(moved.map((m) => key(m.path, m.index)));
  if (isSeq(list)) list.items = list.items.filter((item) => !(isMap(item) && out.has(key(item.get('path'), item.get('index')))));
  const pulled = [...pulledOutOf(b.data), ...moved];
  map.set('pulled_out', doc.createNode(pulled));
  map.set('status', 'draft');
  for (const k of ['approved_at', 'appraisal_sha256', 'fingerprints']) map.delete(k);
  const edits: TextEdit[] = [{ start, end, newText: doc.toString() }];
  const body = record.bodySpan;
  if (body) edits.push({ start: body.start, end: text.length, newText: bodyWith(text.slice(body.start), moved, pulled, lang) });
  return { ok: true, edits, moved };
}

/** The body with the moved records' rows taken out of its tables and the pulled-out section written anew. */
function bodyWith(body: string, moved: readonly PulledOut[], pulled: readonly PulledOut[], lang: DocLang): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const cells = moved.map((m) => `| ${escapeMarkdown(m.archive_no || m.id)} |`);
  let lines = body.split(/\r?\n/).filter((l) => !(l.startsWith('|') && cells.some((c) => l.includes(c))));
  const at = lines.findIndex((l) => /^## .*(第十九条|Art\. 19)/.test(l));
  const section = [`## ${t(lang, '暂缓处置、单独抽出的档案（第十九条）', 'Pulled out under a hold (Art. 19)')}`, '', ...pulledOutTable(pulled, lang), ''];
  if (at < 0) lines = [...lines, ...section];
  else {
    const next = lines.findIndex((l, i) => i > at && l.startsWith('## '));
    lines = [...lines.slice(0, at), ...section, ...(next < 0 ? [] : lines.slice(next))];
  }
  return lines.join(eol);
}
