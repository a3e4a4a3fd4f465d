import { say, type RecordRule } from './rule';

/**
 * One field written under two keys of the same meaning (客户 and 客户名称, or 客户 and customer): only one of
 * the values is read — the schema's own key, else the first — and the other is silently lost, so this is an
 * error. No fix: which value is right is the user's to say.
 */
export const duplicateField: RecordRule = {
  code: 'duplicate-field',
  severity: 'error',
  title: { en: 'One field written under two keys', zh: '同一字段以两个键重复书写' },
  check(ctx) {
    for (const d of ctx.record.doubled ?? []) {
      const [read, ...others] = d.keys;
      for (const k of others) {
        ctx.report(
          k.span,
          say(
            ctx.lang,
            {
              en: '{k} is field {f} again (already written as {r}); only the value of {r} is read',
              zh: '{k} 与 {r} 是同一字段 {f}，只读取 {r} 的值',
            },
            { k: k.written, f: d.field, r: read.written },
          ),
          { field: d.field },
        );
      }
    }
  },
};
