import type { Finding } from '../model/findings';
import type { Lang } from '../model/lang';
import type { ArchiveKey, FileEntry, RecordEntry } from '../model/records';
import type { SeveritySetting } from '../model/schema';
import { severityOf } from '../rules/catalogue';
import { workspaceRules } from '../rules/workspace';
import type { IndexView, WorkspaceRule } from '../rules/workspace/rule';
import { StringTable } from './strings';

export interface IndexChange {
  /** Paths whose entries were added, replaced or removed; undefined = everything (a full rebuild). */
  paths?: readonly string[];
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
    const records = e.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (r.data) this.table.shareIn(r.data);
      // Made afresh as a literal: a record as posted has its fields half outside the object (V8 gives a posted
      // object room for four), 32 bytes more for each of 100,000 records.
      records[i] = { file: e.path, index: r.index, line: r.line, endLine: r.endLine, data: r.data, anchors: r.anchors, errors: r.errors, warnings: r.warnings };
    }
  }
}

/**
 * Every record file of a workspace folder, kept current by `set` and `delete`. Duplicate ids and archive
 * numbers are tracked incrementally, so one changed file costs the same at 100 records as at 100,000.
 */
export class RecordIndex implements IndexView {
  private files = new Map<string, FileEntry>();
  private interner = new Interner();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private recordTotal = 0;
  /** Each workspace rule with its state (rules/workspace): duplicates, numbering gaps. */
  private rules = freshRules();
  archiveKey: ArchiveKey | undefined;

  /** Severity of the workspace rules' findings; `off` drops them. */
  private severities = new Map<string, SeveritySetting>();

  constructor(public lang: Lang = 'en') {}

  severity(code: string): SeveritySetting {
    return severityOf(code, this.severities);
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
    this.rules = freshRules();
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
    this.rules = next.rules;
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
    for (const r of e.records) for (const { rule, state } of this.rules) rule.track(state, r, e.path, 1, this, touched);
  }

  private remove(path: string, touched: Set<string>): boolean {
    const e = this.files.get(path);
    if (!e) return false;
    this.files.delete(path);
    this.recordTotal -= e.records.length;
    for (const r of e.records) for (const { rule, state } of this.rules) rule.track(state, r, path, -1, this, touched);
    return true;
  }

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** The entries by path, as the index holds them (not a copy). */
  fileMap(): ReadonlyMap<string, FileEntry> {
    return this.files;
  }

  entries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  *records(): IterableIterator<RecordEntry> {
    for (const e of this.files.values()) yield* e.records;
  }

  /** All findings of a file: its own and the workspace rules' (duplicates, gaps). */
  findings(path: string): Finding[] {
    const e = this.files.get(path);
    if (!e) return [];
    const extra: Finding[] = [];
    for (const r of e.records) for (const { rule, state } of this.rules) rule.findings(state, r, this, extra);
    return extra.length ? [...e.findings, ...extra] : e.findings;
  }

  /** Errors and warnings of one record, the workspace rules' included. */
  problemCounts(r: RecordEntry): { errors: number; warnings: number } {
    let errors = r.errors;
    let warnings = r.warnings;
    for (const { rule, state } of this.rules) {
      if (!rule.applies(state, r, this)) continue;
      const sev = this.severity(rule.code);
      if (sev === 'error') errors++;
      else if (sev === 'warning') warnings++;
    }
    return { errors, warnings };
  }
}

function freshRules(): { rule: WorkspaceRule; state: unknown }[] {
  return workspaceRules.map((rule) => ({ rule, state: rule.create() }));
}
