import type { Lang } from '../model/lang';
import type { Severity, SeveritySetting } from '../model/schema';
import { StringTable } from './strings';
import { anchorOf, type FileEntry, type RecordEntry } from '../model/records';
import { type Finding } from '../model/findings';
import type { ArchiveKey } from '../model/records';

export interface IndexChange {
  /** Paths whose entries were added, replaced or removed; undefined = everything (a full rebuild). */
  paths?: readonly string[];
}

type Key = 'id' | 'archive_no';

/** A value, or several when they collide: most keys have one owner, and an array per key costs memory. */
type Many<T> = T | T[];
function manyAdd<K, T>(m: Map<K, Many<T>>, k: K, v: T): T[] {
  const cur = m.get(k);
  if (cur === undefined) {
    m.set(k, v);
    return [v];
  }
  const list = Array.isArray(cur) ? [...cur, v] : [cur, v];
  m.set(k, list);
  return list;
}
function manyRemove<K, T>(m: Map<K, Many<T>>, k: K, v: T): T[] {
  const cur = m.get(k);
  if (cur === undefined) return [];
  const rest = (Array.isArray(cur) ? cur : [cur]).filter((x) => x !== v);
  if (rest.length === 0) m.delete(k);
  else m.set(k, rest.length === 1 ? rest[0] : rest);
  return rest;
}
/** How many values a key has, without building a list. */
function manyCount<K, T>(m: Map<K, Many<T>>, k: K): number {
  const cur = m.get(k);
  return cur === undefined ? 0 : Array.isArray(cur) ? cur.length : 1;
}
function manyGet<K, T>(m: Map<K, Many<T>>, k: K): T[] {
  const cur = m.get(k);
  return cur === undefined ? [] : Array.isArray(cur) ? cur : [cur];
}

const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];

/**
 * Makes entries that arrive from worker threads (fresh copies of every string) cheap to keep: repeated
 * short strings shared (see StringTable), one shared empty findings list, each record's file the entry's
 * own path string.
 */
export class Interner {
  private readonly table = new StringTable();

  entry(e: FileEntry): void {
    // An empty list from another thread is a fresh array per file; one shared empty list does.
    if (e.findings.length === 0 && e.findings !== NO_FINDINGS) (e as { findings: Finding[] }).findings = NO_FINDINGS;
    for (const r of e.records) {
      (r as { file: string }).file = e.path;
      if (r.data) this.table.shareIn(r.data as Record<string, unknown>);
    }
  }
}

const DUPLICATE = { id: 'duplicate-id', archive_no: 'duplicate-archive-no' } as const;

/**
 * Every record file of a workspace folder, kept current by `set` and `delete`. Duplicate ids and archive
 * numbers are tracked incrementally, so one changed file costs the same at 100 records as at 100,000.
 */
export class RecordIndex {
  private files = new Map<string, FileEntry>();
  private owners: Record<Key, Map<string, Many<RecordEntry>>> = { id: new Map(), archive_no: new Map() };
  private interner = new Interner();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private recordTotal = 0;
  /** Item numbers per numbering scope, for gaps. */
  private groups = new Map<string, Map<number, Many<string>>>();
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
    this.interner = new Interner();
    this.recordTotal = 0;
    for (const e of files.values()) this.add(e);
    this.fire({});
  }

  /**
   * A fresh, empty index configured like this one, to fill (`addAll`) while a scan is still delivering
   * entries and then `adopt`: readers keep seeing the old contents until the swap.
   */
  staging(): RecordIndex {
    const next = new RecordIndex(this.lang);
    next.archiveKey = this.archiveKey;
    next.severities = this.severities;
    return next;
  }

  /**
   * Adds new entries without telling listeners: for a staging index (paths must not be in it yet).
   * `shared`: their strings are shared already (entries read from the cache), so interning is skipped.
   */
  addAll(entries: Iterable<FileEntry>, shared = false): void {
    for (const e of entries) this.add(e, undefined, shared);
  }

  /** Takes over the contents of a staging index, then tells listeners everything changed. */
  adopt(next: RecordIndex): void {
    this.files = next.files;
    this.owners = next.owners;
    this.groups = next.groups;
    this.interner = next.interner;
    this.recordTotal = next.recordTotal;
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

  private add(e: FileEntry, touched?: Set<string>, shared = false): void {
    this.files.set(e.path, e);
    this.recordTotal += e.records.length;
    if (!shared) this.interner.entry(e);
    for (const r of e.records) {
      this.track(r, e.path, +1, touched);
      for (const key of ['id', 'archive_no'] as const) {
        const v = keyValue(r, key);
        if (v === undefined) continue;
        const list = manyAdd(this.owners[key], v, r);
        if (list.length > 1) for (const o of list) touched?.add(o.file);
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
        for (const o of manyRemove(this.owners[key], v, r)) touched.add(o.file);
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
    if (delta > 0) manyAdd(group, k.n, path);
    else {
      manyRemove(group, k.n, path);
      if (!group.size) this.groups.delete(k.scope);
    }
    if (touched) {
      let next: number | undefined;
      for (const n of group.keys()) if (n > k.n && (next === undefined || n < next)) next = n;
      if (next !== undefined) for (const p of manyGet(group, next)) touched.add(p);
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
    const at = anchorOf(r, 'archive_no') ?? [{ line: r.line, col: 0 }, { line: r.line, col: 3 }];
    const message = this.lang === 'zh' ? `件号 ${missing} 缺失（在 ${v} 之前）` : `item number${prev + 1 === k.n - 1 ? '' : 's'} ${missing} missing before ${v}`;
    return { code: GAP_CODE, severity, message, start: at[0], end: at[1], record: r.index, data: { field: 'archive_no' } };
  }

  /** Errors and warnings of one record, duplicates included. */
  problemCounts(r: RecordEntry): { errors: number; warnings: number } {
    let errors = r.errors;
    let warnings = r.warnings;
    for (const key of ['id', 'archive_no'] as const) {
      const v = keyValue(r, key);
      if (v !== undefined && manyCount(this.owners[key], v) > 1) {
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
        const list = v === undefined ? undefined : manyGet(this.owners[key], v);
        const severity = this.severity(DUPLICATE[key], 'error');
        if (!list || list.length < 2 || severity === 'off') continue;
        const others = list.filter((o) => o !== r).map((o) => `${o.file}:${o.line + 1}`).sort();
        const at = anchorOf(r, key) ?? [{ line: r.line, col: 0 }, { line: r.line, col: 3 }];
        const message = this.lang === 'zh'
          ? `${key === 'id' ? '记录编号' : '档号'} ${v} 重复，另见 ${others.join('、')}`
          : `duplicate ${key === 'id' ? 'record id' : 'archive number'} ${v}, also in ${others.join(', ')}`;
        out.push({ code: DUPLICATE[key], severity, message, start: at[0], end: at[1], record: r.index, data: { field: key, others } });
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
