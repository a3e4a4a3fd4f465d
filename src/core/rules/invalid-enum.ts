import type { FieldDef } from '../model/schema';
import { closest, display, type Candidate } from './util';
import { typeRule } from './type-rule';

/** What a value may be a slip for: each allowed value, and its labels and aliases (a near miss of 电话 is phone). */
export function choiceCandidates(def: FieldDef): Candidate[] {
  const out: Candidate[] = [];
  for (const c of def.choices ?? (def.values ?? []).map((value) => ({ value, label: undefined, aliases: [] }))) {
    out.push({ text: c.value, suggests: c.value });
    if (c.label) out.push({ text: c.label.en, suggests: c.value }, { text: c.label.zh, suggests: c.value });
    for (const a of c.aliases) out.push({ text: a, suggests: c.value });
  }
  return out;
}

/** How a value reads for people: `phone (电话)`. */
function shown(def: FieldDef, value: string, lang: 'en' | 'zh'): string {
  const label = def.choices?.find((c) => c.value === value)?.label;
  const l = label && (lang === 'zh' ? label.zh : label.en);
  return l && l.toLowerCase() !== value.toLowerCase() ? `${value} (${l})` : value;
}

export const invalidEnum = typeRule({
  code: 'invalid-enum',
  types: ['enum'],
  title: { en: 'Value not allowed', zh: '取值不在允许范围内' },
  check(value, def, ctx) {
    if (def.name === 'category') return undefined; // unknown-category says it with the categories' labels
    const values = def.values ?? [];
    if (values.includes(display(value))) return undefined;
    const best = typeof value === 'object' ? undefined : closest(display(value), choiceCandidates(def));
    const all = values.map((v) => shown(def, v, ctx.lang)).join(', ');
    return {
      message: best
        ? { en: '{f}: {v} is not allowed; did you mean {r}? (one of: {all})', zh: '{f}：{v} 不是允许的取值，是否应为 {r}？（可选：{all}）' }
        : { en: '{f}: {v} is not allowed; one of: {all}', zh: '{f}：{v} 不是允许的取值（可选：{all}）' },
      params: { r: best && shown(def, best, ctx.lang), all },
      fix: best === undefined ? undefined : { value: best },
    };
  },
});
