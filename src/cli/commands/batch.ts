import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { batchApprove } from './batch-approve';
import { subArgs } from './batch-common';
import { batchCreate } from './batch-create';
import { batchExecute } from './batch-execute';

const USAGE = `Usage: records-curator batch create [folder] --due | --records ID... [options]
       records-curator batch approve FILE [--folder DIR]
       records-curator batch execute FILE --yes [--folder DIR]

Destruction and transfer batches, with the same checks as the editor. A batch is a Markdown file under the
folder's disposal folder (disposal/XH-2026-001.md), reviewed in git like any record.

create   lists the records due for destruction (--due) or the records named (--records ID or path, until the
         next option) in a new draft batch; records on hold, within retention, with errors or already in a
         batch are left out, each with why.
           --kind destruction|transfer   default destruction
           --recipient NAME --contact C  a transfer's recipient and its contact (PIPL Art. 22)
           --set FIELD=VALUE             the batch's details, repeatable; lists comma-separated:
                                         approvers, supervisors, method, place, scheduled_at, appraisal_ref
                                         (a transfer: approvers, impact_assessment_ref)
           --date YYYY-MM-DD             the day to judge retention by (default today)
approve  approves a complete draft: every listed file and attachment fingerprinted (SHA-256, and the git blob
         id of every version it ever had, for the purge check afterwards).
execute  without --yes: what it would do. With --yes: a destruction deletes the listed files and their
         attachments (or cuts single documents out of a YAML stream) and writes tombstones; a transfer, once
         every task is checked, marks the records transferred. All files change together, or none.

Exit code: 0 done, 1 refused (the reasons are printed), 2 wrong usage.`;

export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'create, approve and execute destruction and transfer batches',
  usage: USAGE,
  maxPositionals: 2,
  valueOptions: ['kind', 'recipient', 'contact', 'set', 'date', 'lang', 'folder', 'git'],
  listOptions: ['records'],
  flags: ['due', 'yes'],
  async run(args, io) {
    const sub = args.positionals[0];
    if (sub === 'create') return batchCreate(subArgs(args), io);
    if (sub === 'approve') return batchApprove(subArgs(args), io);
    if (sub === 'execute') return batchExecute(subArgs(args), io);
    throw new UsageError(sub ? `unknown batch command '${sub}'` : 'batch create, approve or execute?');
  },
};
