import { say, type RecordContext, type RecordRule } from './rule';
import { closest, type Candidate } from './util';

/**
 * A key the schema does not declare (nor as an alias), or a declared field limited by `categories:` to other
 * categories. A misspelt key leaves the real field unchecked and the record incomplete, so this is on by
 * default; a near miss of a field's name or alias (`custmer`, `categroy`) is named, with a rename fix.
 */
export const unknownField: RecordRule = {
  code: 'unknown-field',
  severity: 'warning',
  title: { en: 'Unknown field', zh: '未知字段' },
  check(ctx) {
    const perCategory = ctx.category?.unknownFields;
    if (perCategory === 'off') return;
    const near = slips(ctx);
    for (const [name, spans] of ctx.record.fields) {
      const def = ctx.schema.fields.get(name);
      if (def && (!def.categories || (ctx.category && def.categories.includes(ctx.category.key)))) continue;
      // Without a known category, which fields belong is unknown: missing-category or unknown-category says so.
      if (def && !ctx.category) continue;
      if (def) {
        ctx.report(
          spans.key,
          say(ctx.lang, { en: '{f} is not a field of category {c}', zh: '{f} 不是 {c} 类记录的字段' }, { f: name, c: ctx.category?.key ?? '?' }),
          { field: name },
          perCategory,
        );
        continue;
      }
      const s = near.get(name);
      const message = s
        ? say(ctx.lang, { en: 'unknown field {f}; did you mean {s}?', zh: '未知字段 {f}，是否应为 {s}？' }, { f: name, s })
        : say(ctx.lang, { en: 'unknown field {f}', zh: '未知字段 {f}' }, { f: name });
      ctx.report(
        spans.key,
        message,
        { field: name, fix: s ? { text: s, fields: [s], title: { en: 'Rename to {v}', zh: '重命名为 {v}' } } : undefined },
        perCategory,
      );
    }
  },
};

const NO_SLIPS: ReadonlyMap<string, string> = new Map();

/**
 * The record's undeclared keys that are near misses of a field it lacks (custmer → customer), worked out
 * once per record: missing-field then names the slip instead of offering a second, empty customer.
 */
export function slips(ctx: RecordContext): ReadonlyMap<string, string> {
  let found = ctx.memo.slips as ReadonlyMap<string, string> | undefined;
  if (!found) {
    let candidates: Candidate[] | undefined;
    let own: Map<string, string> | undefined;
    for (const name of ctx.record.fields.keys()) {
      if (ctx.schema.fields.has(name)) continue;
      candidates ??= fieldCandidates(ctx);
      const near = closest(name, candidates, { wordsInside: false });
      if (near !== undefined) (own ??= new Map()).set(name, near);
    }
    // Most records have no undeclared key: one shared empty map, no allocation per record.
    found = own ?? NO_SLIPS;
    ctx.memo.slips = found;
  }
  return found;
}

/** Fields the record could mean and does not have yet, by their names and aliases. */
function fieldCandidates(ctx: RecordContext): Candidate[] {
  const out: Candidate[] = [];
  for (const f of ctx.schema.fields.values()) {
    if (ctx.record.fields.has(f.name)) continue;
    if (f.categories && ctx.category && !f.categories.includes(ctx.category.key)) continue;
    out.push({ text: f.name, suggests: f.name });
    for (const a of f.aliases) out.push({ text: a, suggests: f.name });
  }
  return out;
}
