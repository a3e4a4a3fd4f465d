import type { Span } from '../model/parsed';
import { findPersonalInfo, maskValue, type PiiHit, type PiiKind } from '../values/pii';
import { say, type RecordContext, type RecordRule } from './rule';

/** One scan of the record's text (front matter and body) serves all three personal-information rules. */
function hits(ctx: RecordContext): PiiHit[] {
  let found = ctx.memo.personalInfo as PiiHit[] | undefined;
  if (!found) {
    found = [];
    const spans: Span[] = [ctx.record.span];
    if (ctx.record.bodySpan) spans.push(ctx.record.bodySpan);
    for (const s of spans) {
      for (const h of findPersonalInfo(ctx.text.slice(s.start, s.end))) found.push({ ...h, start: h.start + s.start, end: h.end + s.start });
    }
    ctx.memo.personalInfo = found;
  }
  return found;
}

/** The field whose value holds an offset, if any. */
function fieldAt(ctx: RecordContext, offset: number): string | undefined {
  for (const [name, s] of ctx.record.fields) if (offset >= s.value.start && offset < s.value.end) return name;
  return undefined;
}

export function piRule(o: {
  code: string;
  kind: PiiKind;
  what: { en: string; zh: string };
  allowedIn?: (ctx: RecordContext, field: string) => boolean;
}): RecordRule {
  return {
    code: o.code,
    severity: 'warning',
    title: { en: `${o.what.en} in plain text`, zh: `明文${o.what.zh}` },
    check(ctx) {
      for (const h of hits(ctx)) {
        if (h.kind !== o.kind) continue;
        const field = fieldAt(ctx, h.start);
        if (field && o.allowedIn?.(ctx, field)) continue;
        const masked = maskValue(h.kind, h.value);
        const where = field ? say(ctx.lang, { en: ' in {f}', zh: '（字段 {f}）' }, { f: field }) : '';
        ctx.report(
          { start: h.start, end: h.end },
          say(
            ctx.lang,
            {
              en: `${o.what.en} in plain text{w}: a data-leak risk; mask it as {m}`,
              zh: `明文${o.what.zh}{w}：存在泄露风险，应打码为 {m}`,
            },
            { w: where, m: masked },
          ),
          { field, fix: { text: masked, title: { en: 'Mask as {v}', zh: '打码为 {v}' } } },
        );
      }
    },
  };
}
