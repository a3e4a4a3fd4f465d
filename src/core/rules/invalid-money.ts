import { isMoney } from '../values/checks';
import { typeRule } from './type-rule';

export const invalidMoney = typeRule({
  code: 'invalid-money',
  types: ['money'],
  title: { en: 'Invalid amount', zh: '金额无效' },
  check(value) {
    return isMoney(value) ? undefined : { message: { en: '{f}: {v} is not an amount (digits, at most two decimals, e.g. 12000.50)', zh: '{f}：{v} 不是金额（数字，最多两位小数，如 12000.50）' } };
  },
});
