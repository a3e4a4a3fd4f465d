/**
 * Field values to set, turned into whole-file changes for the one write path (io/changes.ts): each file is
 * read without following links, must still be the file that was indexed, is edited, and the result is parsed
 * again — it must hold exactly the old data with the new values, or the change is refused before anything is
 * written.
 */
import { isDeepStrictEqual } from 'util';
import type { FileChange } from '../io/changes';
import { FileRefusal } from '../io/paths';
import { readFileWithStat } from '../io/safe-fs';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import { recordKind } from '../model/records';
import type { FileEntry } from '../model/records';
import { applyEdits, setFieldEdits, type FieldValue } from './fixes';

/** An edit whose result would not read back as intended: refused rather than written. */
export class EditRefusal extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: the edit would not keep the record intact (${detail}); nothing was written`);
    this.name = 'EditRefusal';
  }
}

export type Prepared = { ok: true; changes: FileChange[] } | { ok: false; refusal: FileRefusal | EditRefusal | Error };

/**
 * `indexed` is what the caller's plan was made from: a file whose size or time differs has changed since,
 * and is refused ('changed').
 */
export function prepareFieldChanges(
  root: string,
  indexed: ReadonlyMap<string, Pick<FileEntry, 'mtimeMs' | 'size'>>,
  values: ReadonlyMap<string, readonly FieldValue[]>,
): Prepared {
  const changes: FileChange[] = [];
  try {
    for (const [rel, list] of values) {
      const { bytes: before, stat } = readFileWithStat(root, rel);
      const entry = indexed.get(rel);
      if (!entry || entry.size !== before.length || entry.mtimeMs !== stat.mtimeMs) throw new FileRefusal('changed', rel);
      const decoded = decodeRecordBytes(before);
      if (!decoded.ok) throw new EditRefusal(rel, decoded.problem.message);
      const text = applyEdits(decoded.text, setFieldEdits(rel, decoded.text, list));
      verifyFieldValues(rel, decoded.text, text, list);
      changes.push({ path: rel, before, after: Buffer.from((decoded.bom ? '\uFEFF' : '') + text, 'utf8') });
    }
  } catch (err) {
    return { ok: false, refusal: err instanceof Error ? err : new Error(String(err)) };
  }
  return { ok: true, changes };
}

/** Throws EditRefusal unless `after` reads as `before` with exactly `values` set (every record, every field). */
export function verifyFieldValues(rel: string, before: string, after: string, values: readonly FieldValue[]): void {
  const kind = recordKind(rel) ?? 'markdown';
  const old = parseRecordText(before, kind).records;
  const now = parseRecordText(after, kind).records;
  if (old.length !== now.length) throw new EditRefusal(rel, `${old.length} records before, ${now.length} after`);
  for (let i = 0; i < old.length; i++) {
    const expected: Record<string, unknown> | undefined = old[i].data && { ...old[i].data };
    for (const v of values) if (v.record === old[i].index && expected) expected[v.field] = v.value;
    if (now[i].problems.length > old[i].problems.length) throw new EditRefusal(rel, now[i].problems[0]?.message ?? 'new problems');
    if (!isDeepStrictEqual(now[i].data, expected)) throw new EditRefusal(rel, `record ${old[i].index} would not read back as intended`);
    if (old[i].bodySpan && before.slice(old[i].bodySpan!.start) !== after.slice(now[i].bodySpan?.start ?? after.length)) {
      throw new EditRefusal(rel, 'the text after the front matter would change');
    }
  }
}
