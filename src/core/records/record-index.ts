import type { Lang } from '../i18n';
import type { Severity } from '../schema/types';
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

/**
 * Every record file of a workspace folder, kept current by `set` and `delete`. Duplicate ids and archive
 * numbers are tracked incrementally, so one changed file costs the same at 100 records as at 100,000.
 */
export class RecordIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly owners: Record<Key, Map<string, Owner[]>> = { id: new Map(), archive_no: new Map() };
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private recordTotal = 0;

  constructor(public lang: Lang = 'en', private readonly duplicateSeverity: Severity = 'error') {}

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

  /** Replaces everything (after a full scan). */
  replaceAll(files: ReadonlyMap<string, FileEntry>): void {
    this.files.clear();
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

  /** Errors and warnings of one record, duplicates included. */
  problemCounts(r: RecordEntry): { errors: number; warnings: number } {
    let errors = r.errors;
    let warnings = r.warnings;
    for (const key of ['id', 'archive_no'] as const) {
      const v = keyValue(r, key);
      if (v !== undefined && (this.owners[key].get(v)?.length ?? 0) > 1) {
        if (this.duplicateSeverity === 'error') errors++;
        else if (this.duplicateSeverity === 'warning') warnings++;
      }
    }
    return { errors, warnings };
  }

  private duplicateFindings(e: FileEntry): Finding[] {
    const out: Finding[] = [];
    for (const r of e.records) {
      for (const key of ['id', 'archive_no'] as const) {
        const v = keyValue(r, key);
        const list = v === undefined ? undefined : this.owners[key].get(v);
        if (!list || list.length < 2) continue;
        const others = list.filter((o) => o.record !== r).map((o) => `${o.file}:${o.record.line + 1}`);
        const at = r.anchors?.[key] ?? ([{ line: r.line, col: 0 }, { line: r.line, col: 3 }] as const);
        const message = this.lang === 'zh'
          ? `${key === 'id' ? '记录编号' : '档号'} ${v} 重复，另见 ${others.join('、')}`
          : `duplicate ${key === 'id' ? 'record id' : 'archive number'} ${v}, also in ${others.join(', ')}`;
        out.push({ code: DUPLICATE[key], severity: this.duplicateSeverity, message, start: at[0] as Pos, end: at[1] as Pos, record: r.index, data: { field: key, others } });
      }
    }
    return out;
  }
}

function keyValue(r: RecordEntry, key: Key): string | undefined {
  const v = r.data?.[key];
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}
