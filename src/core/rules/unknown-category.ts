import { isBlank, say, type RecordRule } from './rule';
import { closest, display } from './util';

export const unknownCategory: RecordRule = {
  code: 'unknown-category',
  severity: 'error',
  title: { en: 'Unknown category', zh: '未知分类' },
  check(ctx) {
    const v = ctx.data?.category;
    if (isBlank(v) || ctx.category) return;
    const keys = [...ctx.schema.categories.keys()];
    // Accept a category's own label as a hint: 合同信息 → contract.
    const byLabel = [...ctx.schema.categories.values()].find((c) => c.label.zh === v || c.label.en.toLowerCase() === String(v).toLowerCase() || c.code === v);
    const suggestion = byLabel?.key ?? closest(display(v), keys);
    const span = ctx.record.fields.get('category')!.value;
    ctx.report(span, say(ctx.lang, { en: 'unknown category {v}; one of: {k}', zh: '未知分类 {v}，应为以下之一：{k}' }, { v: display(v), k: keys.join(', ') }), {
      field: 'category',
      fix: suggestion === undefined ? undefined : { value: suggestion },
    });
  },
};
