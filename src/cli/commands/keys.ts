import * as fs from 'fs';
import * as path from 'path';
import { findBatchFiles } from '../../core/disposal/files';
import { planCryptoErase, eraseKeys, erasureStatement, ERASE_REFUSAL_TEXT } from '../../core/disposal/crypto-erase';
import { plainVersions } from '../../core/git/sealed-history';
import { isGitRepo } from '../../core/git/run';
import { applyChanges } from '../../core/io/changes';
import { readFileInside, writeOutputFile } from '../../core/io/safe-fs';
import { today } from '../../core/retention/dates';
import { addCustodian, initKeyStore, keyFile, type Custodian } from '../../core/seal/key-store';
import { KEYS_PATH, readKeyRegistry, registryChange } from '../../core/seal/registry';
import { bi } from '../../core/text/bilingual';
import { printable, printableLines } from '../../core/text/terminal';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { custodianIdentities, keysDirOf, keyStoreText, needKeysDir, openStore } from '../keys-access';
import { cliLang, loadFolder, refusalText, type LoadedFolder } from '../load';
import { ageLibrary } from '../readers';

const USAGE = `Usage: records-curator keys init [folder] --keys DIR --custodian NAME=age1... --custodian NAME=age1... [--backup DIR]...
       records-curator keys add-custodian [folder] --keys DIR --custodian NAME=age1... --identity FILE
       records-curator keys list [folder] [--keys DIR]
       records-curator keys destroy CUSTOMER [folder] --batch FILE --keys DIR [--out FILE] [--git PATH]

The customers' sealing keys. The key store (--keys DIR, or RECORDS_CURATOR_KEYS) is a folder OUTSIDE the
repository — one inside it is refused — holding each customer's age identity in a file encrypted to the
custodians' age recipients (make one with age-keygen; keep it yourself). The repository holds only the
public recipients, in .records/keys.yaml.

init           creates the key store for at least two custodians, and .records/keys.yaml (the workspace then
               reports plain sensitive values: plain-sensitive). --backup names a folder that holds a copy of
               the store: a destroyed key is verified absent there too.
add-custodian  adds a custodian: every key file is opened with --identity (a present custodian's) and
               encrypted again to all of them.
list           the customers' keys: fingerprint, created, destroyed; with --keys, whether the store holds it.
destroy        crypto-erasure: only for a customer of an EXECUTED destruction batch (--batch FILE) whose method
               names crypto-erase. The key file is overwritten and deleted, .records/keys.yaml keeps a tombstone
               (fingerprint, date, batch), and a statement says what was verified: the key absent from the
               store and each backup, and whether any version in git history still holds the customer's values
               in plain text (then the history purge is still required). Use ALL for every customer the batch
               lists. --out FILE writes the statement (Markdown).

Exit code: 0 done (destroy: every check passed), 1 refused or something remains, 2 wrong usage.`;

function custodiansOf(args: ParsedArgs): Custodian[] {
  return (args.values.get('custodian') ?? []).map((v) => {
    const m = /^([^=]+)=(\S+)$/.exec(v);
    if (!m) throw new UsageError(`--custodian must be NAME=age1…, not ${JSON.stringify(v)}`);
    return { name: m[1].trim(), recipient: m[2] };
  });
}

async function folderOf(args: ParsedArgs, io: CliIo, at: number) {
  return loadFolder({ ...args, positionals: args.positionals.slice(at, at + 1) }, io);
}

async function run(args: ParsedArgs, io: CliIo): Promise<number> {
  const sub = args.positionals[0];
  const zh = cliLang(args) === 'zh';
  if (sub === 'init') {
    const folder = await folderOf(args, io, 1);
    const backups = (args.values.get('backup') ?? []).map((b) => path.resolve(io.cwd, b));
    const store = initKeyStore(folder.root, needKeysDir(args, io), custodiansOf(args), backups);
    const registry = readKeyRegistry(folder.root);
    if (!registry.bytes) {
      const r = applyChanges(folder.root, [registryChange(registry, [])]);
      if (!r.ok) throw r.error;
    }
    io.out(
      zh
        ? `已创建密钥库 ${printable(store.dir)}（${store.custodians.length} 位保管人）和 ${KEYS_PATH}\n`
        : `made the key store ${printable(store.dir)} (${store.custodians.length} custodians) and ${KEYS_PATH}\n`,
    );
    return 0;
  }
  if (sub === 'add-custodian') {
    const folder = await folderOf(args, io, 1);
    const [custodian, more] = custodiansOf(args);
    if (!custodian || more) throw new UsageError('add-custodian takes one --custodian NAME=age1…');
    const ids = custodianIdentities(args, io);
    const n = await addCustodian(ageLibrary(), openStore(folder.root, args, io), custodian, ids);
    io.out(
      zh
        ? `已添加保管人 ${printable(custodian.name)}；${n} 个密钥文件已重新加密\n`
        : `added custodian ${printable(custodian.name)}; ${n} key files encrypted again\n`,
    );
    return 0;
  }
  if (sub === 'list') {
    const folder = await folderOf(args, io, 1);
    const registry = readKeyRegistry(folder.root);
    for (const p of registry.problems) io.err(`${printable(p)}\n`);
    const store = keysDirOf(args, io) ? openStore(folder.root, args, io) : undefined;
    for (const k of registry.customers.values()) {
      const held = store ? (fs.existsSync(path.join(store.dir, keyFile(k.fingerprint))) ? 'in store' : 'NOT IN STORE') : '';
      const state = k.destroyed ? `destroyed ${k.destroyed} (${k.batch ?? ''})` : held;
      io.out(`${printable(k.customer)}\t${k.fingerprint}\t${k.created}\t${printable(state)}\n`);
    }
    if (store) io.out(`custodians: ${store.custodians.map((c) => printable(c.name)).join(', ')}\n`);
    return registry.problems.length ? 1 : 0;
  }
  if (sub === 'destroy') return destroy(args, io, zh);
  throw new UsageError('keys needs init, add-custodian, list or destroy');
}

