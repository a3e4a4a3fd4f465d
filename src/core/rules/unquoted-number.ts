/**
 * A long or zero-led number written without quotes (issue 12). The parser keeps such a value's exact text
 * (parse/exact-int.ts), but the file still says "number": other YAML tools, spreadsheets and scripts read
 * `id_number: 320102198511204566` as 320102198511204540 and `contract_no: 000123` as 123. Quoting makes the
 * file say what the record means. An identifier field written as a short number loses nothing yet, but is
 * a number to every tool and a string once quoted, so it is a warning.
 */
import { hasLeadingZero, isKeptInteger, keepsText } from '../parse/exact-int';
import type { Span } from '../model/parsed';
import type { Bilingual, FieldDef, FieldType } from '../model/schema';
import { labelOf, say, type RecordContext, type RecordRule } from './rule';

/** Field types whose values are text that may consist of digits: quoting is always right for them. */
const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['string', 'phone', 'id-number', 'credit-code']);
/** Field types that are numbers: for them, dropping the zeros is the fix, not quoting. */
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['number', 'money']);
/** A plain number as written (no tag, alias or quotes), for the warning on identifier fields. */
const PLAIN_NUMBER = /^[-+.0-9][-+.0-9a-zA-Z_]*$/;
/** Integer items of a flow or block list, at the start of a line, after `[`, `,` or `- `, up to `,`, `]`, a comment or the end. */
const LIST_ITEM = /(^|[[,]|-[ \t])[ \t]*([-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)(?=[ \t]*[,\]]|[ \t]+#|[ \t]*\r?$)/gm;

const QUOTE: Bilingual = {
  en: '{f}: {v} is written as a number, and {why}; write it as text in quotes: "{v}"',
  zh: '{f}：{v} 写成了数字，{why}；应加引号写成文本："{v}"',
};
const WHY_LONG: Bilingual = {
  en: 'a number cannot hold this many digits exactly (other tools read it rounded)',
  zh: '数字无法精确保存这么多位（其他工具读到的是舍入后的数）',
};
const WHY_ZEROS: Bilingual = {
  en: 'YAML reads it as {n}, dropping the leading zeros',
  zh: 'YAML 会读作 {n}，前导零丢失',
};
const STRIP_ZEROS: Bilingual = {
  en: '{f}: {v} has leading zeros, which YAML drops (it reads {n}); write {n}',
  zh: '{f}：{v} 带前导零，YAML 会忽略前导零（读作 {n}）；应写作 {n}',
};
const TOO_LONG_NUMBER: Bilingual = {
  en: '{f}: {v} has more digits than a number holds exactly (at most 9007199254740991); check the value',
  zh: '{f}：{v} 的位数超出数字能精确保存的范围（最大 9007199254740991）；请核对取值',
};
const TEXT_FIELD: Bilingual = {
  en: '{f}: {v} is a number to YAML, but this field is text; write it in quotes so every tool reads it as written: "{v}"',
  zh: '{f}：{v} 会被 YAML 读作数字，但该字段是文本；应加引号，使所有工具都按原样读取："{v}"',
};

/** The digits stay as they are; only quotes are added. */
const QUOTE_TITLE: Bilingual = { en: 'Quote as text: {v}', zh: '加引号写成文本：{v}' };

export const unquotedNumber: RecordRule = {
  code: 'unquoted-number',
  severity: 'error',
  title: { en: 'Long or zero-led number written unquoted', zh: '长数字或前导零数字未加引号' },
  check(ctx) {
    const data = ctx.data;
    if (!data) return;
    for (const [name, spans] of ctx.record.fields) {
      const value = data[name];
      const span = spans.value;
      const def = ctx.schema.fields.get(name);
      if (Array.isArray(value)) {
        checkList(ctx, name, def, value, span);
      } else if (typeof value === 'string') {
        // Most values are words, names and dates: only a digit or sign at the start is worth a look at the text.
        if (!mayBeInteger(value)) continue;
        const raw = ctx.text.slice(span.start, span.end);
        if (isKeptInteger(value, raw)) reportKept(ctx, name, def?.type, def, raw, span);
      } else if (typeof value === 'number' && def && TEXT_TYPES.has(def.type)) {
        const raw = ctx.text.slice(span.start, span.end);
        if (!PLAIN_NUMBER.test(raw)) continue;
        // Nothing is lost yet: a step below the rule's errors, never above what the rule is set to.
        const own = ctx.severity === 'error' ? 'warning' : undefined;
        ctx.report(
          span,
          say(ctx.lang, TEXT_FIELD, { f: labelOf(ctx.lang, def, name), v: raw }),
          { field: name, fix: { text: `"${raw}"`, title: QUOTE_TITLE } },
          own,
        );
      }
    }
  },
};

function mayBeInteger(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43;
}

/** A kept integer: quote it, or for a number field drop its zeros (or, too long to be a number, only say so). */
function reportKept(ctx: RecordContext, name: string, type: FieldType | undefined, def: FieldDef | undefined, raw: string, span: Span): void {
  const n = parseInt(raw, 10);
  const zeros = /^[-+]?[0-9]+$/.test(raw) && hasLeadingZero(raw) && Number.isSafeInteger(n);
  const params = { f: labelOf(ctx.lang, def, name), v: raw, n: String(n) };
  if (type !== undefined && NUMBER_TYPES.has(type) && zeros) {
    ctx.report(span, say(ctx.lang, STRIP_ZEROS, params), { field: name, fix: { text: String(n), title: { en: 'Write {v}', zh: '改写为 {v}' } } });
  } else if (type === 'number') {
    ctx.report(span, say(ctx.lang, TOO_LONG_NUMBER, params), { field: name });
  } else {
    // An amount may be text (`"12,000.50"`), so quoting is right for money as for every other field.
    const why = say(ctx.lang, zeros ? WHY_ZEROS : WHY_LONG, params);
    ctx.report(span, say(ctx.lang, QUOTE, { ...params, why }), { field: name, fix: { text: `"${raw}"`, title: QUOTE_TITLE } });
  }
}

/**
 * Kept integers among a list's items, found in the list's text. Each match must stand for an item the
 * parser kept (counted), so a digit run in a comment is not reported in place of a real item.
 */
function checkList(ctx: RecordContext, name: string, def: FieldDef | undefined, items: readonly unknown[], span: Span): void {
  const kept = new Map<string, number>();
  for (const v of items) if (typeof v === 'string' && mayBeInteger(v) && keepsText(v)) kept.set(v, (kept.get(v) ?? 0) + 1);
  if (kept.size === 0) return;
  const text = ctx.text.slice(span.start, span.end);
  for (const m of text.matchAll(LIST_ITEM)) {
    const token = m[2];
    const left = kept.get(token);
    if (!left) continue;
    kept.set(token, left - 1);
    const start = span.start + m.index + m[0].length - token.length;
    reportKept(ctx, name, def?.items, def, token, { start, end: start + token.length });
  }
}
