/** Findings: what a check reports about a place in a file, and what fixes it. */
import type { Bilingual, Severity } from './schema';

/** A 0-based position, as VS Code and the command line (after +1) show it. */
export interface Pos {
  line: number;
  col: number;
}

/** One change of a fix: the text from `start` to `end` (UTF-16 offsets into the decoded file text) becomes `newText`. */
export interface FileEdit {
  /** The file, workspace-relative; absent: the finding's own file. */
  path?: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix, carried on its finding so no front end derives it again: the editor turns it into a WorkspaceEdit,
 * the command line (`check --fix`) writes it through the one write path. Several edits are one fix.
 */
export interface Fix {
  /** What the fix does, in the finding's language ("Change to 2026-01-05", "插入缺失字段 phone"). */
  title: string;
  edits: FileEdit[];
  /**
   * Keys of the finding's record the fix sets, adds or renames, as the file writes them (`客户`, not
   * customer): when the result is read back, every other key must be as it was.
   */
  fields?: string[];
  /** The fix makes a record of a file that was not one (blank lines before the front matter removed). */
  makesRecord?: boolean;
  /** Where the editor puts the cursor once this fix alone is applied (offsets into the fixed text): the first placeholder. */
  cursor?: { start: number; end: number };
}

/** A finding accepted where it stands (`# records-curator: accept CODE reason`) or by the baseline: what it was. */
export interface Accepted {
  severity: Severity;
  reason: string;
  by: 'inline' | 'baseline';
}

/** What else a finding tells about itself (the field it is about, the other places of a duplicate, …). */
export interface FindingData {
  field?: string;
  accepted?: Accepted;
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
  data?: FindingData;
  fix?: Fix;
}

/**
 * How a rule says what fixes its finding; the index turns it into the finding's Fix (edits in the record's
 * own style, a title in the record's language). The rule decides; no other layer looks at its code to.
 */
export type FixSpec =
  /** The value at the span becomes this one, written the way the original was (same quotes, or plain). */
  | { value: string; title?: Bilingual }
  /**
   * The span becomes exactly this text: YAML that must stay YAML (`true`, `[a, b]`, `"000123"`), a mask in
   * free text, a key renamed. `fields`: other fields the change makes (a renamed key's new name).
   */
  | { text: string; title?: Bilingual; fields?: string[] }
  /** These fields are added to the record, in schema order, with typed placeholders. */
  | { insert: string[]; title?: Bilingual };
