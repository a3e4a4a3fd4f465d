import { display } from './util';
import { typeRule } from './type-rule';

export const invalidList = typeRule({
  code: 'invalid-list',
  types: ['list'],
  title: { en: 'Invalid list', zh: '列表无效' },
  check(value, def) {
    if (!Array.isArray(value)) {
      return {
        message: { en: '{f}: must be a list, e.g. [{v}]', zh: '{f}：应为列表，如 [{v}]' },
        fix: typeof value === 'string' ? { text: `[${value}]` } : undefined,
      };
    }
    const nested = (value as unknown[]).find((v) => v !== null && typeof v === 'object');
    if (nested !== undefined) return { message: { en: '{f}: list items must be plain values', zh: '{f}：列表项应为简单值' } };
    if (def.values?.length) {
      const bad = value.filter((v) => !def.values!.includes(display(v)));
      if (bad.length)
        return {
          message: { en: '{f}: {b} not allowed; allowed: {all}', zh: '{f}：{b} 不是允许的取值（可选：{all}）' },
          params: { b: bad.map(display).join(', '), all: def.values.join(', ') },
        };
    }
    return undefined;
  },
});
