import { normalizeDate, parseDate } from '../values/checks';
import { typeRule } from './type-rule';

/** Dates are YYYY-MM-DD and must exist: 2020-02-30 is an error, 2020/3/5 can be normalised. */
export const invalidDate = typeRule({
  code: 'invalid-date',
  types: ['date'],
  title: { en: 'Invalid date', zh: '日期无效' },
  check(value) {
    const s = String(value);
    const parsed = parseDate(s);
    if (parsed.ok) return undefined;
    const fixed = normalizeDate(s);
    if (parsed.reason === 'nonexistent') return { message: { en: '{f}: {v} is not a real date', zh: '{f}：{v} 不是真实存在的日期' } };
    return fixed
      ? {
          message: { en: '{f}: {v} is not in YYYY-MM-DD form; {r}?', zh: '{f}：{v} 不是 YYYY-MM-DD 格式，应为 {r}？' },
          params: { r: fixed },
          fix: { value: fixed, title: { en: 'Normalise date to {v}', zh: '将日期规范为 {v}' } },
        }
      : { message: { en: '{f}: {v} is not a date (YYYY-MM-DD)', zh: '{f}：{v} 不是日期（YYYY-MM-DD）' } };
  },
});
