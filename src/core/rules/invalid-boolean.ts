import { typeRule } from './type-rule';

const WORDS: Record<string, string> = {
  yes: 'true',
  no: 'false',
  y: 'true',
  n: 'false',
  是: 'true',
  否: 'false',
  on: 'true',
  off: 'false',
  '1': 'true',
  '0': 'false',
  TRUE: 'true',
  FALSE: 'false',
  True: 'true',
  False: 'false',
};

export const invalidBoolean = typeRule({
  code: 'invalid-boolean',
  types: ['boolean'],
  title: { en: 'Invalid true/false value', zh: '布尔值无效' },
  check(value) {
    if (typeof value === 'boolean') return undefined;
    const r = WORDS[String(value).trim()] ?? WORDS[String(value).trim().toLowerCase()];
    return { message: { en: '{f}: {v} must be true or false', zh: '{f}：{v} 应为 true 或 false' }, fix: r === undefined ? undefined : { text: r } };
  },
});
