/**
 * The safety net under every edit: the edited text is read back as the tool reads any record, and must hold
 * the same records with the same data, except the fields meant to change, which must hold what was meant.
 * Edits that fail this are refused, so a gap in the edit logic costs a refusal, never a damaged record.
 */
import type { ParsedFile } from '../model/parsed';

export interface Expected {
  /** Fields that must read back as exactly these values. */
  set: Map<string, unknown>;
  /** Fields a fix rewrites in ways not modelled here (a number masked inside a text): not compared. */
  loose: Set<string>;
  /** Fields that must be gone (a key removed, or renamed to another field's name). */
  remove?: ReadonlySet<string>;
}

export interface Failure {
  record: number;
  reason: string;
}

export interface VerifyInput {
  before: ParsedFile;
  after: ParsedFile;
  beforeText: string;
  afterText: string;
  expected: ReadonlyMap<number, Expected>;
  /** Markdown: the body must be byte-identical (field edits never touch it; fixes may mask numbers in it). */
  bodyUnchanged: boolean;
}

export function verifyEdits(v: VerifyInput): Failure | undefined {
  const { before, after } = v;
  const first = v.expected.keys().next().value ?? 0;
  if (after.records.length !== before.records.length || after.isRecordFile !== before.isRecordFile) {
    return { record: first, reason: `the file would read as ${after.records.length} records instead of ${before.records.length}` };
  }
  for (let i = 0; i < before.records.length; i++) {
    const b = before.records[i];
    const a = after.records[i];
    if (a.index !== b.index) return { record: b.index, reason: 'the documents of the file would be numbered differently' };
    const codes = (r: typeof a) =>
      r.problems
        .map((p) => p.code)
        .sort()
        .join(', ');
    if (codes(a) !== codes(b))
      return { record: b.index, reason: `its YAML would read differently (${a.problems.map((p) => p.message).join('; ') || 'problems would go away'})` };
    const exp = v.expected.get(b.index);
    if (!b.data || !a.data) {
      if (exp?.set.size || !a.data !== !b.data) return { record: b.index, reason: 'it is not a mapping of fields' };
      continue;
    }
    // Spread defines own properties, so a `__proto__` field is copied as a field.
    const removed = exp?.remove;
    // fromEntries, like spread, defines own properties: a `__proto__` field stays a field.
    const want: Record<string, unknown> = removed?.size ? Object.fromEntries(Object.entries(b.data).filter(([k]) => !removed.has(k))) : { ...b.data };
    for (const [k, value] of exp?.set ?? []) setKey(want, k, value);
    const got = a.data;
    const wrong = differingField(got, want, exp?.loose);
    if (wrong !== undefined) {
      return { record: b.index, reason: `field "${wrong}" would read ${show(got, wrong)} instead of ${show(want, wrong)}` };
    }
    if (v.bodyUnchanged && b.bodySpan && (!a.bodySpan || v.beforeText.slice(b.bodySpan.start) !== v.afterText.slice(a.bodySpan.start))) {
      return { record: b.index, reason: 'the Markdown body would change' };
    }
  }
  return undefined;
}

function show(o: Record<string, unknown>, k: string): string {
  if (!Object.prototype.hasOwnProperty.call(o, k)) return 'nothing';
  const s = JSON.stringify(o[k]);
  return s === undefined ? String(o[k]) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Plain assignment to `__proto__` would change the prototype instead of adding a field. */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** The first field whose value differs (or that only one side has); undefined when they are equal. */
function differingField(got: Record<string, unknown>, want: Record<string, unknown>, loose: ReadonlySet<string> | undefined): string | undefined {
  for (const k of Object.keys(want)) {
    if (loose?.has(k)) continue;
    if (!Object.hasOwn(got, k) || !deepEqual(got[k], want[k])) return k;
  }
  for (const k of Object.keys(got)) if (!loose?.has(k) && !Object.hasOwn(want, k)) return k;
  return undefined;
}

/** Structural equality of YAML data; aliases can make shared and cyclic structures, hence `seen`. */
function deepEqual(a: unknown, b: unknown, seen?: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  seen ??= new Map();
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k], seen));
}
