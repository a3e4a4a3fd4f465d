import type { Span } from '../model/parsed';
import type { FieldDef, FieldType } from '../model/schema';
import { fieldsFor, isBlank, type RecordContext } from './rule';

interface PresentField {
  def: FieldDef;
  value: unknown;
  span: Span;
}

/** A record's present, declared, non-blank fields by type: worked out once, asked for by a dozen rules. */
function presentFields(ctx: RecordContext): Map<FieldType, PresentField[]> {
  let byType = ctx.memo.presentFields as Map<FieldType, PresentField[]> | undefined;
  if (!byType) {
    byType = new Map();
    if (ctx.data) {
      for (const [name, spans] of ctx.record.fields) {
        const def = ctx.schema.fields.get(name);
        const value = ctx.data[name];
        if (!def || isBlank(value)) continue;
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

/** The candidate nearest to `value` (case-insensitive edit distance), if it is near enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === v ? 0 : distance(v, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestD <= Math.max(2, Math.floor(best.length / 3)) || best.toLowerCase().startsWith(v) || v.startsWith(best.toLowerCase()) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function display(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export { fieldsFor };
