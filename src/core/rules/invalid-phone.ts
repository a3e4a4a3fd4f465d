import { isPhone } from '../values/checks';
import { typeRule } from './type-rule';

export const invalidPhone = typeRule({
  code: 'invalid-phone',
  types: ['phone'],
  title: { en: 'Invalid phone number', zh: '电话号码无效' },
  check: (_value, _def, _ctx, source) =>
    isPhone(source) ? undefined : { message: { en: '{f}: {v} is not a mainland mobile or landline number', zh: '{f}：{v} 不是有效的手机或固定电话号码' } },
});