async function destroy(args: ParsedArgs, io: CliIo, zh: boolean): Promise<number> {
  const customer = args.positionals[1];
  if (customer === undefined) throw new UsageError('keys destroy needs the CUSTOMER (or ALL)');
  const b = args.options.get('batch');
  // A key is destroyed by an executed batch and nothing else: the decision is the batch's, reviewed and signed.
  if (typeof b !== 'string') throw new UsageError('keys destroy needs --batch FILE: an executed destruction batch with method crypto-erase');
  const folder = await folderOf(args, io, 2);
  const batchPath = path.relative(fs.realpathSync(folder.root), path.resolve(io.cwd, b)).split(path.sep).join('/');
  if (!findBatchFiles(folder.root, folder.schema.schema.disposal.folder).includes(batchPath))
    throw new UsageError(`${batchPath} is not a batch file under ${folder.schema.schema.disposal.folder}/`);
  return eraseForBatch(folder, batchPath, customer === 'ALL' ? undefined : customer, args, io, zh);
}

/** Crypto-erasure of an executed batch's customers (`customer`: only that one): `keys destroy`, and `batch execute --keys`. */
export async function eraseForBatch(
  folder: LoadedFolder,
  batchPath: string,
  customer: string | undefined,
  args: ParsedArgs,
  io: CliIo,
  zh: boolean,
): Promise<number> {
  const batchText = readFileInside(folder.root, batchPath)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const registry = readKeyRegistry(folder.root);
  const records = [...folder.index.entries()].flatMap((e) => e.records);
  const plan = planCryptoErase(batchText, folder.schema.schema, registry, records, customer);
  if (!plan.ok) {
    const why = {
      'not-a-batch': { en: 'is not a destruction batch', zh: '不是销毁批次' },
      'not-executed': {
        en: 'is not executed: a key is destroyed only after the batch is (batch execute)',
        zh: '尚未执行：批次执行后才能销毁密钥（batch execute）',
      },
      'not-crypto-erase': { en: 'does not name crypto-erase under method:', zh: '的 method: 中没有 crypto-erase' },
      'no-customer': { en: `lists no customer ${customer ?? ''}`, zh: `中没有客户 ${customer ?? ''}` },
    }[plan.reason];
    io.err(`records-curator keys destroy: ${printable(batchPath)} ${bi(zh ? 'zh' : 'en', why)}\n`);
    return 1;
  }
  for (const r of plan.refused) io.err(`${printable(r.customer)}: ${bi(zh ? 'zh' : 'en', ERASE_REFUSAL_TEXT[r.reason])}\n`);
  if (!plan.targets.length) return 1;
  const store = openStore(folder.root, args, io);
  const { erased, change } = eraseKeys(store, registry, plan.targets, batchPath, today());
  const written = applyChanges(folder.root, [change]);
  if (!written.ok) io.err(`records-curator keys destroy: ${refusalText(written.error, zh)}\n`);
  const g = args.options.get('git');
  const git = typeof g === 'string' ? g : 'git';
  const inGit = await isGitRepo(git, folder.root);
  const plain = inGit ? await plainVersions(git, folder.root, batchPath, folder.schema.schema, new Set(erased.map((e) => e.customer))) : undefined;
  const statement = erasureStatement({ batchPath, batchId: plan.batchId, today: today(), erased, refused: plan.refused, plain });
  const out = args.options.get('out');
  if (typeof out === 'string') writeOutputFile(path.resolve(io.cwd, out), statement.text, { overwrite: args.options.has('force') });
  io.out(printableLines(statement.text));
  return statement.complete && written.ok ? 0 : 1;
}

export const keysCommand: CliCommand = {
  name: 'keys',
  summary: "the customers' sealing keys: init, add-custodian, list, destroy (crypto-erasure by an executed batch)",
  usage: USAGE,
  valueOptions: ['keys', 'lang', 'batch', 'out', 'git'],
  listOptions: ['custodian', 'backup', 'identity'],
  flags: ['force'],
  maxPositionals: 3,
  async run(args, io) {
    try {
      return await run(args, io);
    } catch (err) {
      const text = keyStoreText(err, cliLang(args) === 'zh');
      if (text === undefined) throw err;
      io.err(`records-curator keys: ${text}\n`);
      return 1;
    }
  },
};
