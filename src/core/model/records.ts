import type { Finding, Pos } from './findings';

/** One record: a Markdown front matter or one YAML document. Strings are copied out of the file's text. */
export interface RecordEntry {
  /** Workspace-relative path, `/`-separated. */
  readonly file: string;
  readonly index: number;
  /** 0-based lines of the record's first line (the fence) and last line. */
  readonly line: number;
  readonly endLine: number;
  /** Front-matter values; undefined when the YAML could not be read. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /**
   * Where the values of `id` and `archive_no` are (duplicates across files are reported there), packed
   * as [idLine, idCol, idEndCol, noLine, noCol, noEndCol], -1 when absent: a record's heap cost counts at
   * 100,000 records.
   */
  readonly anchors?: readonly number[];
  errors: number;
  warnings: number;
}

export interface FileEntry {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
  /** false for a Markdown file without front matter: kept so a warm start need not read it again. */
  readonly isRecordFile: boolean;
  readonly records: RecordEntry[];
  /** Findings of this file alone (cross-file ones, like duplicate ids, are the index's). */
  readonly findings: Finding[];
  /**
   * Set when the entry is not a file that was read but something the walk saw and did not read: a folder it
   * could not list, a symbolic link (never followed), a FIFO/socket/device named like a record. The path is
   * that folder's or link's. Made afresh by every walk and never cached.
   */
  readonly skipped?: 'folder' | 'link' | 'special';
  /**
   * Why this file's content was never read (too-large, unreadable, unreadable-folder, not-a-file…), or could
   * not be searched for archive numbers: it may hide one, so numbering refuses while the entry is there —
   * whatever the severity of its finding, which may be `off`.
   */
  readonly unread?: string;
  /**
   * `archive_no` values found by a plain text scan of a file that was read but not (wholly) parsed — broken
   * YAML, a duplicate key, not UTF-8 — so numbering counts them as used. Absent for files parsed cleanly.
   */
  readonly rawArchiveNos?: readonly string[];
}

/**
 * A value from a file as text: scalars as written, nothing for null, a date as ISO, anything else (a
 * mapping, a list) as JSON — never "[object Object]".
 */
export function scalarText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return JSON.stringify(v) ?? '';
}

/** A string field of a record, or undefined when absent or not a scalar. */
export function field(record: RecordEntry, name: string): string | undefined {
  const v = ownValue(record.data, name);
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  return scalarText(v);
}

/** The start and end of a record's `id` or `archive_no` value, if it has one. */
export function anchorOf(r: RecordEntry, key: 'id' | 'archive_no'): [Pos, Pos] | undefined {
  const a = r.anchors;
  const i = key === 'id' ? 0 : 3;
  if (!a || a[i] < 0) return undefined;
  return [
    { line: a[i], col: a[i + 1] },
    { line: a[i], col: a[i + 2] },
  ];
}

/**
 * A field's value when the record has it as its own: `data.__proto__` or `data.constructor` of a record that
 * lacks such a field would otherwise be Object's own machinery (a `{}` in a CSV cell, a function's text).
 * Field names come from files, schemas and filters people type, so every lookup by such a name uses this.
 */
export function ownValue(data: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  return data !== undefined && Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
}

export function recordKind(relPath: string): 'markdown' | 'yaml' | undefined {
  const dot = relPath.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = relPath.slice(dot + 1).toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

/** Where an archive number sits in its numbering: the scope it counts within and its item number. */
export type ArchiveKey = (archiveNo: string) => { scope: string; n: number; width: number } | undefined;
