import { archiveFormat, expectedParts } from '../archive/expected';
import { isBlank, say, type RecordRule } from './rule';

const PART_LABEL = {
  fonds: { en: 'fonds', zh: '全宗号' },
  subject: { en: 'category code', zh: '门类代码' },
  year: { en: 'year', zh: '年度' },
  retention: { en: 'retention', zh: '保管期限' },
  org: { en: 'organisation code', zh: '机构(问题)代码' },
} as const;

/** An archive number whose parts contradict the record: another category's code, year or retention period. */
export const archiveNoMismatch: RecordRule = {
  code: 'archive-no-mismatch',
  severity: 'warning',
  title: { en: 'Archive number does not match the record', zh: '档号与记录不符' },
  check(ctx) {
    const v = ctx.data?.archive_no;
    if (isBlank(v) || (typeof v !== 'string' && typeof v !== 'number')) return;
    const parts = archiveFormat(ctx.schema).parse(String(v));
    const expected = expectedParts(ctx.data, ctx.schema);
    if (!parts || !expected.ok) return;
    const wrong = (['fonds', 'subject', 'year', 'retention'] as const).filter((k) => parts[k] !== expected.parts[k]);
    if (!wrong.length) return;
    const detail = wrong
      .map((k) => `${ctx.lang === 'zh' ? PART_LABEL[k].zh : PART_LABEL[k].en} ${parts[k]} ≠ ${expected.parts[k]}`)
      .join(ctx.lang === 'zh' ? '，' : ', ');
    ctx.report(
      ctx.record.fields.get('archive_no')!.value,
      say(ctx.lang, { en: 'archive number {v} does not match the record: {d}', zh: '档号 {v} 与记录不符：{d}' }, { v: String(v), d: detail }),
      { field: 'archive_no' },
    );
  },
};
