/**
 * Applying the fixes findings carry: one or many in a file (the editor's quick fix and "Fix All", the
 * command line's `check --fix` — the same edits either way). Fixes are taken in order; one that overlaps a
 * fix already taken, or whose result would not read back as the same records with only its own fields
 * changed, is left out and said so. Nothing is damaged by a fix that went stale or was wrong.
 */
import type { Fix } from '../model/findings';
import { recordKind } from '../model/records';
import { parseRecordText } from '../parse/record-file';
import { applyEdits, type TextEdit } from './text-edit';
import { verifyEdits, type Expected } from './verify';

export interface FixToApply {
  /** The finding's record (document number), whose fields the fix may change. */
  record?: number;
  fix: Fix;
}

export interface CombinedFixes {
  /** The edits of every fix taken, in offsets of the text given. */
  edits: TextEdit[];
  /** The text with them applied. */
  text: string;
  applied: Fix[];
  refused: { fix: Fix; reason: string }[];
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return b.some((e) =>
    a.some(
      (x) =>
        (e.start < x.end && x.start < e.end) ||
        (e.start === e.end && e.start > x.start && e.start < x.end) ||
        (x.start === x.end && x.start > e.start && x.start < e.end),
    ),
  );
}

export function combineFixes(path: string, text: string, fixes: readonly FixToApply[]): CombinedFixes {
  const kind = recordKind(path) ?? 'markdown';
  const before = parseRecordText(text, kind);
  let edits: TextEdit[] = [];
  let after = text;
  const loose = new Map<number, Set<string>>();
  const applied: Fix[] = [];
  const refused: { fix: Fix; reason: string }[] = [];
  for (const { record, fix } of fixes) {
    if (fix.edits.some((e) => e.path !== undefined && e.path !== path)) {
      refused.push({ fix, reason: 'it edits another file' });
      continue;
    }
    const own = fix.edits.map(({ start, end, newText }) => ({ start, end, newText }));
    if (own.some((e) => e.start < 0 || e.end > text.length || e.start > e.end) || overlaps(edits, own)) {
      refused.push({ fix, reason: 'it overlaps another fix, or the text changed since the check' });
      continue;
    }
    const candidate = [...edits, ...own];
    const candidateText = applyEdits(text, candidate);
    const fields = new Map([...loose].map(([k, v]) => [k, new Set(v)]));
    const set = fields.get(record ?? 0) ?? new Set<string>();
    for (const f of fix.fields ?? []) set.add(f);
    fields.set(record ?? 0, set);
    const reason = fix.makesRecord
      ? parseRecordText(candidateText, kind).isRecordFile
        ? undefined
        : 'the file would still not be a record'
      : readBack(before, text, candidateText, kind, fields, candidate);
    if (reason) {
      refused.push({ fix, reason });
      continue;
    }
    edits = candidate;
    after = candidateText;
    loose.clear();
    for (const [k, v] of fields) loose.set(k, v);
    applied.push(fix);
  }
  return { edits: [...edits].sort((a, b) => a.start - b.start), text: after, applied, refused };
}

/** Why the fixed text would not be the same records with only the fixes' fields changed; undefined when it is. */
function readBack(
  before: ReturnType<typeof parseRecordText>,
  beforeText: string,
  afterText: string,
  kind: 'markdown' | 'yaml',
  fields: ReadonlyMap<number, Set<string>>,
  edits: readonly TextEdit[],
): string | undefined {
  const after = parseRecordText(afterText, kind);
  if (!before.isRecordFile) return 'the file is not a record';
  const expected = new Map<number, Expected>([...fields].map(([k, v]) => [k, { set: new Map(), loose: v }]));
  // A fix may mask a number in the Markdown body; the body must stay as it is otherwise.
  const inBody = before.records.some((r) => r.bodySpan && edits.some((e) => e.start >= r.bodySpan!.start));
  const failure = verifyEdits({ before, after, beforeText, afterText, expected, bodyUnchanged: !inBody });
  return failure?.reason;
}

/** The fixes a file's findings carry, in the order of the findings. */
export function fixesOf(findings: readonly { record?: number; fix?: Fix }[]): FixToApply[] {
  return findings.flatMap((f) => (f.fix ? [{ record: f.record, fix: f.fix }] : []));
}
