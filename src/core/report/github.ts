/**
 * Findings as GitHub Actions workflow commands (`::error file=…,line=…::message`), which a workflow turns
 * into annotations on the pull request's files. Paths are relative to the repository root, where the job runs.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { oneLine } from './text';
import { region, type ReportItem } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** The message part: `%`, CR and LF escaped. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end it. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `toRepo` turns a folder-relative path into one relative to the repository root. */
export function formatGithub(items: readonly ReportItem[], toRepo: (path: string) => string = (p) => p): string {
  return items
    .map(({ path, finding: f }) => {
      const r = region(f);
      const props = `file=${property(toRepo(path))},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn},title=${property(f.code)}`;
      return `::${LEVEL[f.severity]} ${props}::${data(oneLine(f.message))}\n`;
    })
    .join('');
}
