import { planBulkEdit, type BulkPlan } from '../../core/bulk/plan';
import type { BulkOperation } from '../../core/bulk/operations';
import { applyChanges } from '../../core/io/changes';
import { printable, printableLines } from '../../core/text/terminal';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { format, loadFolder, refusalText } from '../load';

const USAGE = `Usage: records-curator set FIELD=VALUE [FIELD=VALUE...] --where FILTER [--rename OLD=NEW] [--remove FIELD]
                            [--write] [--format text|json] [--lang en|zh] [folder]

Changes every record of FOLDER (default: the current folder) that FILTER selects, and prints the change as a
unified diff. Nothing is written without --write; with it, all files are written or none.

FILTER is the Records view's filter: words, and field=value terms, all of which must match; a value matches
when the field contains it, whatever the case (customer=张 selects 张伟 and 张三). Field names and values may be
aliases (客户=张伟, category=合同).

  FIELD=VALUE     set FIELD, typed by the schema: dates as YYYY-MM-DD (2024年3月1日 and 2024/3/1 are read),
                  enum values by value, label or alias (customer_type=个人), amounts without ¥ and separators,
                  booleans from true/false/是/否, lists from a,b. A value check would report is refused with
                  its finding. category=KEY moves records to another category: only the field changes, the
                  files stay where they are. A field the record lacks is added where the schema's order puts it.
  --rename OLD=NEW  rename key OLD (as written in the files, e.g. an alias 客户) to NEW; repeatable
  --remove FIELD  remove the field (under its name or an alias) with its value; repeatable
  --write         write the changes (all files or none; mode and owner kept)
  --format text|json
                  text (default): the diff, refusals and a summary; json: the plan

Records left alone, each named with the reason: a record whose YAML cannot be read, a file that is a symbolic
link, a record listed in an approved or executed disposal batch, a document of the disposal folder, an edit
that would not read back exactly as asked, a value the rules refuse, an id another record has. They do not
stop the others from being written; the exit code says they were there. A folder whose name looks like
FIELD=VALUE is given as ./NAME.

Exit code: 0 every selected record changed (or already as asked), 1 nothing selected, a record left alone,
or the write failed (nothing written), 2 wrong usage.`;

/** `FIELD=VALUE` (the field part holds no path separator) or a folder. */
function isAssignment(arg: string): boolean {
  const eq = arg.indexOf('=');
  return eq > 0 && !/[/\\]/.test(arg.slice(0, eq)) && !arg.startsWith('.');
}

function pair(text: string, option: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UsageError(`${option} needs OLD=NEW, not ${JSON.stringify(text)}`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** The operations in the order given on the command line: sets, then renames, then removals. */
function operationsOf(args: ParsedArgs): { ops: BulkOperation[]; folder: string | undefined } {
  const ops: BulkOperation[] = [];
  const folders: string[] = [];
  for (const p of args.positionals) {
    if (!isAssignment(p)) folders.push(p);
    else ops.push({ op: 'set', field: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) });
  }
  if (folders.length > 1) throw new UsageError(`one folder only, not ${folders.map((f) => JSON.stringify(f)).join(' and ')}`);
  for (const r of args.values.get('rename') ?? []) {
    const [from, to] = pair(r, '--rename');
    ops.push({ op: 'rename', from, to });
  }
  for (const f of args.values.get('remove') ?? []) ops.push({ op: 'remove', field: f });
  return { ops, folder: folders[0] };
}

const where = (path: string, line: number | undefined) => printable(line === undefined ? path : `${path}:${line + 1}`);

function printRefusals(plan: BulkPlan, io: CliIo, zh: boolean): void {
  for (const r of plan.refused) io.err(`${where(r.path, r.line)}\t${zh ? '未修改：' : 'left alone: '}${printable(r.reason)}\n`);
  for (const f of plan.introduced)
    io.err(`${printable(f.path)}#${f.record}\t${zh ? '修改后新增问题 ' : 'the change brings '}${f.code}${zh ? '：' : ': '}${printable(f.message)}\n`);
}

function json(plan: BulkPlan, written: boolean): string {
  const files = plan.files.map((f) => ({ path: f.path, records: f.records, edits: f.edits, diff: f.diff }));
  const changed = plan.files.reduce((n, f) => n + f.records.length, 0);
  return `${JSON.stringify({ written, matched: plan.matched, changed, unchanged: plan.unchanged, files, refused: plan.refused, introduced: plan.introduced }, null, 2)}\n`;
}

export const setCommand: CliCommand = {
  name: 'set',
  summary: 'set, rename or remove fields, or move to another category, of the records a filter selects (dry run unless --write)',
  usage: USAGE,
  valueOptions: ['where', 'rename', 'remove', 'format', 'lang'],
  flags: ['write'],
  maxPositionals: Infinity,
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    const filter = args.options.get('where');
    if (typeof filter !== 'string' || !filter.trim())
      throw new UsageError('give --where FILTER: the records to change (e.g. --where "category=contract customer=张伟")');
    if ((args.values.get('where')?.length ?? 0) > 1) throw new UsageError('give --where once: its terms all apply ("a=1 b=2")');
    const { ops, folder: folderArg } = operationsOf(args);
    const folder = await loadFolder({ ...args, positionals: folderArg === undefined ? [] : [folderArg] }, io);
    const zh = folder.lang === 'zh';
    const plan = planBulkEdit({ root: folder.root, lang: folder.lang, schema: folder.schema.schema, index: folder.index }, { where: filter, operations: ops });
    if (plan.problems.length) throw new UsageError(plan.problems.join('; '));
    const write = args.options.has('write');
    const changed = plan.files.reduce((n, f) => n + f.records.length, 0);
    if (write && plan.files.length) {
      const result = applyChanges(folder.root, plan.files);
      if (!result.ok) {
        io.err(`records-curator set: ${refusalText(result.error, zh)}\n`);
        if (result.unrestored.length)
          io.err(`${zh ? '以下文件未能恢复原状' : 'these files could not be put back'}: ${result.unrestored.map(printable).join(', ')}\n`);
        return 1;
      }
    }
    if (fmt === 'json') io.out(json(plan, write && plan.files.length > 0));
    else {
      for (const f of plan.files) io.out(printableLines(f.diff));
      printRefusals(plan, io, zh);
    }
    const files = plan.files.length;
    if (fmt === 'text' || !plan.matched) {
      if (!plan.matched) io.err(zh ? `没有记录符合 ${printable(filter)}；未写入任何内容\n` : `no record matches ${printable(filter)}; nothing was written\n`);
      else
        io.err(
          zh
            ? `${write ? '已修改' : '将修改'} ${changed} 条记录，涉及 ${files} 个文件；${plan.unchanged} 条已符合；${plan.refused.length} 项未修改${write || !changed ? '' : '（审阅后加 --write 写入）'}\n`
            : `${write ? 'changed' : 'would change'} ${changed} records in ${files} files; ${plan.unchanged} already as asked; ${plan.refused.length} left alone${write || !changed ? '' : ' (review, then add --write)'}\n`,
        );
    }
    return !plan.matched || plan.refused.length ? 1 : 0;
  },
};
