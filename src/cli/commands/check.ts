import { checkOpenFolder } from '../../core/check/folder';
import { formatJson, formatSarif, formatText } from '../../core/report';
import { VERSION } from '../../core/version';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { format, loadFolder } from '../load';

const USAGE = `Usage: records-curator check [folder] [--format text|json|sarif] [--quiet] [--max-warnings N] [--lang en|zh]

Checks every record of FOLDER (default: the current folder), its .records/schema.yaml and the
destruction and transfer batches under its disposal folder with the same rules, index and batch checks
the extension uses, and prints the findings.

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
    const folder = checkOpenFolder(await loadFolder(args, io));
    const { items, summary } = folder;
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

/** Colour on a terminal only, and never with NO_COLOR set (https://no-color.org: a non-empty value). */
function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
