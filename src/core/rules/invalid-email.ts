import { isEmail } from '../values/checks';
import { typeRule } from './type-rule';

export const invalidEmail = typeRule({
  code: 'invalid-email',
  types: ['email'],
  title: { en: 'Invalid email address', zh: '电子邮箱无效' },
  check: (value) => (isEmail(String(value)) ? undefined : { message: { en: '{f}: {v} is not an email address', zh: '{f}：{v} 不是有效的电子邮箱' } }),
});
