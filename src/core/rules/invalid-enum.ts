import { closest, display } from './util';
import { typeRule } from './type-rule';

export const invalidEnum = typeRule({
  code: 'invalid-enum',
  types: ['enum'],
  title: { en: 'Value not allowed', zh: '取值不在允许范围内' },
  check(value, def) {
    if (def.name === 'category') return undefined; // unknown-category says it with the categories' labels
    const values = def.values ?? [];
    if (values.includes(display(value))) return undefined;
    const best = typeof value === 'object' ? undefined : closest(display(value), values);
    return {
      message: best
        ? { en: '{f}: {v} is not allowed; did you mean {r}? (one of: {all})', zh: '{f}：{v} 不是允许的取值，是否应为 {r}？（可选：{all}）' }
        : { en: '{f}: {v} is not allowed; one of: {all}', zh: '{f}：{v} 不是允许的取值（可选：{all}）' },
      params: { r: best, all: values.join(', ') },
      fix: best === undefined ? undefined : { value: best },
    };
  },
});
