import { say, type RecordRule } from './rule';

/**
 * A key written as one of the field's aliases (客户 for customer) or a value as one of its aliases (合同 for
 * contract, 电话 for phone). Both are read as what they name, so nothing is wrong: the findings are for a
 * workspace moving to the schema's own names, and are off (offByDefault: the index runs them only once the
 * schema's `rules:` or the editor's settings name them) — then Fix All (or `check --fix`) renames every one.
 */

export const fieldAlias: RecordRule = {
  code: 'field-alias',
  severity: 'warning',
  title: { en: 'A key written as an alias of a field', zh: '字段以别名书写' },
  offByDefault: true,
  check(ctx) {
    if (!ctx.record.aliased) return;
    for (const a of ctx.record.aliased) {
      if (a.kind !== 'key') continue;
      ctx.report(
        a.span,
        say(ctx.lang, { en: '{w} is an alias of field {f}; it is read as {f}', zh: '{w} 是字段 {f} 的别名，按 {f} 读取' }, { w: a.written, f: a.field }),
        {
          field: a.field,
          fix: { text: a.field, fields: [a.field], title: { en: 'Rename to {v}', zh: '重命名为 {v}' } },
        },
      );
    }
  },
};

export const valueAlias: RecordRule = {
  code: 'value-alias',
  severity: 'warning',
  title: { en: 'A value written as an alias of an allowed value or category', zh: '取值或分类以别名书写' },
  offByDefault: true,
  check(ctx) {
    if (!ctx.record.aliased) return;
    for (const a of ctx.record.aliased) {
      if (a.kind !== 'value') continue;
      const message = say(
        ctx.lang,
        { en: '{f}: {w} is an alias of {c}; it is read as {c}', zh: '{f}：{w} 是 {c} 的别名，按 {c} 读取' },
        { f: a.field, w: a.written, c: a.canonical },
      );
      // A list holds several values in one span: only a single value is replaced in place.
      const single = ctx.text.slice(a.span.start, a.span.end).replace(/^["']|["']$/g, '') === a.written;
      ctx.report(a.span, message, { field: a.field, fix: single ? { value: a.canonical, title: { en: 'Change to {v}', zh: '改为 {v}' } } : undefined });
    }
  },
};
