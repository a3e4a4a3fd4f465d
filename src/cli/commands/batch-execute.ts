import { executionStamp, planExecution } from '../../core/disposal/execute';
import { planTransferExecution } from '../../core/disposal/transfer';
import { applyEdits } from '../../core/fix/fixes';
import { prepareFieldChanges } from '../../core/fix/field-changes';
import { applyChanges, type FileChange } from '../../core/io/changes';
import { decodeRecordBytes } from '../../core/parse/decode';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import type { ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { refusalText } from '../load';
import { bytesOf, findingLines, loadBatch, say, type LoadedBatch } from './batch-common';
import { matchMethods } from '../../core/disposal/methods';
import { keysDirOf, keyStoreText } from '../keys-access';
import { loadFolder } from '../load';
import { eraseForBatch } from './keys';

export async function batchExecute(args: ParsedArgs, io: CliIo): Promise<number> {
  const b = await loadBatch(args, io);
  return b.batch.kind === 'transfer-batch' ? executeTransfer(b, args, io) : executeDestruction(b, args, io);
}

function apply(b: LoadedBatch, io: CliIo, changes: FileChange[]): boolean {
  const result = applyChanges(b.folder.root, changes);
  if (result.ok) return true;
  io.err(`records-curator batch execute: ${refusalText(result.error, b.folder.lang === 'zh')}\n`);
  if (result.unrestored.length)
    io.err(`${say(b.folder.lang, '以下文件未能恢复原状', 'these files could not be put back')}: ${result.unrestored.map(printable).join(', ')}\n`);
  return false;
}

async function executeDestruction(b: LoadedBatch, args: ParsedArgs, io: CliIo): Promise<number> {
  const lang = b.folder.lang;
  const planned = planExecution(b.text, b.ctx, today(), executionStamp());
  if (!planned.ok) {
    io.err(
      planned.reason === 'not-approved'
        ? say(lang, '只有已批准的销毁批次可以执行\n', 'only an approved destruction batch can be executed\n')
        : findingLines(b.rel, planned.findings) + say(lang, '批次有问题，未执行；未删除任何文件\n', 'the batch has problems; not executed, nothing deleted\n'),
    );
    return 1;
  }
  const plan = planned.plan;
  const lines = [
    ...plan.deleteFiles.map(
      (p) => `${say(lang, '删除', 'delete')}\t${printable(p)}${plan.attachments.includes(p) ? ` (${say(lang, '附件', 'attachment')})` : ''}`,
    ),
    ...[...plan.cutDocuments.keys()].map((p) => `${say(lang, '剪除文档', 'cut documents from')}\t${printable(p)}`),
  ];
  if (!args.options.has('yes')) {
    io.out(lines.join('\n') + '\n' + say(lang, '（试运行：加 --yes 执行销毁）\n', '(dry run: add --yes to destroy them)\n'));
    return 0;
  }
  // Every file is checked to be what was approved, then all are changed together, or none.
  const changes: FileChange[] = plan.deleteFiles.map((p) => ({ path: p, before: plan.before.get(p)!, after: null }));
  for (const [p, cuts] of plan.cutDocuments) {
    const before = plan.before.get(p)!;
    const decoded = decodeRecordBytes(before);
    if (!decoded.ok) {
      io.err(`records-curator batch execute: ${printable(p)} ${say(lang, '无法按 UTF-8 读取；未删除任何文件', 'cannot be read as UTF-8; nothing deleted')}\n`);
      return 1;
    }
    changes.push({ path: p, before, after: bytesOf(applyEdits(decoded.text, cuts), decoded.bom) });
  }
  changes.push({ path: b.rel, before: b.bytes, after: bytesOf(applyEdits(b.text, plan.batchEdits), b.bom) });
  if (!apply(b, io, changes)) return 1;
  io.out(lines.join('\n') + '\n');
  io.out(
    say(
      lang,
      `已执行 ${printable(b.rel)}：已删除 ${plan.deleteFiles.length} 个文件，已写入墓碑记录。\n删除工作区中的文件并不销毁 git 历史中的内容：请提交，然后运行 records-curator purge-check 与 records-curator purge。\n`,
      `executed ${printable(b.rel)}: ${plan.deleteFiles.length} files deleted, tombstones written.\nDeleting files does not destroy their content in git history: commit, then run records-curator purge-check and records-curator purge.\n`,
    ),
  );
  return cryptoErase(b, args, io);
}

/** A batch whose method names crypto-erase: the keys of its customers destroyed now (--keys DIR), or the step said. */
async function cryptoErase(b: LoadedBatch, args: ParsedArgs, io: CliIo): Promise<number> {
  if (!matchMethods(b.batch.data.method, b.folder.schema.schema).methods.some((m) => m.key === 'crypto-erase')) return 0;
  const lang = b.folder.lang;
  if (!keysDirOf(args, io)) {
    io.out(
      say(
        lang,
        `方式含加密擦除：销毁客户密钥请运行 records-curator keys destroy ALL --batch ${printable(b.rel)} --keys DIR\n`,
        `the method includes crypto-erase: destroy the customers' keys with records-curator keys destroy ALL --batch ${printable(b.rel)} --keys DIR\n`,
      ),
    );
    return 0;
  }
  // The folder as it is now, without the destroyed records: a customer with sealed records left keeps the key.
  const folder = await loadFolder({ ...args, positionals: [b.folder.root] }, io);
  try {
    return await eraseForBatch(folder, b.rel, undefined, args, io, lang === 'zh');
  } catch (err) {
    const text = keyStoreText(err, lang === 'zh');
    if (text === undefined) throw err;
    io.err(`records-curator batch execute: ${text}\n`);
    return 1;
  }
}

async function executeTransfer(b: LoadedBatch, args: ParsedArgs, io: CliIo): Promise<number> {
  const lang = b.folder.lang;
  const planned = planTransferExecution(b.text, b.ctx, executionStamp());
  if (!planned.ok) {
    if (planned.reason === 'not-approved') io.err(say(lang, '只有已批准的移交批次可以执行\n', 'only an approved transfer batch can be executed\n'));
    else if (planned.reason === 'tasks')
      io.err(
        planned.tasks.map((x) => `- [ ] ${printable(x)}\n`).join('') +
          say(lang, '移交与告知完成（各项打勾）后才能执行\n', 'execute once the hand-over and the notices are done (every task checked)\n'),
      );
    else io.err(findingLines(b.rel, planned.findings) + say(lang, '批次有问题，未执行\n', 'the batch has problems; not executed\n'));
    return 1;
  }
  const plan = planned.plan;
  if (!args.options.has('yes')) {
    io.out(
      [...plan.statuses.keys()].map((p) => `status: transferred\t${printable(p)}`).join('\n') +
        '\n' +
        say(lang, '（试运行：加 --yes 执行移交）\n', '(dry run: add --yes to execute the transfer)\n'),
    );
    return 0;
  }
  const prepared = prepareFieldChanges(b.folder.root, b.folder.scan.files, plan.statuses);
  if (!prepared.ok) {
    io.err(`records-curator batch execute: ${refusalText(prepared.refusal, lang === 'zh')}\n`);
    return 1;
  }
  const changes = [...prepared.changes, { path: b.rel, before: b.bytes, after: bytesOf(applyEdits(b.text, plan.batchEdits), b.bom) }];
  if (!apply(b, io, changes)) return 1;
  io.out(
    say(
      lang,
      `已执行移交 ${printable(b.rel)}：${plan.items.length} 条记录已标记为 transferred；本地副本在法定期限届满后应予销毁（个人信息保护法第四十七条）\n`,
      `executed ${printable(b.rel)}: ${plan.items.length} records are now transferred; the copies kept here are due for destruction once no legal period runs (PIPL Art. 47)\n`,
    ),
  );
  return 0;
}
