import { isValidCreditCode } from '../values/checks';
import { typeRule } from './type-rule';

export const invalidCreditCode = typeRule({
  code: 'invalid-credit-code',
  types: ['credit-code'],
  title: { en: 'Invalid unified social credit code', zh: '统一社会信用代码无效' },
  check: (_value, _def, _ctx, source) =>
    isValidCreditCode(source)
      ? undefined
      : {
          message: {
            en: '{f}: {v} is not a valid unified social credit code (GB 32100-2015 check character)',
            zh: '{f}：{v} 不是有效的统一社会信用代码（GB 32100-2015 校验码错误）',
          },
        },
});
