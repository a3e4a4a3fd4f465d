import type { Lang } from '../i18n';
import { LineIndex } from '../parse/lines';
import { parseRecordText, type Span } from '../parse/record-file';
import type { Finding } from '../records/types';
import { isHold } from '../retention/disposition';
import { readBatch, sha256 } from './batch';

/** What a batch check needs to know of the records it lists. */
export interface BatchContext {
  lang: Lang;
  /** The bytes of a listed file now, or undefined when it is gone. */
  fileBytes(path: string): Uint8Array | undefined;
  /** A listed record's front-matter values now. */
  recordData(path: string, index: number): Readonly<Record<string, unknown>> | undefined;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Findings on a destruction or transfer batch file: an approved or executed batch without two supervisors,
 * a method, a place and a time; unchecked tasks on an executed batch; listed records that changed after
 * approval or are on hold.
 */
export function checkBatch(text: string, ctx: BatchContext): Finding[] {
  const batch = readBatch(text);
  if (!batch) return [];
  const parsed = parseRecordText(text, 'markdown').records[0];
  const lines = new LineIndex(text);
  const out: Finding[] = [];
  const zh = ctx.lang === 'zh';
  const at = (span: Span | undefined, code: string, severity: Finding['severity'], en: string, zhText: string) => {
    const s = lines.positionAt((span ?? parsed.fence ?? parsed.span).start);
    const e = lines.positionAt((span ?? parsed.fence ?? parsed.span).end);
    out.push({ code, severity, message: zh ? zhText : en, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character } });
  };
  const key = (k: string) => parsed.fields.get(k)?.key;
  const d = batch.data;
  const decided = batch.status === 'approved' || batch.status === 'executed';
  if (batch.kind === 'destruction-batch' && decided) {
    const supervisors = Array.isArray(d.supervisors) ? d.supervisors.filter((s) => !blank(s)) : [];
    if (supervisors.length < 2) {
      at(key('supervisors') ?? key('status'), 'batch-supervisors', 'error',
        `an ${batch.status} destruction needs at least two supervisors (${supervisors.length} named)`, `已${batch.status === 'approved' ? '批准' : '执行'}的销毁须有至少两名监销人（现有 ${supervisors.length} 名）`);
    }
    for (const [k, en, zhName] of [['method', 'method', '销毁方式'], ['place', 'place', '地点'], ['scheduled_at', 'date and time', '时间']] as const) {
      if (blank(d[k]) && !(k === 'scheduled_at' && !blank(d.executed_at))) {
        at(key(k) ?? key('status'), 'batch-missing-detail', 'error', `an ${batch.status} destruction must record its ${en}`, `已${batch.status === 'approved' ? '批准' : '执行'}的销毁须记录${zhName}`);
      }
    }
    if (blank(d.approvers)) at(key('approvers') ?? key('status'), 'batch-missing-detail', 'error', `an ${batch.status} batch must name who approved it`, '须记录批准人');
  }
  if (batch.status === 'executed') {
    const body = parsed.bodySpan ? text.slice(parsed.bodySpan.start) : '';
    const base = parsed.bodySpan?.start ?? 0;
    for (const m of body.matchAll(/^[ \t]*[-*] \[ \] .*$/gm)) {
      at({ start: base + m.index!, end: base + m.index! + m[0].length }, 'batch-unchecked-task', 'error',
        'an executed batch has a task not checked off', '已执行的批次仍有未完成的核对项');
    }
  }
  if (batch.status !== 'executed') {
    const itemsSpan = parsed.fields.get('records')?.value;
    batch.items.forEach((item, i) => {
      const span = itemSpan(text, itemsSpan, item.path) ?? itemsSpan;
      const data = ctx.recordData(item.path, item.index ?? 0);
      if (data && isHold(data.hold)) {
        at(span, 'batch-record-on-hold', 'error', `${item.path} is on hold and must be pulled out of the batch`, `${item.path} 已暂缓处置，须从批次中抽出`);
      }
      if (batch.status === 'approved') {
        const bytes = ctx.fileBytes(item.path);
        if (!bytes) at(span, 'batch-record-changed', 'error', `${item.path} no longer exists`, `${item.path} 已不存在`);
        else if (item.sha256 && sha256(bytes) !== item.sha256) {
          at(span, 'batch-record-changed', 'error', `${item.path} changed after the batch was approved; review it and approve again`, `${item.path} 在批准后被修改，请复核后重新批准`);
        }
      }
      void i;
    });
  }
  return out;
}

/** Where the `path:` of a listed record is, for pointing at it. */
function itemSpan(text: string, within: Span | undefined, path: string): Span | undefined {
  if (!within) return undefined;
  const needle = JSON.stringify(path);
  let i = text.indexOf(needle, within.start);
  if (i < 0 || i > within.end) i = text.indexOf(path, within.start);
  return i < 0 || i > within.end ? undefined : { start: i, end: i + needle.length };
}
