import { assignmentValues, type Assignment, REFUSAL_REASONS } from '../../core/archive/assign';
import { planFolderNumbers } from '../../core/archive/blockers';
import { prepareFieldChanges, type Prepared } from '../../core/fix/field-changes';
import type { FieldValue } from '../../core/fix/fixes';
import { applyChanges } from '../../core/io/changes';
import { today } from '../../core/retention/dates';
import { parseDate } from '../../core/values/checks';
import { field, type RecordEntry } from '../../core/model/records';
import { printable } from '../../core/text/terminal';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { loadFolder, recordIndexOf, refusalText, type LoadedFolder } from '../load';
import { bi } from '../../core/text/bilingual';

const USAGE = `Usage: records-curator number [folder] [--category KEY] [--write] [--lang en|zh]

Plans archive numbers (档号) for the records of FOLDER that have none, in the schema's format, continuing
after the highest item number of each scope. Without --write it only lists what it would assign.
A record that already has a number is never renumbered; a record with errors is not numbered.
While a file or folder could not be read (it may hold a number), nothing is numbered: it says which, exit 1.

  --category KEY   only records of this category (e.g. contract)
  --write          write the numbers into the files: archive_no, and archived_at (today) where it is empty
  --date YYYY-MM-DD  the archive date to write instead of today
  --no-date        leave archived_at alone`;

/** Every file's new text, checked against what was indexed, before any is written. */
function prepareNumbering(folder: LoadedFolder, assignments: readonly Assignment[], archivedOn: string | undefined): Prepared {
  const values = new Map<string, FieldValue[]>();
  for (const a of assignments) values.set(a.record.file, [...(values.get(a.record.file) ?? []), ...assignmentValues(a, archivedOn)]);
  return prepareFieldChanges(folder.root, folder.scan.files, values, folder.schema.schema.aliases);
}

export const numberCommand: CliCommand = {
  name: 'number',
  summary: 'assign archive numbers to records lacking one (dry run unless --write)',
  usage: USAGE,
  valueOptions: ['category', 'lang', 'date'],
  flags: ['write', 'no-date'],
  async run(args, io) {
    const folder = await loadFolder(args, io);
    const category = args.options.get('category');
    if (category !== undefined && (typeof category !== 'string' || !folder.schema.schema.categories.has(category))) {
      throw new UsageError(`--category must be one of ${[...folder.schema.schema.categories.keys()].join(', ')}`);
    }
    const date = args.options.get('date');
    if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
    if (date !== undefined && args.options.has('no-date')) throw new UsageError('--date and --no-date exclude each other');
    const archivedOn = args.options.has('no-date') ? undefined : typeof date === 'string' ? date : today();
    const index = recordIndexOf(folder);
    const all = [...index.records()];
    const targets = category ? all.filter((r) => field(r, 'category') === category) : all;
    const zh = folder.lang === 'zh';
    const numbering = planFolderNumbers(index.entries(), targets, folder.schema.schema, (r) => index.problemCounts(r).errors, folder.lang);
    if (!numbering.plan) {
      // A number the index could not see could be handed out again: nothing is planned, nothing written.
      for (const b of numbering.blockers) io.err(`${printable(b.path)}\t${zh ? '阻止编号' : 'blocks numbering'}: ${b.reason}\n`);
      const n = numbering.blockers.length;
      io.err(
        zh
          ? `未编号：有 ${n} 个文件或文件夹中的档号无法读出，可能与新档号重复；未写入任何内容\n`
          : `nothing numbered: ${n} file${n === 1 ? '' : 's'} or folder${n === 1 ? '' : 's'} whose archive numbers could not be seen, and a new number could repeat one; nothing was written\n`,
      );
      return 1;
    }
    const plan = numbering.plan;
    const where = (r: RecordEntry) => `${r.file}:${r.line + 1}`;
    for (const r of plan.refused) io.err(`${printable(where(r.record))}\t${zh ? '未编号' : 'not numbered'}: ${bi(folder.lang, REFUSAL_REASONS[r.reason])}\n`);
    const write = args.options.has('write');
    if (write && plan.assignments.length) {
      // All files are prepared and checked first, then written; a file that changed stops the run before any write.
      const prepared = prepareNumbering(folder, plan.assignments, archivedOn);
      if (!prepared.ok) {
        io.err(`records-curator number: ${refusalText(prepared.refusal, zh)}\n`);
        return 1;
      }
      const result = applyChanges(folder.root, prepared.changes);
      if (!result.ok) {
        io.err(`records-curator number: ${refusalText(result.error, zh)}\n`);
        if (result.unrestored.length)
          io.err(`${zh ? '以下文件未能恢复原状' : 'these files could not be put back'}: ${result.unrestored.map(printable).join(', ')}\n`);
        return 1;
      }
    }
    // Printed once written (or, without --write, as the plan): never a number that is not in its file.
    for (const a of plan.assignments) io.out(`${printable(where(a.record))}\t${a.archiveNo}\t${printable(field(a.record, 'title') ?? '')}\n`);
    const n = plan.assignments.length;
    io.out(
      zh
        ? `${write ? '已编号' : '将编号'} ${n} 条记录；${plan.kept} 条已有档号；${plan.refused.length} 条未能编号${write || !n ? '' : '（加 --write 写入）'}\n`
        : `${write ? 'numbered' : 'would number'} ${n} records; ${plan.kept} already numbered; ${plan.refused.length} not numbered${write || !n ? '' : ' (add --write to write them)'}\n`,
    );
    return plan.refused.length && !n ? 1 : 0;
  },
};
