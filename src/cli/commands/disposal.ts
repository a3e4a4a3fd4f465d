import { field } from '../../core/model/records';
import { today } from '../../core/retention/dates';
import { dispositionOf } from '../../core/retention/disposition';
import { printable } from '../../core/text/terminal';
import { parseDate } from '../../core/values/checks';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { format, loadFolder, recordIndexOf } from '../load';

const USAGE = `Usage: records-curator disposal [folder] [--format text|json] [--date YYYY-MM-DD] [--lang en|zh]

Every record of FOLDER with where it stands: its disposition state (active, retention, due-soon, due, hold,
pending-destruction, transferred, destroyed), the governing retention code — the one its archive number and
labels carry — the first day counted, the last day it is kept, and the legal basis. Records with errors are
listed with state "errors": they are corrected before anything is decided about them.

  --format text|json   json: [{path, index, id, state, retention, start, until, basis, source, from}]
                       source: category, rule or record (its own code); from: the field counted from
  --date YYYY-MM-DD    the day to judge by (default: today)`;

export const disposalCommand: CliCommand = {
  name: 'disposal',
  summary: 'every record: disposition state, governing retention code, start, last day kept, basis',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'date'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    const date = args.options.get('date');
    if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
    const day = typeof date === 'string' ? date : today();
    const folder = await loadFolder(args, io);
    const index = recordIndexOf(folder);
    const zh = folder.lang === 'zh';
    const rows = [...index.records()]
      .sort((a, b) => a.file.localeCompare(b.file) || a.index - b.index)
      .map((r) => {
        const d = dispositionOf(r.data, folder.schema.schema, day, 90);
        const g = d.retention.governing;
        return {
          path: r.file,
          index: r.index,
          id: field(r, 'id') ?? '',
          state: index.problemCounts(r).errors ? 'errors' : d.state,
          retention: g?.code ?? '',
          start: g?.start ?? '',
          until: d.until ?? '',
          basis: g ? (zh ? g.basis.zh : g.basis.en) : '',
          source: g?.source ?? '',
          from: g?.from ?? '',
          ...(g?.waitingFor ? { waiting_for: g.waitingFor } : {}),
        };
      });
    if (fmt === 'json') {
      io.out(JSON.stringify(rows, null, 2) + '\n');
      return 0;
    }
    const head = zh ? ['路径', '编号', '状态', '保管期限', '起算', '保管至', '依据'] : ['path', 'id', 'state', 'retention', 'start', 'until', 'basis'];
    io.out(`${head.join('\t')}\n`);
    for (const r of rows)
      io.out(`${[`${r.path}${r.index ? `#${r.index}` : ''}`, r.id, r.state, r.retention, r.start, r.until, r.basis].map(printable).join('\t')}\n`);
    const due = rows.filter((r) => r.state === 'due').length;
    io.out(zh ? `${rows.length} 条记录，${due} 条已到期\n` : `${rows.length} records, ${due} due for disposal\n`);
    return 0;
  },
};
