import { isMoney } from '../values/checks';
import { isKeptInteger } from '../parse/exact-int';
import { typeRule } from './type-rule';

export const invalidMoney = typeRule({
  code: 'invalid-money',
  types: ['money'],
  title: { en: 'Invalid amount', zh: '金额无效' },
  check(value, _def, _ctx, _source, raw) {
    // `0100` written plain: unquoted-number reports it (and drops the zeros); a long amount is valid text.
    if (isKeptInteger(value, raw)) return undefined;
    return isMoney(value)
      ? undefined
      : {
          message: {
            en: '{f}: {v} is not an amount (digits, at most two decimals, e.g. 12000.50)',
            zh: '{f}：{v} 不是金额（数字，最多两位小数，如 12000.50）',
          },
        };
  },
});
