import { dataIsComplete, isBlank, labelOf, say, type RecordRule } from './rule';

/** A field the schema requires (for every record, or for the record's category) is absent or empty. */
export const missingField: RecordRule = {
  code: 'missing-field',
  severity: 'error',
  title: { en: 'Required field missing', zh: '缺少必填字段' },
  check(ctx) {
    if (!ctx.data) return;
    if (!dataIsComplete(ctx)) return;
    const required = [...ctx.schema.required, ...(ctx.category?.required ?? [])];
    // Schema order, so a fix inserts them the way the schema lists them.
    const order = [...ctx.schema.fields.keys()];
    const names = [...new Set(required)].sort((a, b) => rank(order, a) - rank(order, b));
    for (const name of names) {
      if (name === 'category' && !('category' in ctx.data)) continue; // missing-category says it better
      if (!isBlank(ctx.data[name])) continue;
      const present = ctx.record.fields.get(name);
      const def = ctx.schema.fields.get(name);
      const where = ctx.category ? say(ctx.lang, { en: ' for category {c}', zh: '（{c}类）' }, { c: ctx.lang === 'zh' ? ctx.category.label.zh : ctx.category.key }) : '';
      const message = present
        ? say(ctx.lang, { en: 'required field {f} is empty{w}', zh: '必填字段 {f} 为空{w}' }, { f: labelOf(ctx.lang, def, name), w: where })
        : say(ctx.lang, { en: 'missing required field {f}{w}', zh: '缺少必填字段 {f}{w}' }, { f: labelOf(ctx.lang, def, name), w: where });
      ctx.report(present ? present.key : ctx.record.fence ?? ctx.record.span, message, { field: name, missing: present ? undefined : [name] });
    }
  },
};

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}
