import { createTwoFilesPatch } from 'diff';
import { planFolderFixes } from '../../core/check/fix-folder';
import * as fs from 'fs';
import * as path from 'path';
import { BASELINE_PATH, makeBaseline, writeBaseline } from '../../core/check/baseline';
import { checkOpenFolder, type CheckedFolder } from '../../core/check/folder';
import { indexBytes } from '../../core/index/index-file';
import { indexOptions } from '../../core/index/scan';
import { summarize, type ReportItem, type ReportSummary } from '../../core/report/types';
import { applyChanges } from '../../core/io/changes';
import { printable, printableLines } from '../../core/text/terminal';
import { formatGithub, formatJson, formatSarif, formatText } from '../../core/report';
import { VERSION } from '../../core/version';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { format, loadFolder, refusalText } from '../load';
import { checkTargets } from './check-targets';
import { withSealedFindings } from './check-keys';
import { keysDirOf, keyStoreText } from '../keys-access';

const USAGE = `Usage: records-curator check [folder] [FILE... | -] [--format text|json|sarif|github] [--quiet] [--max-warnings N]
                              [--fix | --fix-dry-run] [--cache] [--lang en|zh]

Checks every record of FOLDER (default: the current folder), its .records/schema.yaml and the
destruction and transfer batches under its disposal folder with the same rules, index and batch checks
the extension uses, and prints the findings. With FILE... (a pre-commit hook passes the staged files) only
their findings are reported, checked against the whole folder (duplicate ids and archive numbers need it);
\`-\` checks a record read from standard input, as --stdin-filename (default stdin.md) in the folder.

  --format text|json|sarif|github
                            text (default): one line per finding and a summary; json: findings and totals;
                            sarif: SARIF 2.1.0 for code scanning; github: workflow commands (annotations)
  --quiet                   print errors only (the summary still counts everything)
  --max-warnings N          also fail when there are more than N warnings
  --fix                     make the fixes the findings carry (the editor's Fix All, byte for byte), all files
                            or none, then report what is left
  --fix-dry-run             print those fixes as a unified diff; write nothing
  --update-baseline         write today's findings to .records/baseline.json: from then on they are reported as
                            known (information) and only new findings fail; a fixed one drops out at the next update
  --keys DIR                the key store (or RECORDS_CURATOR_KEYS): sealed values are opened in memory with
                            a custodian's --identity FILE and checked like plain ones (formats, check digits);
                            a value that does not open with its customer's key, or was changed, is a finding
  --cache                   reuse the last run's results for files whose modification time and size are
                            unchanged (a record naming an attachment is always read again); kept outside the
                            folder, in $XDG_CACHE_HOME/records-curator (default ~/.cache/records-curator)
  --lang en|zh              language of the messages (default: from LANG)

Exit code: 0 no errors, 1 errors (or too many warnings, or fixes that could not be written), 2 wrong usage.`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check the records and the schema; text, JSON or SARIF output; exit 1 on errors',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'max-warnings', 'stdin-filename', 'keys'],
  listOptions: ['identity'],
  maxPositionals: Infinity,
  flags: ['quiet', 'fix', 'fix-dry-run', 'update-baseline', 'cache'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json', 'sarif', 'github']);
    const targets = checkTargets(args, io.cwd);
    const folderArgs = { ...args, positionals: [targets.root] };
    const maxWarnings = maxWarningsOf(args);
    if (args.options.has('fix') && args.options.has('fix-dry-run')) throw new UsageError('--fix and --fix-dry-run exclude each other');
    if (targets.stdinName && (args.options.has('fix') || args.options.has('fix-dry-run'))) throw new UsageError('--fix works on files, not on standard input');
    let opened = await loadFolder(folderArgs, io);
    const zh = opened.lang === 'zh';
    if (args.options.has('fix') || args.options.has('fix-dry-run')) {
      const plan = planFolderFixes(opened);
      for (const p of plan.changed) io.err(`${printable(p)}\t${zh ? '索引后已修改，本次未修复' : 'changed since it was read; not fixed this time'}\n`);
      for (const r of plan.refused) io.err(`${printable(r.path)}\t${zh ? '未修复' : 'not fixed'}: ${printable(r.title)} (${printable(r.reason)})\n`);
      const count = plan.changes.reduce((n, c) => n + c.fixed, 0);
      if (args.options.has('fix-dry-run')) {
        for (const c of plan.changes)
          io.out(printableLines(createTwoFilesPatch(`a/${c.path}`, `b/${c.path}`, c.beforeText, c.afterText, '', '', { context: 3 })));
        io.err(
          zh
            ? `将修复 ${count} 个问题，涉及 ${plan.changes.length} 个文件（未写入）\n`
            : `would fix ${count} problems in ${plan.changes.length} files (nothing written)\n`,
        );
        return 0;
      }
      const written = applyChanges(opened.root, plan.changes);
      if (!written.ok) {
        io.err(`records-curator check --fix: ${refusalText(written.error, zh)}\n`);
        return 1;
      }
      io.err(zh ? `已修复 ${count} 个问题，涉及 ${plan.changes.length} 个文件\n` : `fixed ${count} problems in ${plan.changes.length} files\n`);
      // What is left is reported from the files as they are now.
      if (plan.changes.length) opened = await loadFolder(folderArgs, io);
    }
    if (targets.stdinName) {
      // Decoded as any record file is: a record that is not UTF-8 gets its finding, not garbled text.
      const bytes = fs.readFileSync(0);
      const opts = indexOptions({ root: opened.root, schema: opened.schema.schema, lang: opened.lang });
      opened.index.set([indexBytes(targets.stdinName, bytes, { mtimeMs: -1, size: bytes.length }, opts)]);
    }
    if (args.options.has('update-baseline')) {
      const baseline = makeBaseline(checkOpenFolder(opened, { baseline: false }).items);
      writeBaseline(opened.root, baseline);
      const n = baseline.findings.reduce((sum, e) => sum + e.count, 0);
      io.err(zh ? `已写入 ${BASELINE_PATH}：${n} 个已知问题\n` : `wrote ${BASELINE_PATH}: ${n} known findings\n`);
      return 0;
    }
    let folder = checkOpenFolder(opened);
    if (keysDirOf(args, io)) {
      try {
        folder = await withSealedFindings(folder, args, io);
      } catch (err) {
        const text = keyStoreText(err, zh);
        if (text === undefined) throw err;
        io.err(`records-curator check: ${text}\n`);
        return 1;
      }
    }
    if (folder.baselineProblem) {
      io.err(`records-curator check: ${printable(folder.baselineProblem)}\n`);
      return 1;
    }
    const fixedSince = folder.baselineFixed.reduce((sum, e) => sum + e.count, 0);
    if (fixedSince) {
      io.err(
        zh
          ? `基线中有 ${fixedSince} 个问题已修复；运行 check --update-baseline 将其移出基线\n`
          : `${fixedSince} findings of the baseline are fixed now; check --update-baseline drops them\n`,
      );
    }
    const { items, summary } = targets.files ? onlyFiles(folder, targets.files) : folder;
    const shown = args.options.has('quiet') ? items.filter((i) => i.finding.severity === 'error') : items;
    if (fmt === 'json') io.out(formatJson(shown, summary));
    else if (fmt === 'sarif') io.out(formatSarif(shown, summary, { version: VERSION, lang: folder.lang }));
    else if (fmt === 'github') io.out(formatGithub(shown, (p) => path.relative(io.cwd, path.join(folder.root, p)).split(path.sep).join('/')));
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

/**
 * Colour on a terminal, never with NO_COLOR set (https://no-color.org: a non-empty value), always with
 * FORCE_COLOR set to anything but 0 or false (a CI log that renders colour).
 */
function useColor(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return process.stdout.isTTY && !process.env.NO_COLOR;
}

/** The findings of the files asked for, and totals of those files alone. */
function onlyFiles(folder: CheckedFolder, files: ReadonlySet<string>): { items: ReportItem[]; summary: ReportSummary } {
  const items = folder.items.filter((i) => files.has(i.path));
  let records = 0;
  let count = 0;
  for (const f of files) {
    const e = folder.index.get(f);
    if (!e?.isRecordFile) continue;
    count++;
    records += e.records.length;
  }
  return { items, summary: summarize(items, { folder: folder.root, records, files: count }) };
}
