/**
 * A record's attachments (its scans) are part of it (DOMAIN.md §8): destroying the record destroys them.
 * They are named in fields of type `path` or lists of paths, relative to the record's folder (a leading `/`
 * means the workspace folder), as the missing-attachment rule reads them. A path that leads outside the
 * folder (`../x`, even one that comes back in) is refused, never resolved: the tool could not destroy it.
 */
import * as path from 'path';
import { pathSyntaxProblem, type PathProblem } from '../io/paths';
import { ownValue } from '../model/records';
import type { Schema } from '../model/schema';

export interface Attachment {
  /** The field that names it. */
  field: string;
  /** As written in the record. */
  value: string;
  /** Workspace-relative, `/`-separated; undefined when the value cannot be taken as a path inside the folder. */
  rel?: string;
  problem?: PathProblem;
}

/** Field names that hold attachment paths under this schema. */
export function attachmentFields(schema: Schema): string[] {
  return [...schema.fields.values()].filter((f) => f.type === 'path' || (f.type === 'list' && f.items === 'path')).map((f) => f.name);
}

/** Where an attachment value leads from a record at `recordPath`; URLs are not files and are left out. */
export function resolveAttachment(recordPath: string, value: string): Pick<Attachment, 'rel' | 'problem'> | undefined {
  const v = value.trim();
  if (v === '' || /^[a-z][a-z0-9+.-]*:/i.test(v)) return undefined;
  // Joined, not normalised: `a/../b` keeps its `..` and is refused like any path that climbs.
  const dir = path.posix.dirname(recordPath);
  const rel = v.startsWith('/') ? v.slice(1) : dir === '.' ? v : `${dir}/${v}`;
  const problem = pathSyntaxProblem(rel);
  return problem ? { problem } : { rel };
}

/** Every attachment a record's data names, in field order. */
export function attachmentsOf(data: Readonly<Record<string, unknown>> | undefined, recordPath: string, fields: readonly string[]): Attachment[] {
  const out: Attachment[] = [];
  for (const f of fields) {
    const v = ownValue(data, f);
    for (const item of Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]) {
      if (typeof item !== 'string') continue;
      const r = resolveAttachment(recordPath, item);
      if (r) out.push({ field: f, value: item, ...r });
    }
  }
  return out;
}
