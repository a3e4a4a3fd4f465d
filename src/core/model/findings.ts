/** Findings: what a check reports about a place in a file, and what fixes it. */
import type { Severity } from './schema';

/** A 0-based position, as VS Code and the command line (after +1) show it. */
export interface Pos {
  line: number;
  col: number;
}

/** What a quick fix needs, carried with the finding so the editor never re-derives the problem. */
export interface FixData {
  field?: string;
  /** Suggested replacement text for the finding's range. */
  replacement?: string;
  /** Fields to insert (missing-field). */
  missing?: string[];
  [key: string]: unknown;
}

export interface Finding {
  /** The rule's code, e.g. `missing-field`; it names the rule's documentation page. */
  code: string;
  severity: Severity;
  message: string;
  start: Pos;
  end: Pos;
  /** The record (document number) in the file, when the finding belongs to one. */
  record?: number;
  data?: FixData;
}
