import { readSealed, SEALED_PREFIX, SEALED_PROBLEM_TEXT } from '../values/sealed';
import { labelOf, say, type RecordRule } from './rule';

/**
 * A value written as sealed (`age:…`) that is not a whole age file: cut short, edited, or pasted with a line
 * lost. It cannot be opened by any key; the plain value must come from the record's history or its source.
 */
export const sealedInvalid: RecordRule = {
  code: 'sealed-invalid',
  severity: 'error',
  title: { en: 'Sealed value damaged', zh: '加密值已损坏' },
  check(ctx) {
    if (!ctx.data) return;
    for (const [name, spans] of ctx.record.fields) {
      const value = ctx.data[name];
      if (typeof value !== 'string' || !value.startsWith(SEALED_PREFIX)) continue;
      const def = ctx.schema.fields.get(name);
      // `age: 35` in a note is no sealed value; `age:` and no space is how a sealed value starts.
      if (!def?.sensitive && !/^age:[A-Za-z0-9+/]/.test(value)) continue;
      const form = readSealed(value);
      if (form.ok) continue;
      const why = SEALED_PROBLEM_TEXT[form.reason];
      ctx.report(
        spans.value,
        say(
          ctx.lang,
          { en: '{f}: the sealed value {w}; no key can open it', zh: '{f}：加密值{w}，任何密钥都无法打开' },
          { f: labelOf(ctx.lang, def, name), w: ctx.lang === 'zh' ? why.zh : why.en },
        ),
        { field: name },
      );
    }
  },
};
