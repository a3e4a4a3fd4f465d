import type { Accepted, Finding } from '../model/findings';

export type { Accepted } from '../model/findings';

/** How an accepted finding was accepted, when it was. */
export function acceptedOf(f: Finding): Accepted | undefined {
  return f.data?.accepted;
}

/** One finding with the workspace-relative, `/`-separated path of its file. */
export interface ReportItem {
  path: string;
  finding: Finding;
}

/** Totals of a check: every finding counts, whatever a formatter chooses to print. */
export interface ReportSummary {
  /** Absolute path of the checked folder. */
  folder: string;
  records: number;
  files: number;
  errors: number;
  warnings: number;
  info: number;
  hints: number;
}

/** Orders findings by path, then line, column and code (code-unit order, so the output is stable everywhere). */
export function sortItems(items: readonly ReportItem[]): ReportItem[] {
  return [...items].sort(
    (a, b) =>
      cmp(a.path, b.path) || a.finding.start.line - b.finding.start.line || a.finding.start.col - b.finding.start.col || cmp(a.finding.code, b.finding.code),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarize(items: readonly ReportItem[], totals: { folder: string; records: number; files: number }): ReportSummary {
  const s: ReportSummary = { ...totals, errors: 0, warnings: 0, info: 0, hints: 0 };
  for (const { finding } of items) {
    if (finding.severity === 'error') s.errors++;
    else if (finding.severity === 'warning') s.warnings++;
    else if (finding.severity === 'info') s.info++;
    else s.hints++;
  }
  return s;
}

/** 1-based line and column of a finding's start and (exclusive) end; an end before the start collapses onto it. */
export function region(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const line = f.start.line + 1;
  const column = f.start.col + 1;
  let endLine = f.end.line + 1;
  let endColumn = f.end.col + 1;
  if (endLine < line || (endLine === line && endColumn < column)) {
    endLine = line;
    endColumn = column;
  }
  return { line, column, endLine, endColumn };
}
