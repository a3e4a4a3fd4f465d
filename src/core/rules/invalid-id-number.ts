import { isMaskedIdNumber, isValidIdNumber } from '../values/checks';
import { typeRule } from './type-rule';

/** The check digit (GB 11643-1999) and the birth date must be right; masked forms are accepted as they are. */
export const invalidIdNumber = typeRule({
  code: 'invalid-id-number',
  types: ['id-number'],
  title: { en: 'Invalid resident ID number', zh: '身份证号无效' },
  check(_value, _def, _ctx, source) {
    const s = source;
    if (isMaskedIdNumber(s) || isValidIdNumber(s)) return undefined;
    return {
      message: {
        en: '{f}: {v} is not a valid resident ID number (check digit or birth date wrong)',
        zh: '{f}：{v} 不是有效的身份证号（校验位或出生日期错误）',
      },
    };
  },
});
