import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { batchApprove } from './batch-approve';
import { batchAppraise } from './batch-appraise';
import { batchPullOut } from './batch-pull-out';
import { subArgs } from './batch-common';
import { batchCreate } from './batch-create';
import { batchExecute } from './batch-execute';

const USAGE = `Usage: records-curator batch create [folder] --due | --records ID... [options]
       records-curator batch appraise FILE [--set appraisers=NAME:ROLE,...] [--set appraised_at=DATE]
       records-curator batch approve FILE [--folder DIR]
       records-curator batch pull-out FILE [--folder DIR]
       records-curator batch execute FILE --yes [--folder DIR] [--keys DIR]

Destruction and transfer batches, with the same checks as the editor. A batch is a Markdown file under the
folder's disposal folder (disposal/XH-2026-001.md), reviewed in git like any record.

create   lists the records due for destruction (--due) or the records named (--records ID or path, until the
         next option) in a new draft batch; records on hold, within retention, with errors or already in a
         batch are left out, each with why.
           --kind destruction|transfer   default destruction
           --recipient NAME --contact C  a transfer's recipient and its contact (PIPL Art. 22)
           --set FIELD=VALUE             the batch's details, repeatable; lists comma-separated. A destruction:
                                         unit_head, archives_head, accounting_head, archives_handler,
                                         accounting_handler (会计档案管理办法 Art. 18), supervisors as
                                         NAME:ROLE (archives, accounting, it), method, place, scheduled_at,
                                         impact_assessment_ref. A transfer: approvers, impact_assessment_ref,
                                         handover_handler, recipient_handler, handover_supervisor,
                                         recipient_supervisor (Art. 24)
           --date YYYY-MM-DD             the day to judge retention by (default today)
appraise writes the appraisal opinion (鉴定意见书, Arts. 16–17) of a draft destruction batch into the disposal
         folder and names it in the batch's appraisal_ref; the appraisers sign it and set its status to final.
approve  approves a complete draft: for a destruction, the Art. 18 signatories and supervisors named and a signed
         opinion that covers every record and every record pulled out; for a transfer, an impact assessment
         and a notice for every person (PIPL Arts. 22, 31, 55). Every listed file and attachment is
         fingerprinted (SHA-256, and the git blob id of every version it ever had, for the purge check).
pull-out moves listed records now on hold into pulled_out with their hold_reason (Art. 19); the batch goes
         back to draft, to be appraised and approved again.
execute  without --yes: what it would do. With --yes: a destruction deletes the listed files and their
         attachments (or cuts single documents out of a YAML stream) and writes tombstones; a transfer, once
         every task is checked, marks the records transferred. All files change together, or none.
         A destruction whose method names crypto-erase then destroys its customers' keys in the key store
         given by --keys DIR (see records-curator keys destroy), or says how to.

Exit code: 0 done, 1 refused (the reasons are printed), 2 wrong usage.`;

export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'create, approve and execute destruction and transfer batches',
  usage: USAGE,
  maxPositionals: 2,
  valueOptions: ['kind', 'recipient', 'contact', 'set', 'date', 'lang', 'folder', 'git', 'keys'],
  listOptions: ['records'],
  flags: ['due', 'yes'],
  async run(args, io) {
    const sub = args.positionals[0];
    if (sub === 'create') return batchCreate(subArgs(args), io);
    if (sub === 'approve') return batchApprove(subArgs(args), io);
    if (sub === 'appraise') return batchAppraise(subArgs(args), io);
    if (sub === 'pull-out') return batchPullOut(subArgs(args), io);
    if (sub === 'execute') return batchExecute(subArgs(args), io);
    throw new UsageError(sub ? `unknown batch command '${sub}'` : 'batch create, appraise, approve, pull-out or execute?');
  },
};
