/**
 * `custody-plan`: what happens to the accounting archives after 注销 (会计档案管理办法 Art. 20) — who keeps
 * them, where, until when, listed by year and retention with what is pulled out under a hold — written as a
 * document of the disposal folder, kept permanently (Annex item 14). The hand-over is a transfer batch,
 * whose printed register is the 会计档案移交清册 (Art. 24).
 */
import { CUSTODY_DETAILS, custodyPlanText, readCustodyPlan } from '../../core/disposal/custody';
import { batchFiles } from '../../core/disposal/files';
import { nextBatchId } from '../../core/disposal/document';
import { FileRefusal } from '../../core/io/paths';
import { writeFileInside } from '../../core/io/safe-fs';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import { parseDate } from '../../core/values/checks';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, loadFolder, recordIndexOf, refusalText } from '../load';
import { detailsOf, say } from './batch-common';

const USAGE = `Usage: records-curator custody-plan [folder] [--set FIELD=VALUE ...] [--date YYYY-MM-DD] [--lang zh|en|both]

Writes the custody plan for the accounting archives of a unit being dissolved (会计档案管理办法 Art. 20)
into the disposal folder (BG-YEAR-NNN.md, kept permanently: Annex item 14): the accounting archives not yet
destroyed or handed over (the categories of disposal.accounting_categories), by year and retention, the
last day each group is kept, those kept apart under a hold (Art. 19), and who keeps them, where and until
when. Print it with records-curator print; hand the archives over with a transfer batch
(batch create --kind transfer), whose printed register is the 会计档案移交清册 (Art. 24).

  --set FIELD=VALUE  custodian, custodian_type (competent-department, owner, archive, agency),
                     custodian_contact, place, handover_batch
  --date YYYY-MM-DD  the day to judge retention by (default today)

Exit code: 0 written, 1 not written, 2 wrong usage.`;

export const custodyPlanCommand: CliCommand = {
  name: 'custody-plan',
  summary: 'the custody plan for the accounting archives after 注销: who keeps them, where, until when (Art. 20)',
  usage: USAGE,
  valueOptions: ['set', 'lang', 'date'],
  async run(args, io) {
    const details = detailsOf(args, CUSTODY_DETAILS, 'a custody plan');
    const date = args.options.get('date');
    if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
    const day = typeof date === 'string' ? date : today();
    const folder = await loadFolder(args, io);
    const schema = folder.schema.schema;
    const ids = batchFiles(folder.root, schema.disposal.folder).map(([, text]) => readCustodyPlan(text)?.id ?? '');
    const id = nextBatchId('BG', day.slice(0, 4), ids);
    const text = custodyPlanText(id, [...recordIndexOf(folder).records()], schema, day, docLangOption(args, 'both'), details);
    const rel = `${schema.disposal.folder}/${id}.md`;
    try {
      writeFileInside(folder.root, rel, text);
    } catch (err) {
      if (!(err instanceof FileRefusal)) throw err;
      io.err(`records-curator custody-plan: ${refusalText(err, folder.lang === 'zh')}\n`);
      return 1;
    }
    io.out(`${say(folder.lang, '已写入', 'wrote')} ${printable(rel)} (${id})\n`);
    return 0;
  },
};
