import type { Span } from '../model/parsed';
import type { PiPatternDef } from '../model/schema';
import { idNumberAt, isValidCreditCode, luhnRange } from '../values/checks';
import { findPersonalInfo, maskValue, type PiiKind } from '../values/pii';
import { findTextPersonalInfo, maskText, type TextPiiKind } from '../values/pii-text';
import { say, type RecordContext, type RecordRule } from './rule';

/** What a detector found, with its mask; `pattern` is the workspace's own kind (`personal_info:`) that found it. */
interface Hit {
  kind: PiiKind | TextPiiKind | 'pattern';
  start: number;
  end: number;
  masked: string;
  pattern?: PiPatternDef;
}

/** One scan of the record's text (front matter and body) serves every personal-information rule. */
function hits(ctx: RecordContext): Hit[] {
  let found = ctx.memo.personalInfo as Hit[] | undefined;
  if (!found) {
    found = [];
    const spans: Span[] = [ctx.record.span];
    if (ctx.record.bodySpan) spans.push(ctx.record.bodySpan);
    for (const s of spans) {
      const text = ctx.text.slice(s.start, s.end);
      for (const h of findPersonalInfo(text)) found.push({ kind: h.kind, start: h.start + s.start, end: h.end + s.start, masked: maskValue(h.kind, h.value) });
      for (const h of findTextPersonalInfo(text))
        found.push({ kind: h.kind, start: h.start + s.start, end: h.end + s.start, masked: maskText(h.kind, h.value) });
      for (const p of ctx.schema.piPatterns) for (const h of patternHits(text, p)) found.push({ ...h, start: h.start + s.start, end: h.end + s.start });
    }
    ctx.memo.personalInfo = found;
  }
  return found;
}

function patternHits(text: string, p: PiPatternDef): Hit[] {
  const out: Hit[] = [];
  const re = new RegExp(p.regex);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const value = m[0];
    if (!value) {
      re.lastIndex++;
      continue;
    }
    const ok =
      p.check === 'luhn'
        ? luhnRange(value.replace(/\D/g, ''), 0, value.replace(/\D/g, '').length)
        : p.check === 'id-number'
          ? idNumberAt(value, 0)
          : p.check === 'credit-code'
            ? isValidCreditCode(value)
            : true;
    if (!ok) continue;
    const [a, b] = p.keep;
    const masked = value.length <= a + b ? '*'.repeat(value.length) : value.slice(0, a) + '*'.repeat(value.length - a - b) + value.slice(value.length - b);
    out.push({ kind: 'pattern', start: m.index, end: m.index + value.length, masked, pattern: p });
  }
  return out;
}

/** The field whose value holds an offset, if any. */
function fieldAt(ctx: RecordContext, offset: number): string | undefined {
  for (const [name, s] of ctx.record.fields) if (offset >= s.value.start && offset < s.value.end) return name;
  return undefined;
}

export function piRule(o: {
  code: string;
  kind: Hit['kind'];
  what: { en: string; zh: string };
  allowedIn?: (ctx: RecordContext, field: string, hit: Hit) => boolean;
}): RecordRule {
  return {
    code: o.code,
    severity: 'warning',
    title: { en: `${o.what.en} in plain text`, zh: `明文${o.what.zh}` },
    readsText: true,
    check(ctx) {
      for (const h of hits(ctx)) {
        if (h.kind !== o.kind) continue;
        const field = fieldAt(ctx, h.start);
        if (field && o.allowedIn?.(ctx, field, h)) continue;
        const where = field ? say(ctx.lang, { en: ' in {f}', zh: '（字段 {f}）' }, { f: field }) : '';
        const what = h.pattern ? h.pattern.label : o.what;
        ctx.report(
          { start: h.start, end: h.end },
          say(
            ctx.lang,
            {
              en: `${what.en} in plain text{w}: a data-leak risk; mask it as {m}`,
              zh: `明文${what.zh}{w}：存在泄露风险，应打码为 {m}`,
            },
            { w: where, m: h.masked },
          ),
          { field, fix: { text: h.masked, title: { en: 'Mask as {v}', zh: '打码为 {v}' } } },
        );
      }
    },
  };
}
