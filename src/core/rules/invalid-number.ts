import { isKeptInteger } from '../parse/exact-int';
import { typeRule } from './type-rule';

export const invalidNumber = typeRule({
  code: 'invalid-number',
  types: ['number'],
  title: { en: 'Invalid number', zh: '数字无效' },
  check(value, def, _ctx, _source, raw) {
    // `010` or a 20-digit integer, written plain: unquoted-number reports it with the right fix.
    if (isKeptInteger(value, raw)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return { message: { en: '{f}: {v} is not a number', zh: '{f}：{v} 不是数字' } };
    if (def.min !== undefined && value < def.min)
      return { message: { en: '{f}: {v} is below the minimum {m}', zh: '{f}：{v} 小于最小值 {m}' }, params: { m: def.min } };
    if (def.max !== undefined && value > def.max)
      return { message: { en: '{f}: {v} is above the maximum {m}', zh: '{f}：{v} 大于最大值 {m}' }, params: { m: def.max } };
    return undefined;
  },
});
