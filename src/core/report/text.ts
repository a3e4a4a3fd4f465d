import type { Lang } from '../model/lang';
import { region, type ReportItem, type ReportSummary } from './types';
import { printable } from '../text/terminal';

export interface TextOptions {
  lang: Lang;
  /** ANSI colours (the caller decides: a terminal, and NO_COLOR unset). */
  color?: boolean;
}

const SGR = { red: 31, yellow: 33, blue: 34, green: 32, gray: 90, bold: 1 } as const;
type Style = keyof typeof SGR;

/**
 * One line per finding, `path:line:col severity code message` (1-based, like compilers print), then
 * the summary line. A multi-line message (a YAML parser's code frame) is folded onto its line.
 */
export function formatText(items: readonly ReportItem[], summary: ReportSummary, o: TextOptions): string {
  const paint = (style: Style, s: string) => (o.color ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const { path, finding } of items) {
    const r = region(finding);
    const sev = finding.severity;
    const style: Style = sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : sev === 'info' ? 'blue' : 'gray';
    out.push(
      `${printable(path)}:${r.line}:${r.column} ${paint(style, sev)} ${paint('gray', printable(finding.code))} ${printable(oneLine(finding.message))}\n`,
    );
  }
  const line = summaryLine(summary, o.lang);
  const problems = summary.errors + summary.warnings + summary.info + summary.hints;
  out.push(`${paint('bold', paint(summary.errors ? 'red' : problems ? 'yellow' : 'green', line))}\n`);
  return out.join('');
}

/** Line breaks and the blanks around them become one space, so every finding stays on one line. */
export function oneLine(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `✖ 12 problems (3 errors, 9 warnings, 0 info) in 50 records, 48 files`, or `✔ no problems …`; Chinese for `zh`. */
export function summaryLine(s: ReportSummary, lang: Lang): string {
  const problems = s.errors + s.warnings + s.info + s.hints;
  if (lang === 'zh') {
    const where = `，共 ${s.records} 条记录、${s.files} 个文件`;
    if (!problems) return `✔ 没有问题${where}`;
    const hints = s.hints ? `，${s.hints} 个建议` : '';
    return `✖ ${problems} 个问题（${s.errors} 个错误，${s.warnings} 个警告，${s.info} 个提示${hints}）${where}`;
  }
  const where = `in ${plural(s.records, 'record')}, ${plural(s.files, 'file')}`;
  if (!problems) return `✔ no problems ${where}`;
  const hints = s.hints ? `, ${plural(s.hints, 'hint')}` : '';
  return `✖ ${plural(problems, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info${hints}) ${where}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
