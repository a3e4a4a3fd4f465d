import * as fs from 'fs';
import * as path from 'path';
import { readFileInside } from '../../core/io/safe-fs';
import { recordKind } from '../../core/model/records';
import { decodeRecordBytes } from '../../core/parse/decode';
import { parseRecordText } from '../../core/parse/record-file';
import { readKeyRegistry } from '../../core/seal/registry';
import { openKeySession } from '../../core/seal/session';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import { printable } from '../../core/text/terminal';
import { isSealed, maskValue, readSealed, SEALED_PROBLEM_TEXT } from '../../core/values/sealed';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { custodianIdentities, keyStoreText, openStore } from '../keys-access';
import { cliLang, refusalText } from '../load';
import { ageLibrary } from '../readers';

const USAGE = `Usage: records-curator unseal FILE --field NAME [--full] [--record N] [--folder DIR] --keys DIR --identity FILE

Opens one sealed value of the record FILE in memory and prints it masked (139****5678); --full prints it
whole. Nothing is written: not the file, not a cache. The customer's key comes from the key store (--keys
DIR or RECORDS_CURATOR_KEYS), opened with a custodian's age identity (--identity FILE or
RECORDS_CURATOR_IDENTITY).

  --field NAME   the field, by its schema name or as the file writes it (手机)
  --record N     the document of a YAML stream (default 0)
  --folder DIR   the workspace (default: the current folder)

Exit code: 0 opened, 1 it does not open (no key, a wrong key, a changed value), 2 wrong usage.`;

export const unsealCommand: CliCommand = {
  name: 'unseal',
  summary: 'open one sealed value in memory and print it, masked unless --full',
  usage: USAGE,
  valueOptions: ['field', 'record', 'folder', 'keys', 'lang'],
  listOptions: ['identity'],
  flags: ['full'],
  async run(args, io) {
    const lang = cliLang(args);
    const zh = lang === 'zh';
    const file = args.positionals[0];
    const name = args.options.get('field');
    if (file === undefined) throw new UsageError('unseal needs the record FILE');
    if (typeof name !== 'string') throw new UsageError('unseal needs --field NAME');
    const f = args.options.get('folder');
    const root = path.resolve(io.cwd, typeof f === 'string' ? f : '.');
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`${root} is not a folder`);
    const rel = path.relative(fs.realpathSync(root), path.resolve(io.cwd, file)).split(path.sep).join('/');
    const r = args.options.get('record');
    const index = typeof r === 'string' && /^\d+$/.test(r) ? Number(r) : r === undefined ? 0 : NaN;
    if (Number.isNaN(index)) throw new UsageError('--record needs a whole number');
    const ids = custodianIdentities(args, io);
    let bytes: Buffer;
    try {
      bytes = readFileInside(root, rel);
    } catch (err) {
      io.err(`records-curator unseal: ${refusalText(err, zh)}\n`);
      return 1;
    }
    const decoded = decodeRecordBytes(bytes);
    if (!decoded.ok) {
      io.err(`records-curator unseal: ${printable(rel)} ${zh ? '不是 UTF-8 文本' : 'is not UTF-8 text'}\n`);
      return 1;
    }
    const { schema } = readWorkspaceSchema(root);
    const record = parseRecordText(decoded.text, recordKind(rel) ?? 'markdown', { aliases: schema.aliases }).records.find((x) => x.index === index);
    const field = schema.aliases.keys.get(name) ?? name;
    const value = record?.data?.[field];
    if (!isSealed(value)) {
      io.err(`records-curator unseal: ${printable(`${rel} ${name}`)} ${zh ? '不是加密值' : 'is not a sealed value'}\n`);
      return 1;
    }
    const form = readSealed(value);
    if (!form.ok) {
      io.err(`records-curator unseal: ${printable(name)} ${SEALED_PROBLEM_TEXT[form.reason][zh ? 'zh' : 'en']}\n`);
      return 1;
    }
    const customer = typeof record?.data?.customer === 'string' ? record.data.customer : '';
    const registry = readKeyRegistry(root);
    const key = registry.customers.get(customer);
    if (!key || key.destroyed) {
      const why = key?.destroyed
        ? zh
          ? `${customer} 的密钥已于 ${key.destroyed} 销毁（加密擦除）`
          : `${customer}'s key was destroyed on ${key.destroyed} (crypto-erased)`
        : zh
          ? `.records/keys.yaml 中没有 ${customer} 的密钥`
          : `${customer} has no key in .records/keys.yaml`;
      io.err(`records-curator unseal: ${printable(why)}\n`);
      return 1;
    }
    try {
      const session = await openKeySession(ageLibrary(), openStore(root, args, io), { ...registry, customers: new Map([[customer, key]]) }, ids);
      const opened = await session.open(key.fingerprint, value);
      if (!opened?.ok) {
        const why = !opened
          ? zh
            ? `密钥库中没有 ${customer} 的密钥（${key.fingerprint}）`
            : `the key store has no key ${key.fingerprint} for ${customer}`
          : opened.reason === 'damaged'
            ? zh
              ? '加密值在加密后被改动（认证失败）'
              : 'the sealed value was changed after sealing (its authentication fails)'
            : zh
              ? `不是用 ${customer} 的密钥加密的`
              : `it is not sealed to ${customer}'s key`;
        io.err(`records-curator unseal: ${printable(why)}\n`);
        return 1;
      }
      io.out(`${printable(args.options.has('full') ? opened.value : maskValue(opened.value))}\n`);
      return 0;
    } catch (err) {
      const text = keyStoreText(err, zh);
      if (text === undefined) throw err;
      io.err(`records-curator unseal: ${text}\n`);
      return 1;
    }
  },
};
