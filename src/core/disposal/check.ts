import { LineIndex } from '../parse/lines';
import { parseRecordText } from '../parse/record-file';
import { type Span } from '../model/parsed';
import type { Finding } from '../model/findings';
import { readBatch } from './batch';
import { itemKey } from './fingerprints';
import { itemProblems, schemaOf, type BatchContext } from './items';
import { batchLayout } from './layout';
import { matchMethods } from './methods';
import { certificateFindings, custodyFindings, opinionFindings, requirementFindings } from './document-check';
import { defaultSeverity } from '../rules/catalogue';

export type { BatchContext } from './items';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Findings on a destruction or transfer batch file: an approved or executed batch without two supervisors,
 * a method, a place and a time; unchecked tasks on an executed batch; an unknown status; and every listed
 * entry that is not an indexed record reached inside the folder, is on hold, or changed since approval.
 * `as: 'draft'` checks the entries as a draft's (approval, which takes the fingerprints, asks so).
 */
export function checkBatch(text: string, ctx: BatchContext, options?: { as?: 'draft' }): Finding[] {
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
      at(
        key('supervisors') ?? key('status'),
        'batch-supervisors',
        'error',
        `an ${batch.status} destruction needs at least two supervisors (${supervisors.length} named)`,
        `已${batch.status === 'approved' ? '批准' : '执行'}的销毁须有至少两名监销人（现有 ${supervisors.length} 名）`,
      );
    }
    for (const [k, en, zhName] of [
      ['method', 'method', '销毁方式'],
      ['place', 'place', '地点'],
      ['scheduled_at', 'date and time', '时间'],
    ] as const) {
      if (blank(d[k]) && !(k === 'scheduled_at' && !blank(d.executed_at))) {
        at(
          key(k) ?? key('status'),
          'batch-missing-detail',
          'error',
          `an ${batch.status} destruction must record its ${en}`,
          `已${batch.status === 'approved' ? '批准' : '执行'}的销毁须记录${zhName}`,
        );
      }
    }
    const methods = matchMethods(d.method, schemaOf(ctx));
    if (!blank(d.method) && methods.unknown.length) {
      const known =
        schemaOf(ctx)
          .disposal.methods.map((m) => m.key)
          .join(', ') || '—';
      at(
        parsed.fields.get('method')?.value ?? key('method'),
        'batch-method',
        'warning',
        `${methods.unknown.join(', ')} is not one of the configured unrecoverable methods (${known}): no certificate of destruction can be produced`,
        `${methods.unknown.join('、')} 不是已配置的不可恢复销毁方式（${known}），无法出具销毁证明`,
      );
    }
  }
  for (const f of requirementFindings(text, batch, ctx)) at(key(f.field) ?? key('status'), f.code, defaultSeverity(f.code), f.en, f.zh);
  if (batch.status === 'executed') {
    const body = parsed.bodySpan ? text.slice(parsed.bodySpan.start) : '';
    const base = parsed.bodySpan?.start ?? 0;
    for (const m of body.matchAll(/^[ \t]*[-*] \[ \] .*$/gm)) {
      at(
        { start: base + m.index, end: base + m.index + m[0].length },
        'batch-unchecked-task',
        'error',
        'an executed batch has a task not checked off',
        '已执行的批次仍有未完成的核对项',
      );
    }
  }
  if (d.status !== undefined && batch.status === undefined) {
    at(
      parsed.fields.get('status')?.value,
      'batch-status',
      'error',
      `status must be draft, approved or executed, not ${JSON.stringify(d.status)}`,
      `status 须为 draft、approved 或 executed，而不是 ${JSON.stringify(d.status)}`,
    );
  }
  // An executed batch's files are gone; every other one is checked entry by entry, whatever its status says.
  if (batch.status !== 'executed') {
    const layout = batchLayout(text);
    const listSpan = layout?.recordsKey ?? parsed.fields.get('records')?.key;
    // Attachments shared between records of this same batch go with both; only records outside it count.
    const listed = new Set(batch.items.map((it) => itemKey(it.path, typeof it.index === 'number' ? it.index : 0)));
    batch.entries.forEach((entry, n) => {
      const span = layout?.items[n]?.path ?? layout?.items[n]?.span ?? listSpan;
      const o = { destruction: batch.kind === 'destruction-batch', fingerprints: batch.fingerprints, listed };
      for (const p of itemProblems(entry, n, options?.as ?? batch.status, ctx, o)) at(span, p.code, 'error', p.en, p.zh);
    });
  }
  return out;
}

/**
 * Findings on any document of the disposal folder: a batch (checkBatch), an appraisal opinion (kept
 * permanently, unchanged since a batch was executed on it), a certificate, a custody plan; nothing for other files.
 */
export function checkDisposalDocument(text: string, ctx: BatchContext): Finding[] {
  if (readBatch(text)) return checkBatch(text, ctx);
  const found = [...opinionFindings(text, ctx), ...certificateFindings(text, ctx), ...custodyFindings(text)];
  if (!found.length) return [];
  const parsed = parseRecordText(text, 'markdown').records[0];
  const lines = new LineIndex(text);
  return found.map((f) => {
    const span = parsed.fields.get(f.field)?.key ?? parsed.fence ?? parsed.span;
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return {
      code: f.code,
      severity: defaultSeverity(f.code),
      message: ctx.lang === 'zh' ? f.zh : f.en,
      start: { line: s.line, col: s.character },
      end: { line: e.line, col: e.character },
    };
  });
}
