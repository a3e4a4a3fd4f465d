import type { Span } from '../model/parsed';
import type { FieldDef, FieldType } from '../model/schema';
import { isSealed } from '../values/sealed';
import { fieldsFor, isBlank, type RecordContext } from './rule';

interface PresentField {
  def: FieldDef;
  value: unknown;
  span: Span;
}

/**
 * A record's present, declared, non-blank fields by type: worked out once, asked for by a dozen rules. A sealed
 * value is present but not among them: its format is checked only where its key opens it (check --keys).
 */
function presentFields(ctx: RecordContext): Map<FieldType, PresentField[]> {
  let byType = ctx.memo.presentFields as Map<FieldType, PresentField[]> | undefined;
  if (!byType) {
    byType = new Map();
    if (ctx.data) {
      for (const [name, spans] of ctx.record.fields) {
        const def = ctx.schema.fields.get(name);
        const value = ctx.data[name];
        if (!def || isBlank(value) || isSealed(value)) continue;
        const list = byType.get(def.type);
        if (list) list.push({ def, value, span: spans.value });
        else byType.set(def.type, [{ def, value, span: spans.value }]);
      }
    }
    ctx.memo.presentFields = byType;
  }
  return byType;
}

const NONE: readonly PresentField[] = [];

/** Each present, non-blank field of the given types that applies to the record, with its value span. */
export function fieldsOfType(ctx: RecordContext, types: readonly FieldType[]): readonly PresentField[] {
  const byType = presentFields(ctx);
  // One type is the common case: its list as it is, no copy (a dozen rules ask for every record).
  if (types.length === 1) return byType.get(types[0]) ?? NONE;
  const out: PresentField[] = [];
  for (const t of types) {
    const list = byType.get(t);
    if (list) out.push(...list);
  }
  return out;
}

/** A name a value may be near: the text compared, and what a match suggests. */
export interface Candidate {
  text: string;
  suggests: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The candidate nearest to `value`, if it is near enough to be a likely slip — a typo, a transposition, the
 * other case, a longer or shorter form — and nothing when nothing is: `传真` is not a slip for `im`. Chinese
 * words are short and each character carries meaning (`电邮` is not `电话`), so for them only an exact
 * match or one word inside the other counts.
 */
export function closest(value: string, candidates: readonly (string | Candidate)[], opts?: { wordsInside?: boolean }): string | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  let best: Candidate | undefined;
  let bestD = Infinity;
  for (const raw of candidates) {
    const c = typeof raw === 'string' ? { text: raw, suggests: raw } : raw;
    const t = c.text.toLowerCase();
    if (!t) continue;
    const d = t === v ? 0 : near(v, t, opts?.wordsInside !== false);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD !== Infinity ? best.suggests : undefined;
}

/**
 * How far `v` is from `t`, or Infinity when it is too far to be a slip. `wordsInside`: a Chinese word inside
 * the other counts (手机号码 is 手机, a value); for field names it does not (回访日期 is not 日期).
 */
function near(v: string, t: string, wordsInside: boolean): number {
  if (CJK.test(v) || CJK.test(t)) {
    const [short, long] = v.length <= t.length ? [v, t] : [t, v];
    return wordsInside && short.length >= 2 && long.includes(short) ? long.length - short.length : Infinity;
  }
  const d = distance(v, t);
  const [short, long] = v.length <= t.length ? [v, t] : [t, v];
  // A word cut short or run on (`mail` → `email`, `bank` → `bank-transfer`) still names it.
  if (short.length >= 3 && (long.startsWith(short) || long.endsWith(short))) return Math.min(d, long.length - short.length);
  return d <= Math.max(1, Math.floor(t.length / 3)) && d < short.length ? d : Infinity;
}

/** Edit distance counting a swap of two neighbours as one edit (categroy → category). */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

export function display(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export { fieldsFor };
