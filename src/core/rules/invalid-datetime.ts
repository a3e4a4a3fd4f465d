import { parseDateTime } from '../values/checks';
import { typeRule } from './type-rule';

export const invalidDatetime = typeRule({
  code: 'invalid-datetime',
  types: ['datetime'],
  title: { en: 'Invalid date and time', zh: '日期时间无效' },
  check(value) {
    const r = parseDateTime(String(value));
    if (r.ok) return undefined;
    return r.reason === 'nonexistent'
      ? { message: { en: '{f}: {v} is not a real date and time', zh: '{f}：{v} 不是真实存在的日期时间' } }
      : { message: { en: '{f}: {v} is not a date and time (YYYY-MM-DDTHH:MM, ISO 8601)', zh: '{f}：{v} 不是日期时间（YYYY-MM-DDTHH:MM，ISO 8601）' } };
  },
});
