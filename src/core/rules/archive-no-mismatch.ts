import { contradictedParts } from '../archive/expected';
import { isBlank, say, type RecordRule } from './rule';

const PART_LABEL = {
  fonds: { en: 'fonds', zh: '全宗号' },
  class: { en: 'class code', zh: '门类代码' },
  year: { en: 'year', zh: '年度' },
  retention: { en: 'retention', zh: '保管期限' },
  subject: { en: 'subject (category) code', zh: '机构(问题)代码' },
} as const;

/**
 * An archive number whose parts contradict the record: another fonds, class, year, category code, or a
 * retention period other than the one that governs the record (retentionOf) — a number that would file the
 * item in another box and give a second answer to "when may this be destroyed?" (DA/T 22-2015 §5.4).
 */
export const archiveNoMismatch: RecordRule = {
  code: 'archive-no-mismatch',
  severity: 'error',
  title: { en: 'Archive number does not match the record', zh: '档号与记录不符' },
  check(ctx) {
    const v = ctx.data?.archive_no;
    if (isBlank(v) || (typeof v !== 'string' && typeof v !== 'number')) return;
    const found = contradictedParts(String(v), ctx.data, ctx.schema);
    if (!found) return;
    const { parts, expected, wrong } = found;
    const zh = ctx.lang === 'zh';
    const detail = wrong
      .map((k) => {
        const text = `${zh ? PART_LABEL[k].zh : PART_LABEL[k].en} ${parts[k]} ≠ ${expected.parts[k]}`;
        // The retention part says which period governs, and why: the one the Disposal view counts with.
        return k === 'retention' ? `${text} (${zh ? expected.retention.basis.zh : expected.retention.basis.en})` : text;
      })
      .join(zh ? '；' : '; ');
    ctx.report(
      ctx.record.fields.get('archive_no')!.value,
      say(ctx.lang, { en: 'archive number {v} does not match the record: {d}', zh: '档号 {v} 与记录不符：{d}' }, { v: String(v), d: detail }),
      { field: 'archive_no' },
    );
  },
};
