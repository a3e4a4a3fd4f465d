/** `batch pull-out FILE`: the listed records now on hold moved into `pulled_out` with their reason (Art. 19). */
import { planPullOut } from '../../core/disposal/pull-out';
import { applyEdits } from '../../core/fix/fixes';
import { applyChanges } from '../../core/io/changes';
import { printable } from '../../core/text/terminal';
import type { ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { docLangOption, refusalText } from '../load';
import { bytesOf, loadBatch, say } from './batch-common';

export async function batchPullOut(args: ParsedArgs, io: CliIo): Promise<number> {
  const b = await loadBatch(args, io);
  const lang = b.folder.lang;
  const plan = planPullOut(b.text, b.ctx, docLangOption(args, 'both'));
  if (!plan.ok) {
    const why = {
      'not-a-destruction': say(lang, '不是销毁批次', 'not a destruction batch'),
      executed: say(lang, '批次已执行，不能再更改', 'the batch is executed and does not change'),
      'nothing-on-hold': say(lang, '所列记录均未暂缓处置', 'no listed record is on hold'),
    }[plan.reason];
    io.err(`records-curator batch pull-out: ${why}\n`);
    return 1;
  }
  const result = applyChanges(b.folder.root, [{ path: b.rel, before: b.bytes, after: bytesOf(applyEdits(b.text, plan.edits), b.bom) }]);
  if (!result.ok) {
    io.err(`records-curator batch pull-out: ${refusalText(result.error, lang === 'zh')}\n`);
    return 1;
  }
  for (const m of plan.moved) io.out(`${say(lang, '已抽出', 'pulled out')}\t${printable(m.path)}\t${printable(m.reason)}\n`);
  io.out(
    say(
      lang,
      '批次已退回草稿：请更新鉴定意见书（batch appraise）并重新批准。\n',
      'the batch is a draft again: bring its appraisal opinion up to date (batch appraise) and approve it again.\n',
    ),
  );
  return 0;
}
