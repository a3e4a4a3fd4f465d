/**
 * A bulk edit checked with the rules `check` uses: the file is indexed as it would be, and a finding the
 * index did not have for it is new. A new finding on a field the edit gives a value (an invalid date,
 * an enum value not allowed, an amount that is not one) refuses the record with that finding's message, as
 * does an archive number the edit would contradict (a numbered record moved to another category). Other new
 * findings (a required field removed) are shown with the preview and do not refuse.
 */
import { indexText } from '../index/index-file';
import { indexOptions } from '../index/scan';
import type { Finding } from '../model/findings';
import type { Lang } from '../model/lang';
import type { Schema, SeveritySetting } from '../model/schema';

export interface Introduced {
  path: string;
  record: number;
  code: string;
  severity: Finding['severity'];
  message: string;
}

interface Folder {
  root: string;
  lang: Lang;
  schema: Schema;
  severities?: ReadonlyMap<string, SeveritySetting>;
}

const key = (f: Finding) => `${f.record ?? -1}\u0000${f.code}\u0000${f.data?.field ?? ''}`;

/** Whether a new finding means the value the edit writes is wrong, rather than something left to do. */
function refuses(f: Finding, touched: ReadonlySet<string> | undefined): boolean {
  if (f.code === 'archive-no-mismatch') return true;
  const field = f.data?.field;
  if (!touched || field === undefined || !touched.has(field)) return false;
  return f.severity === 'error' || f.code.startsWith('invalid-') || f.code === 'unknown-category' || f.code === 'unquoted-number';
}

export function newFindings(
  folder: Folder,
  path: string,
  /** The file's own findings as it is (the index's entry, made from this very text by the same rules). */
  before: readonly Finding[],
  afterText: string,
  touched: ReadonlyMap<number, ReadonlySet<string>>,
): { refusing: Map<number, Finding>; introduced: Introduced[] } {
  const opts = indexOptions({ root: folder.root, schema: folder.schema, lang: folder.lang, severities: folder.severities });
  const stat = { mtimeMs: -1, size: -1 };
  const seen = new Map<string, number>();
  for (const f of before) seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
  const refusing = new Map<number, Finding>();
  const introduced: Introduced[] = [];
  for (const f of indexText(path, afterText, stat, opts).findings) {
    const k = key(f);
    const n = seen.get(k) ?? 0;
    if (n > 0) {
      seen.set(k, n - 1);
      continue;
    }
    const record = f.record ?? 0;
    if (!touched.has(record)) continue;
    if (refuses(f, touched.get(record))) {
      if (!refusing.has(record)) refusing.set(record, f);
    } else introduced.push({ path, record, code: f.code, severity: f.severity, message: f.message });
  }
  return { refusing, introduced };
}
