import type { Bilingual, FieldDef, FieldType, Severity } from '../model/schema';
import { labelOf, say, type FixSpec, type RecordContext, type RecordRule } from './rule';
import { display, fieldsOfType } from './util';

export interface Verdict {
  message: Bilingual;
  params?: Record<string, unknown>;
  /** How to correct it, offered as a quick fix. */
  fix?: FixSpec;
}

/** A rule that checks every present field of some types: the shape every type-and-format rule shares. */
export function typeRule(o: {
  code: string;
  types: readonly FieldType[];
  title: Bilingual;
  severity?: Severity;
  /** `source` is the value as written (quotes removed); `raw` is the value's text in the file, quotes and all. */
  check(value: unknown, def: FieldDef, ctx: RecordContext, source: string, raw: string): Verdict | undefined;
}): RecordRule {
  return {
    code: o.code,
    severity: o.severity ?? 'error',
    title: o.title,
    check(ctx) {
      for (const { def, value, span } of fieldsOfType(ctx, o.types)) {
        const raw = ctx.text.slice(span.start, span.end);
        const source = unquote(raw);
        const v = o.check(value, def, ctx, source, raw);
        if (!v) continue;
        const params = { f: labelOf(ctx.lang, def, def.name), v: typeof value === 'number' ? source : display(value), ...v.params };
        ctx.report(span, say(ctx.lang, v.message, params), { field: def.name, fix: v.fix });
      }
    },
  };
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}
