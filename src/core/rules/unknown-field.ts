import { say, type RecordRule } from './rule';

/**
 * A field the schema does not declare for the record's category. Off unless the category sets
 * `unknown_fields` (or the rule is given a severity), since many workspaces carry extra fields on purpose.
 */
export const unknownField: RecordRule = {
  code: 'unknown-field',
  severity: 'warning',
  title: { en: 'Unknown field', zh: '未知字段' },
  check(ctx) {
    const perCategory = ctx.category?.unknownFields;
    const explicit = ctx.schema.rules.get('unknown-field');
    if ((!perCategory || perCategory === 'off') && (!explicit || explicit === 'off')) return;
    for (const [name, spans] of ctx.record.fields) {
      const def = ctx.schema.fields.get(name);
      if (def && (!def.categories || (ctx.category && def.categories.includes(ctx.category.key)))) continue;
      const message = def
        ? say(ctx.lang, { en: '{f} is not a field of category {c}', zh: '{f} 不是 {c} 类记录的字段' }, { f: name, c: ctx.category?.key ?? '?' })
        : say(ctx.lang, { en: 'unknown field {f}', zh: '未知字段 {f}' }, { f: name });
      ctx.report(spans.key, message, { field: name }, perCategory && perCategory !== 'off' ? perCategory : undefined);
    }
  },
};
