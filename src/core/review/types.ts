/** What a review of changes is made of (shared by the summary, its findings and its Markdown). */
import type { RecordChange } from './changes';

export interface FindingChange {
  path: string;
  code: string;
  message: string;
  severity: string;
  /** 1-based line in the revision the finding was read from (HEAD for introduced, BASE for fixed). */
  line?: number;
}

export interface DiffSummary {
  base: string;
  head: string;
  records: RecordChange[];
  introduced: FindingChange[];
  fixed: FindingChange[];
  /** Set when HEAD is the working tree: findings were not compared (see worktreeSummary). */
  worktree?: boolean;
}
