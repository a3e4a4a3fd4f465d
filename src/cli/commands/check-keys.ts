/**
 * `check --keys DIR`: the folder's sealed values opened in memory with the key store and checked by the same
 * rules as plain ones; their findings join the folder's. Nothing opened is written anywhere.
 */
import type { CheckedFolder } from '../../core/check/folder';
import { indexOptions } from '../../core/index/scan';
import { sortItems, summarize } from '../../core/report/types';
import { checkSealedValues } from '../../core/seal/open-check';
import { readKeyRegistry } from '../../core/seal/registry';
import { openKeySession } from '../../core/seal/session';
import type { ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { custodianIdentities, openStore } from '../keys-access';
import { ageLibrary } from '../readers';

export async function withSealedFindings(folder: CheckedFolder, args: ParsedArgs, io: CliIo): Promise<CheckedFolder> {
  const zh = folder.lang === 'zh';
  const ids = custodianIdentities(args, io);
  const registry = readKeyRegistry(folder.root);
  for (const p of registry.problems) io.err(`${p}\n`);
  const session = await openKeySession(ageLibrary(), openStore(folder.root, args, io), registry, ids);
  if (session.missing.length)
    io.err(zh ? `密钥库中缺少这些客户的密钥：${session.missing.join('、')}\n` : `the key store lacks the keys of: ${session.missing.join(', ')}\n`);
  const result = await checkSealedValues({
    root: folder.root,
    files: folder.index.entries(),
    options: indexOptions({ root: folder.root, schema: folder.schema.schema, lang: folder.lang }),
    registry,
    open: (fp, v) => session.open(fp, v),
    openAny: (v) => session.openAny(v),
  });
  io.err(zh ? `已在内存中打开并检查 ${result.opened} 个加密值\n` : `opened and checked ${result.opened} sealed values in memory\n`);
  const items = sortItems([...folder.items, ...result.findings]);
  return { ...folder, items, summary: summarize(items, { folder: folder.root, records: folder.summary.records, files: folder.summary.files }) };
}
