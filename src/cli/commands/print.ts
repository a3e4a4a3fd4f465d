import { paperHtml, paperMarkdown } from '../../core/disposal/paper';
import { documentPaper } from '../../core/disposal/printed';
import { today } from '../../core/retention/dates';
import { parseDate } from '../../core/values/checks';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, format, writeOutput } from '../load';
import { loadDocument, say } from './batch-common';

const USAGE = `Usage: records-curator print FILE [--format html|md] [--date YYYY-MM-DD] [--out PATH] [--force] [--lang zh|en|both]

The printable document of FILE, a document of the disposal folder:
  a destruction batch   the destruction register (销毁清册, 会计档案管理办法 Arts. 18–19): each record's name,
                        volume, count, years, archive number, required retention, the day its retention
                        started and how long it has been kept, the destruction date; the records pulled out
                        under a hold with the reason; the signature rows of Art. 18(2) and the supervisors'
                        rows of Art. 18(3) — printed and signed BEFORE anything is destroyed
  a transfer batch      the transfer register (移交清册, Art. 24) with the hand-over signature rows
  an appraisal opinion  the opinion (鉴定意见书, Arts. 16–17, 19) with the appraisers' signature rows
  a custody plan        the accounting archives' custody plan after 注销 (Art. 20) as they stand on --date

  --date YYYY-MM-DD  the day 已保管 (time kept) is counted to (default today; a destroyed record: its destruction day)
  --out PATH         write to PATH (not replaced unless --force); default: standard output
  --lang             zh, en or both (default both)

Exit code: 0 written, 1 not a document this prints, 2 wrong usage.`;

export const printCommand: CliCommand = {
  name: 'print',
  summary: 'the destruction or transfer register, the appraisal opinion or the custody plan, to print and sign',
  usage: USAGE,
  valueOptions: ['format', 'out', 'lang', 'date', 'folder'],
  flags: ['force'],
  async run(args, io) {
    const fmt = format(args, ['html', 'md']);
    const lang = docLangOption(args, 'both');
    const date = args.options.get('date');
    if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
    const day = typeof date === 'string' ? date : today();
    const d = await loadDocument(args, io);
    const printed = documentPaper(d.text, d.ctx, day, lang);
    if (!printed) {
      io.err(say(d.folder.lang, '不是批次、鉴定意见书或保管方案\n', 'not a batch, an appraisal opinion or a custody plan\n'));
      return 1;
    }
    const { paper, count } = printed;
    const text = fmt === 'md' ? paperMarkdown(paper) : paperHtml(paper, lang);
    const out = args.options.get('out');
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    if (typeof out !== 'string') throw new UsageError('--out needs a path');
    return writeOutput('print', args, io, out, text, count);
  },
};
