import { isBlank, say, type RecordRule } from './rule';
import { closest, display, type Candidate } from './util';

export const unknownCategory: RecordRule = {
  code: 'unknown-category',
  severity: 'error',
  title: { en: 'Unknown category', zh: '未知分类' },
  check(ctx) {
    const v = ctx.data?.category;
    if (isBlank(v) || ctx.category) return;
    const keys = [...ctx.schema.categories.keys()];
    // A near miss of a category's key, label, code or alias (合同信息, HT, 合約) suggests that category.
    const candidates: Candidate[] = [];
    for (const c of ctx.schema.categories.values()) {
      for (const text of [c.key, c.label.zh, c.label.en, c.code, ...c.aliases]) candidates.push({ text, suggests: c.key });
    }
    const suggestion = typeof v === 'object' ? undefined : closest(display(v), candidates);
    const span = ctx.record.fields.get('category')!.value;
    const shown = keys.map((k) => (ctx.lang === 'zh' ? `${k} (${ctx.schema.categories.get(k)!.label.zh})` : k)).join(', ');
    const message = suggestion
      ? say(
          ctx.lang,
          { en: 'unknown category {v}; did you mean {s}? (one of: {k})', zh: '未知分类 {v}，是否应为 {s}？（可选：{k}）' },
          { v: display(v), s: suggestion, k: shown },
        )
      : say(ctx.lang, { en: 'unknown category {v}; one of: {k}', zh: '未知分类 {v}，应为以下之一：{k}' }, { v: display(v), k: shown });
    ctx.report(span, message, { field: 'category', fix: suggestion === undefined ? undefined : { value: suggestion } });
  },
};
