/**
 * Rules over the whole index: what no single record can know (two records sharing an id, a gap in the item
 * numbers of a class). Each keeps its own state, updated record by record as the index changes, so one
 * changed file costs the same at 100 records as at 100,000.
 */
import type { Finding } from '../../model/findings';
import type { Lang } from '../../model/lang';
import { scalarText, type ArchiveKey, type RecordEntry } from '../../model/records';
import type { SeveritySetting } from '../../model/schema';
import type { CodeDeclaration } from '../codes/declaration';

/** What a workspace rule sees of the index it runs in. */
export interface IndexView {
  readonly lang: Lang;
  /** The rule's severity now (schema `rules:`, then settings; its default otherwise). */
  severity(code: string): SeveritySetting;
  /** How archive numbers are read (from the schema); undefined before one is set. */
  readonly archiveKey: ArchiveKey | undefined;
}

export interface WorkspaceRule<State = unknown> extends CodeDeclaration {
  readonly kind: 'workspace';
  create(): State;
  /**
   * A record joins (`delta` 1) or leaves (-1) the index. Paths of other records whose findings this may
   * change go into `touched`, when given.
   */
  track(state: State, r: RecordEntry, path: string, delta: 1 | -1, view: IndexView, touched?: Set<string>): void;
  /** This rule's findings on one record, appended to `out`. */
  findings(state: State, r: RecordEntry, view: IndexView, out: Finding[]): void;
  /** Whether the rule reports a problem on the record (counted with the record's own errors and warnings). */
  applies(state: State, r: RecordEntry, view: IndexView): boolean;
}

/** A record's `id` or `archive_no` as text, undefined when absent, blank or not a scalar. */
export function keyValue(r: RecordEntry, key: 'id' | 'archive_no'): string | undefined {
  const v = r.data?.[key];
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  const s = scalarText(v).trim();
  return s === '' ? undefined : s;
}
