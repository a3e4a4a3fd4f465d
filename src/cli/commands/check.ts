import { LineIndex } from '../../core/parse/lines';
import type { Finding } from '../../core/model/findings';
import { formatJson, formatSarif, formatText, sortItems, summarize, type ReportItem } from '../../core/report';
import { SCHEMA_PATH } from '../../core/schema/load';
import { VERSION } from '../../core/version';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { format, loadFolder, recordIndexOf, type LoadedFolder } from '../load';

const USAGE = `Usage: records-curator check [folder] [--format text|json|sarif] [--quiet] [--max-warnings N] [--lang en|zh]

Checks every record of FOLDER (default: the current folder) and its .records/schema.yaml with the
same rules and index the extension uses, and prints the findings.

  --format text|json|sarif  text (default): one line per finding and a summary;
                            json: findings and totals; sarif: SARIF 2.1.0 for code scanning
  --quiet                   print errors only (the summary still counts everything)
  --max-warnings N          also fail when there are more than N warnings
  --lang en|zh              language of the messages (default: from LANG)

Exit code: 0 no errors, 1 errors (or too many warnings), 2 wrong usage.`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check the records and the schema; text, JSON or SARIF output; exit 1 on errors',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'max-warnings'],
  flags: ['quiet'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json', 'sarif']);
    const maxWarnings = maxWarningsOf(args);
    const folder = await loadFolder(args, io);
    const index = recordIndexOf(folder);
    const all: ReportItem[] = [];
    let files = 0;
    for (const entry of index.entries()) {
      if (entry.isRecordFile) files++;
      for (const finding of index.findings(entry.path)) all.push({ path: entry.path, finding });
    }
    for (const finding of schemaFindings(folder)) all.push({ path: SCHEMA_PATH, finding });
    const items = sortItems(all);
    const summary = summarize(items, { folder: folder.root, records: index.size, files });
    const shown = args.options.has('quiet') ? items.filter((i) => i.finding.severity === 'error') : items;
    if (fmt === 'json') io.out(formatJson(shown, summary));
    else if (fmt === 'sarif') io.out(formatSarif(shown, summary, { version: VERSION, lang: folder.lang }));
    else io.out(formatText(shown, summary, { lang: folder.lang, color: useColor() }));
    const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
    return summary.errors > 0 || tooManyWarnings ? 1 : 0;
  },
};

function maxWarningsOf(args: ParsedArgs): number | undefined {
  const v = args.options.get('max-warnings');
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError('--max-warnings needs a whole number, e.g. --max-warnings 0');
  return Number(v);
}

/** Mistakes in the schema file, placed by their offsets into its text. */
function schemaFindings({ schema }: LoadedFolder): Finding[] {
  if (schema.text === undefined || schema.problems.length === 0) return [];
  const lines = new LineIndex(schema.text);
  return schema.problems.map((p) => {
    const s = lines.positionAt(p.start);
    const e = lines.positionAt(Math.max(p.start, p.end));
    return { code: 'schema', severity: p.severity, message: p.message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character } };
  });
}

/** Colour on a terminal only, and never with NO_COLOR set (https://no-color.org: a non-empty value). */
function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
