import { dataIsComplete, isBlank, say, type RecordRule } from './rule';

/** Without a category the record cannot be checked, numbered or kept for the right period. */
export const missingCategory: RecordRule = {
  code: 'missing-category',
  severity: 'error',
  title: { en: 'Category missing', zh: '缺少分类' },
  check(ctx) {
    if (!ctx.data || !isBlank(ctx.data.category)) return;
    if (!dataIsComplete(ctx)) return;
    const keys = [...ctx.schema.categories.keys()].join(', ');
    const span = ctx.record.fields.get('category')?.key ?? ctx.record.fence ?? ctx.record.span;
    ctx.report(span, say(ctx.lang, { en: 'the record has no category; one of: {k}', zh: '记录没有分类，应为以下之一：{k}' }, { k: keys }), {
      field: 'category',
      fix: ctx.record.fields.has('category') ? undefined : { insert: ['category'] },
    });
  },
};
