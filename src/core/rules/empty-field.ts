import { requiredFields } from './missing-field';
import { isBlank, labelOf, say, type RecordRule } from './rule';

/** A required field is there but empty — typically a placeholder a quick fix inserted, waiting to be filled. */
export const emptyField: RecordRule = {
  code: 'empty-field',
  severity: 'error',
  title: { en: 'Required field empty', zh: '必填字段为空' },
  check(ctx) {
    if (!ctx.data) return;
    for (const name of requiredFields(ctx)) {
      const spans = ctx.record.fields.get(name);
      if (!spans || !isBlank(ctx.data[name]) || name === 'category') continue; // a blank category: missing-category
      const def = ctx.schema.fields.get(name);
      ctx.report(spans.key, say(ctx.lang, { en: 'required field {f} is empty', zh: '必填字段 {f} 为空' }, { f: labelOf(ctx.lang, def, name) }), {
        field: name,
      });
    }
  },
};
