import { planApproval } from '../../core/disposal/approve';
import { applyEdits } from '../../core/fix/fixes';
import { applyChanges } from '../../core/io/changes';
import { takeFingerprints } from '../../core/git/fingerprints';
import { executionStamp } from '../../core/disposal/execute';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import type { ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { refusalText } from '../load';
import { bytesOf, findingLines, gitOf, loadBatch, say } from './batch-common';

export async function batchApprove(args: ParsedArgs, io: CliIo): Promise<number> {
  const b = await loadBatch(args, io);
  const lang = b.folder.lang;
  if (b.batch.status !== 'draft') {
    io.err(
      say(
        lang,
        `${printable(b.rel)} 不是草稿（status: ${String(b.batch.data.status)}），只有草稿可以批准\n`,
        `${printable(b.rel)} is not a draft (status: ${String(b.batch.data.status)}); only a draft can be approved\n`,
      ),
    );
    return 1;
  }
  let fingerprints;
  let notes: { en: string; zh: string }[] = [];
  // Everything a person must do first is said before git history is read (which takes time).
  const first = planApproval(b.text, b.ctx, today());
  if (b.batch.kind === 'destruction-batch' && !first.ok && first.reason === 'fingerprints') {
    const git = await gitOf(args, b.folder.root);
    io.err(
      say(
        lang,
        git ? '正在读取 git 历史，为每个文件的每个版本取指纹…\n' : '文件夹不在 git 仓库中：只记录 SHA-256\n',
        git ? 'reading git history to fingerprint every version of every file…\n' : 'the folder is not in a git repository: SHA-256 only\n',
      ),
    );
    const taken = await takeFingerprints(git, b.batch, b.ctx, executionStamp());
    fingerprints = taken.fingerprints;
    notes = taken.notes;
  }
  const plan = fingerprints ? planApproval(b.text, b.ctx, today(), fingerprints) : first;
  if (!plan.ok) {
    const list = (xs: readonly { zh: string; en: string }[]) => xs.map((x) => `- ${printable(say(lang, x.zh, x.en))}\n`).join('');
    if (plan.reason === 'incomplete') io.err(list(plan.missing) + say(lang, '批准前请填写以上各项\n', 'fill these in before approving\n'));
    else if (plan.reason === 'appraisal')
      io.err(
        list(plan.problems) +
          say(
            lang,
            '没有有效的鉴定意见书，未批准（会计档案管理办法第十六条）\n',
            'no valid appraisal opinion; not approved (Accounting Archives Measures Art. 16)\n',
          ),
      );
    else if (plan.reason === 'notices')
      io.err(
        list(plan.problems) +
          say(lang, '告知名单不完整，未批准（个人信息保护法第二十二、三十一条）\n', 'the notice list is incomplete; not approved (PIPL Arts. 22, 31)\n'),
      );
    else if (plan.reason === 'entries')
      io.err(findingLines(b.rel, plan.findings) + say(lang, '批次有问题，未批准\n', 'the batch has problems; not approved\n'));
    else io.err(say(lang, '只有草稿可以批准\n', 'only a draft can be approved\n'));
    return 1;
  }
  const after = applyEdits(b.text, plan.edits);
  const result = applyChanges(b.folder.root, [{ path: b.rel, before: b.bytes, after: bytesOf(after, b.bom) }]);
  if (!result.ok) {
    io.err(`records-curator batch approve: ${refusalText(result.error, lang === 'zh')}\n`);
    return 1;
  }
  for (const n of notes) io.err(`${say(lang, '注意', 'note')}: ${printable(say(lang, n.zh, n.en))}\n`);
  const files = fingerprints?.files ?? [];
  const attachments = files.filter((f) => f.role === 'attachment').length;
  const blobs = new Set(files.flatMap((f) => f.blobs)).size;
  io.out(
    say(
      lang,
      `已批准 ${printable(b.rel)}：${b.batch.items.length} 条记录${fingerprints ? `、${attachments} 个附件，记录了 ${blobs} 个 git blob id` : ''}\n`,
      `approved ${printable(b.rel)}: ${b.batch.items.length} records${fingerprints ? `, ${attachments} attachments, ${blobs} git blob ids recorded` : ''}\n`,
    ),
  );
  return 0;
}
