/**
 * `batch appraise FILE`: the appraisal opinion (鉴定意见书) of a draft destruction batch, written as its own
 * document in the disposal folder and named in the batch's `appraisal_ref` (会计档案管理办法 Arts. 16–17).
 * A draft opinion of the batch is written anew (its records may have changed); a signed one is never replaced.
 */
import { findOpinion, opinionText, readOpinion } from '../../core/disposal/appraisal';
import { nextBatchId } from '../../core/disposal/document';
import { setFieldEdits, applyEdits } from '../../core/fix/fixes';
import { applyChanges, type FileChange } from '../../core/io/changes';
import { tryReadFileInside } from '../../core/io/safe-fs';
import { scalarText } from '../../core/model/records';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import { parseDate } from '../../core/values/checks';
import { UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { docLangOption, refusalText } from '../load';
import { bytesOf, detailsOf, loadBatch, say } from './batch-common';

export const APPRAISAL_DETAILS = ['appraised_at', 'appraisers', 'conclusion'];

export async function batchAppraise(args: ParsedArgs, io: CliIo): Promise<number> {
  const details = detailsOf(args, APPRAISAL_DETAILS, 'an appraisal opinion');
  if (typeof details.appraised_at === 'string' && !parseDate(details.appraised_at).ok) throw new UsageError('appraised_at must be a real date, YYYY-MM-DD');
  const b = await loadBatch(args, io);
  const lang = b.folder.lang;
  if (b.batch.kind !== 'destruction-batch' || b.batch.status !== 'draft') {
    io.err(say(lang, '只有销毁批次的草稿可以鉴定\n', 'only a draft destruction batch is appraised\n'));
    return 1;
  }
  const ref = scalarText(b.batch.data.appraisal_ref).trim();
  const existing = ref ? findOpinion(b.ctx, ref) : undefined;
  if (existing && existing.opinion.status === 'final') {
    io.err(
      say(
        lang,
        `鉴定意见书 ${printable(ref)} 已签署，不会被替换；如需重新鉴定，请清空批次的 appraisal_ref\n`,
        `appraisal opinion ${printable(ref)} is signed and is not replaced; to appraise again, empty the batch's appraisal_ref\n`,
      ),
    );
    return 1;
  }
  const day = today();
  const ids = (b.ctx.documents?.() ?? []).map((d) => readOpinion(d.text)?.id ?? '');
  const id = existing ? ref : nextBatchId('JD', day.slice(0, 4), ids);
  const text = opinionText(b.text, b.ctx, id, day, docLangOption(args, 'both'), details)!;
  const dir = b.folder.schema.schema.disposal.folder;
  const path = existing?.path ?? `${dir}/${id}.md`;
  const changes: FileChange[] = [{ path, before: existing ? (tryReadFileInside(b.folder.root, path) ?? null) : null, after: Buffer.from(text, 'utf8') }];
  if (ref !== id) {
    const batchText = applyEdits(b.text, setFieldEdits('batch.md', b.text, [{ record: 0, field: 'appraisal_ref', value: id }]));
    changes.push({ path: b.rel, before: b.bytes, after: bytesOf(batchText, b.bom) });
  }
  const result = applyChanges(b.folder.root, changes);
  if (!result.ok) {
    io.err(`records-curator batch appraise: ${refusalText(result.error, lang === 'zh')}\n`);
    return 1;
  }
  io.out(
    say(
      lang,
      `已写入 ${printable(path)}（${b.batch.items.length} 条记录）。鉴定人签署后将 status 改为 final，再批准批次。\n`,
      `wrote ${printable(path)} (${b.batch.items.length} records). Once the appraisers have signed, set its status to final, then approve the batch.\n`,
    ),
  );
  return 0;
}
