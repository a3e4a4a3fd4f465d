import { retentionLabel } from '../retention/labels';
import { retentionOf } from '../retention/retention';
import { say, type RecordRule } from './rule';

/**
 * A record's own `retention` code shorter than the period that governs it (its category's default or the most
 * specific retention rule). The longer period is kept all the same — the minimums are the law's (会计档案管理办法
 * Art. 15: 本办法规定的会计档案保管期限为最低保管期限) — but the file then says one thing and the label another.
 */
export const retentionTooShort: RecordRule = {
  code: 'retention-too-short',
  severity: 'warning',
  title: { en: "The record's own retention is shorter than the period that governs it", zh: '记录自身的保管期限短于适用的保管期限' },
  check(ctx) {
    const span = ctx.record.fields.get('retention')?.value;
    if (!span) return;
    const r = retentionOf(ctx.data, ctx.schema);
    if (!r.shortened || !r.governing) return;
    const g = r.governing;
    const zh = ctx.lang === 'zh';
    ctx.report(
      span,
      say(
        ctx.lang,
        {
          en: 'retention {own} is shorter than {code} ({label}), which governs this record: {basis}; the record is kept {label}',
          zh: '保管期限 {own} 短于适用于本记录的 {code}（{label}）：{basis}；本记录按 {label} 保管',
        },
        { own: r.shortened.code, code: g.code, label: zh ? retentionLabel(g.code).zh : retentionLabel(g.code).en, basis: zh ? g.basis.zh : g.basis.en },
      ),
      { field: 'retention', fix: { value: g.code, title: { en: `Set retention to ${g.code}`, zh: `将保管期限改为 ${g.code}` } } },
    );
  },
};
