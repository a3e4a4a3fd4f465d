import { dataIsComplete, labelOf, say, type RecordContext, type RecordRule } from './rule';

/** A field the schema requires (for every record, or for the record's category) is absent. */
export const missingField: RecordRule = {
  code: 'missing-field',
  severity: 'error',
  title: { en: 'Required field missing', zh: '缺少必填字段' },
  check(ctx) {
    if (!ctx.data) return;
    if (!dataIsComplete(ctx)) return;
    // Schema order, so a fix inserts them the way the schema lists them.
    for (const name of requiredFields(ctx)) {
      if (name === 'category' && !('category' in ctx.data)) continue; // missing-category says it better
      if (ctx.record.fields.has(name)) continue; // present but empty: empty-field says so
      const def = ctx.schema.fields.get(name);
      const where = ctx.category
        ? say(ctx.lang, { en: ' for category {c}', zh: '（{c}类）' }, { c: ctx.lang === 'zh' ? ctx.category.label.zh : ctx.category.key })
        : '';
      const message = say(ctx.lang, { en: 'missing required field {f}{w}', zh: '缺少必填字段 {f}{w}' }, { f: labelOf(ctx.lang, def, name), w: where });
      ctx.report(ctx.record.fence ?? ctx.record.span, message, { field: name, fix: { insert: [name] } });
    }
  },
};

/** Required fields per category key, in schema order: worked out once per schema, asked for per record. */
const requiredCache = new WeakMap<object, Map<string, string[]>>();

export function requiredFields(ctx: RecordContext): string[] {
  let perCategory = requiredCache.get(ctx.schema);
  if (!perCategory) requiredCache.set(ctx.schema, (perCategory = new Map<string, string[]>()));
  const key = ctx.category?.key ?? '';
  let list = perCategory.get(key);
  if (!list) {
    const order = new Map([...ctx.schema.fields.keys()].map((k, i) => [k, i]));
    const rank = (name: string) => order.get(name) ?? order.size;
    list = [...new Set([...ctx.schema.required, ...(ctx.category?.required ?? [])])].sort((a, b) => rank(a) - rank(b));
    perCategory.set(key, list);
  }
  return list;
}
