import type { Lang } from '../i18n';
import type { Severity, SeveritySetting } from '../schema/types';
import type { FileEntry, Finding, Pos, RecordEntry } from './types';

export interface IndexChange {
  /** Paths whose entries were added, replaced or removed; undefined = everything (a full rebuild). */
  paths?: readonly string[];
}

type Key = 'id' | 'archive_no';
interface Owner {
  file: string;
  record: RecordEntry;
}

const DUPLICATE = { id: 'duplicate-id', archive_no: 'duplicate-archive-no' } as const;

/** Where an archive number sits in its numbering: the scope it counts within and its item number. */
export type ArchiveKey = (archiveNo: string) => { scope: string; n: number; width: number } | undefined;

/**
 * Every record file of a workspace folder, kept current by `set` and `delete`. Duplicate ids and archive
 * numbers are tracked incrementally, so one changed file costs the same at 100 records as at 100,000.
 */
export class RecordIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly owners: Record<Key, Map<string, Owner[]>> = { id: new Map(), archive_no: new Map() };
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private recordTotal = 0;
  /** Item numbers per numbering scope, for gaps. */
  private readonly groups = new Map<string, Map<number, string[]>>();
  private archiveKey: ArchiveKey | undefined;

  /** Severity of the index's own findings (duplicates, gaps); `off` drops them. */
  private severities = new Map<string, SeveritySetting>();

  constructor(public lang: Lang = 'en') {}

  private severity(code: string, fallback: Severity): SeveritySetting {
    return this.severities.get(code) ?? fallback;
  }

  onDidChange(listener: (change: IndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(change: IndexChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  get size(): number {
    return this.recordTotal;
  }

  /** How to read archive numbers (from the schema); set before `replaceAll`. */
  setArchiveKey(key: ArchiveKey | undefined): void {
    this.archiveKey = key;
  }

  /** Rule severities (schema `rules:`, then settings) for the index's own findings. */
  setSeverities(severities: ReadonlyMap<string, SeveritySetting>): void {
    this.severities = new Map(severities);
  }

  /** Replaces everything (after a full scan). */
  replaceAll(files: ReadonlyMap<string, FileEntry>): void {
    this.files.clear();
    this.groups.clear();
    this.owners.id.clear();
    this.owners.archive_no.clear();
    this.recordTotal = 0;
    for (const e of files.values()) this.add(e);
    this.fire({});
  }

  /** Adds or replaces entries; returns the paths whose findings may have changed (incl. duplicate partners). */
  set(entries: readonly FileEntry[]): string[] {
    const touched = new Set<string>();
    for (const e of entries) {
      this.remove(e.path, touched);
      this.add(e, touched);
      touched.add(e.path);
    }
    const paths = [...touched];
    this.fire({ paths });
    return paths;
  }

  delete(paths: readonly string[]): string[] {
    const touched = new Set<string>();
    for (const p of paths) {
      if (this.remove(p, touched)) touched.add(p);
    }
    const out = [...touched];
    if (out.length) this.fire({ paths: out });
    return out;
  }

  private add(e: FileEntry, touched?: Set<string>): void {
    this.files.set(e.path, e);
    this.recordTotal += e.records.length;
    for (const r of e.records) {
      this.track(r, e.path, +1, touched);
      for (const key of ['id', 'archive_no'] as const) {
        const v = keyValue(r, key);
        if (v === undefined) continue;
        const list = this.owners[key].get(v);
        if (!list) this.owners[key].set(v, [{ file: e.path, record: r }]);
        else {
          list.push({ file: e.path, record: r });
          for (const o of list) touched?.add(o.file);
        }
      }
    }
  }

  private remove(path: string, touched: Set<string>): boolean {
    const e = this.files.get(path);
    if (!e) return false;
    this.files.delete(path);
    this.recordTotal -= e.records.length;
    for (const r of e.records) {
      this.track(r, path, -1, touched);
      for (const key of ['id', 'archive_no'] as const) {
        const v = keyValue(r, key);
        if (v === undefined) continue;
        const list = this.owners[key].get(v);
        if (!list) continue;
        const rest = list.filter((o) => o.record !== r);
        if (rest.length) {
          this.owners[key].set(v, rest);
          for (const o of rest) touched.add(o.file);
        } else this.owners[key].delete(v);
      }
    }
    return true;
  }

  /** Keeps the numbering groups current; the record after a changed number may gain or lose a gap. */
  private track(r: RecordEntry, path: string, delta: 1 | -1, touched?: Set<string>): void {
    const v = this.archiveKey && keyValue(r, 'archive_no');
    const k = v ? this.archiveKey!(v) : undefined;
    if (!k) return;
    let group = this.groups.get(k.scope);
    if (!group) this.groups.set(k.scope, (group = new Map()));
    const owners = group.get(k.n) ?? [];
    if (delta > 0) group.set(k.n, [...owners, path]);
    else {
      const i = owners.indexOf(path);
      const rest = i < 0 ? owners : [...owners.slice(0, i), ...owners.slice(i + 1)];
      if (rest.length) group.set(k.n, rest);
      else group.delete(k.n);
      if (!group.size) this.groups.delete(k.scope);
    }
    if (touched) {
      let next: number | undefined;
      for (const n of group.keys()) if (n > k.n && (next === undefined || n < next)) next = n;
      if (next !== undefined) for (const p of group.get(next) ?? []) touched.add(p);
    }
  }

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  entries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  *records(): IterableIterator<RecordEntry> {
    for (const e of this.files.values()) yield* e.records;
  }

  /** All findings of a file: its own and the cross-file ones (duplicates). */
  findings(path: string): Finding[] {
    const e = this.files.get(path);
    if (!e) return [];
    const dup = this.duplicateFindings(e);
    return dup.length ? [...e.findings, ...dup] : e.findings;
  }

  /** Information: item numbers missing just before this record's within its numbering scope. */
  private gapFinding(r: RecordEntry): Finding | undefined {
    const v = this.archiveKey && keyValue(r, 'archive_no');
    const k = v ? this.archiveKey!(v) : undefined;
    const severity = this.severity(GAP_CODE, 'info');
    if (!k || k.n <= 1 || severity === 'off') return undefined;
    const group = this.groups.get(k.scope);
    if (!group || group.has(k.n - 1)) return undefined;
    let prev = 0;
    for (const n of group.keys()) if (n < k.n && n > prev) prev = n;
    const missing = range(prev + 1, k.n - 1, k.width);
    const at = r.anchors?.archive_no ?? ([{ line: r.line, col: 0 }, { line: r.line, col: 3 }] as const);
    const message = this.lang === 'zh' ? `件号 ${missing} 缺失（在 ${v} 之前）` : `item number${prev + 1 === k.n - 1 ? '' : 's'} ${missing} missing before ${v}`;
    return { code: GAP_CODE, severity, message, start: at[0] as Pos, end: at[1] as Pos, record: r.index, data: { field: 'archive_no' } };
  }

  /** Errors and warnings of one record, duplicates included. */
  problemCounts(r: RecordEntry): { errors: number; warnings: number } {
    let errors = r.errors;
    let warnings = r.warnings;
    for (const key of ['id', 'archive_no'] as const) {
      const v = keyValue(r, key);
      if (v !== undefined && (this.owners[key].get(v)?.length ?? 0) > 1) {
        const sev = this.severity(DUPLICATE[key], 'error');
        if (sev === 'error') errors++;
        else if (sev === 'warning') warnings++;
      }
    }
    return { errors, warnings };
  }

  private duplicateFindings(e: FileEntry): Finding[] {
    const out: Finding[] = [];
    for (const r of e.records) {
      const gap = this.gapFinding(r);
      if (gap) out.push(gap);
      for (const key of ['id', 'archive_no'] as const) {
        const v = keyValue(r, key);
        const list = v === undefined ? undefined : this.owners[key].get(v);
        const severity = this.severity(DUPLICATE[key], 'error');
        if (!list || list.length < 2 || severity === 'off') continue;
        const others = list.filter((o) => o.record !== r).map((o) => `${o.file}:${o.record.line + 1}`);
        const at = r.anchors?.[key] ?? ([{ line: r.line, col: 0 }, { line: r.line, col: 3 }] as const);
        const message = this.lang === 'zh'
          ? `${key === 'id' ? '记录编号' : '档号'} ${v} 重复，另见 ${others.join('、')}`
          : `duplicate ${key === 'id' ? 'record id' : 'archive number'} ${v}, also in ${others.join(', ')}`;
        out.push({ code: DUPLICATE[key], severity, message, start: at[0] as Pos, end: at[1] as Pos, record: r.index, data: { field: key, others } });
      }
    }
    return out;
  }
}

export const GAP_CODE = 'archive-no-gap';

function range(a: number, b: number, width: number): string {
  const f = (n: number) => String(n).padStart(width, '0');
  return a === b ? f(a) : `${f(a)}–${f(b)}`;
}

function keyValue(r: RecordEntry, key: Key): string | undefined {
  const v = r.data?.[key];
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}
