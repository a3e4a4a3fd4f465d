import { planFolderRenumbering, EARLIER_DEFAULT_FORMAT, type Renumbering } from '../../core/archive/renumber';
import { prepareFieldChanges } from '../../core/fix/field-changes';
import type { FieldValue } from '../../core/fix/fixes';
import { applyChanges } from '../../core/io/changes';
import { field } from '../../core/model/records';
import { printable } from '../../core/text/terminal';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { loadFolder, recordIndexOf, refusalText } from '../load';

const USAGE = `Usage: records-curator renumber [folder] [--from FORMAT] [--write] [--lang en|zh]

Plans new archive numbers for the numbered records of FOLDER whose number is not what the schema and the
record say: a number written in an earlier format, or one whose retention, year or category code contradicts
the record (its governing retention, archive-no-mismatch). Without --write it only lists them, old → new, for
review. An archive number is stable once given (DA/T 13-2022 §4.3): re-stamp and re-label what changes, and
commit the change on its own. Nothing is renumbered by itself, ever.

A record keeps its item number when only the writing changes and the number is free; one that belongs in
another scope (another retention period) takes the next number there.

  --from FORMAT   the format the old numbers are in (default ${EARLIER_DEFAULT_FORMAT},
                  the default schema's before the 机构(问题) part was filled)
  --write         write the new numbers into the files (all or nothing)`;

export const renumberCommand: CliCommand = {
  name: 'renumber',
  summary: 'plan (and with --write make) new archive numbers for numbers in an old format or contradicting the record',
  usage: USAGE,
  valueOptions: ['from', 'lang'],
  flags: ['write'],
  async run(args, io) {
    const from = args.options.get('from');
    if (from !== undefined && (typeof from !== 'string' || !from.includes('{number}'))) throw new UsageError('--from needs a format with {number}');
    const folder = await loadFolder(args, io);
    const zh = folder.lang === 'zh';
    const index = recordIndexOf(folder);
    const numbering = planFolderRenumbering(index.entries(), folder.schema.schema, folder.lang, typeof from === 'string' ? from : undefined);
    if (!numbering.plan) {
      for (const b of numbering.blockers) io.err(`${printable(b.path)}\t${zh ? '阻止重编' : 'blocks renumbering'}: ${b.reason}\n`);
      io.err(
        zh ? '未重编：有文件或文件夹中的档号无法读出；未写入任何内容\n' : 'nothing renumbered: some archive numbers could not be seen; nothing was written\n',
      );
      return 1;
    }
    const plan = numbering.plan;
    const where = (r: Renumbering['record']) => printable(`${r.file}:${r.line + 1}`);
    for (const r of plan.unreadable)
      io.err(
        `${where(r)}\t${zh ? '无法读出档号，未重编' : 'archive number not readable in either format; left as it is'}\t${printable(field(r, 'archive_no') ?? '')}\n`,
      );
    for (const r of plan.refused) io.err(`${where(r.record)}\t${zh ? '无法确定应有的档号' : 'cannot work out its number'}: ${r.reason}\n`);
    const write = args.options.has('write');
    if (write && plan.changes.length) {
      const values = new Map<string, FieldValue[]>();
      for (const c of plan.changes)
        values.set(c.record.file, [...(values.get(c.record.file) ?? []), { record: c.record.index, field: 'archive_no', value: c.to }]);
      const prepared = prepareFieldChanges(folder.root, folder.scan.files, values);
      if (!prepared.ok) {
        io.err(`records-curator renumber: ${refusalText(prepared.refusal, zh)}\n`);
        return 1;
      }
      const result = applyChanges(folder.root, prepared.changes);
      if (!result.ok) {
        io.err(`records-curator renumber: ${refusalText(result.error, zh)}\n`);
        return 1;
      }
    }
    const why = (c: Renumbering) => (c.why === 'format' ? (zh ? '改写格式' : 'format') : zh ? '换入新的范围' : 'moved');
    for (const c of plan.changes) io.out(`${where(c.record)}\t${printable(c.from)} → ${printable(c.to)}\t${why(c)}\n`);
    const n = plan.changes.length;
    io.out(
      zh
        ? `${write ? '已重编' : '将重编'} ${n} 条档号；${plan.unchanged} 条无需改动${write || !n ? '' : '（审阅后加 --write 写入）'}\n`
        : `${write ? 'renumbered' : 'would renumber'} ${n} archive numbers; ${plan.unchanged} already right${write || !n ? '' : ' (review, then add --write)'}\n`,
    );
    return plan.unreadable.length ? 1 : 0;
  },
};
