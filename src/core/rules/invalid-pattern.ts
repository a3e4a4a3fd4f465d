import { typeRule } from './type-rule';
import { scalarText } from '../model/records';

/** A string field whose schema gives a pattern (e.g. id, retention code). */
export const invalidPattern = typeRule({
  code: 'invalid-pattern',
  types: ['string', 'text'],
  title: { en: 'Value does not match the pattern', zh: '取值不符合格式' },
  check(value, def) {
    if (!def.pattern) return undefined;
    if (typeof value === 'object') return { message: { en: '{f}: must be text', zh: '{f}：应为文本' } };
    return def.pattern.test(scalarText(value))
      ? undefined
      : { message: { en: '{f}: {v} does not match {p}', zh: '{f}：{v} 不符合格式 {p}' }, params: { p: def.pattern.source } };
  },
});
