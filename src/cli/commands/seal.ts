import { applyChanges } from '../../core/io/changes';
import { today } from '../../core/retention/dates';
import { createCustomerKey } from '../../core/seal/key-store';
import { planSeal, SEAL_REFUSAL_TEXT } from '../../core/seal/plan';
import { readKeyRegistry, registryChange, type CustomerKey } from '../../core/seal/registry';
import { bi } from '../../core/text/bilingual';
import { printable } from '../../core/text/terminal';
import type { CliCommand } from '../command';
import { keysDirOf, keyStoreText, openStore } from '../keys-access';
import { loadFolder, refusalText } from '../load';
import { ageLibrary } from '../readers';

const USAGE = `Usage: records-curator seal [folder] [--write] [--keys DIR] [--lang en|zh]

Seals every plain value of a field the schema marks sensitive: the value becomes "age:" and the base64 of an
age file encrypted to the record's customer's recipient (.records/keys.yaml), one line, the rest of the file
byte for byte as it was. Without --write it lists what it would seal. Masked values (138****1234) are left.

  --write      write the sealed values (all files or none, each read back first)
  --keys DIR   the key store (or RECORDS_CURATOR_KEYS): customers with no key get one, written for the
               custodians; without it such values are listed and left plain

Sealing needs no private key. Open a value with: records-curator unseal FILE --field NAME, or with the
standard age command: printf %s "\${VALUE#age:}" | base64 -d | age -d -i customer.key
Exit code: 0 done, 1 something could not be sealed or written, 2 wrong usage.`;

export const sealCommand: CliCommand = {
  name: 'seal',
  summary: "seal (encrypt) sensitive values to each customer's key (dry run unless --write)",
  usage: USAGE,
  valueOptions: ['lang', 'keys'],
  flags: ['write'],
  async run(args, io) {
    const folder = await loadFolder(args, io);
    const zh = folder.lang === 'zh';
    const write = args.options.has('write');
    let age: ReturnType<typeof ageLibrary>;
    try {
      age = ageLibrary();
    } catch (err) {
      const text = keyStoreText(err, zh);
      if (text === undefined) throw err;
      io.err(`records-curator seal: ${text}\n`);
      return 1;
    }
    const registry = readKeyRegistry(folder.root);
    for (const p of registry.problems) io.err(`${printable(p)}\n`);
    const store = keysDirOf(args, io) ? openStoreOrSay() : undefined;
    function openStoreOrSay() {
      try {
        return openStore(folder.root, args, io);
      } catch (err) {
        const text = keyStoreText(err, zh);
        if (text === undefined) throw err;
        io.err(`records-curator seal: ${text}\n`);
        return null;
      }
    }
    if (store === null) return 1;
    const keys = new Map(registry.customers);
    const made: CustomerKey[] = [];
    const plan = await planSeal({
      root: folder.root,
      files: folder.index.entries(),
      schema: folder.schema.schema,
      async keyOf(customer) {
        const known = keys.get(customer);
        if (known || !store) return known;
        // A dry run seals to a key that is thrown away: it shows what --write would do, and writes no key.
        const fresh = write
          ? await createCustomerKey(age, store, `customer ${customer}`)
          : { recipient: (await age.newIdentity()).recipient, fingerprint: '(new)' };
        const key: CustomerKey = { customer, ...fresh, created: today() };
        keys.set(customer, key);
        made.push(key);
        return key;
      },
      seal: age.sealValue,
    });
    for (const p of plan.changed) io.err(`${printable(p)}\t${zh ? '索引后已修改，本次未加密' : 'changed since it was read; not sealed this time'}\n`);
    for (const r of plan.refused)
      io.err(
        `${printable(`${r.path}:${r.line + 1}`)}\t${printable(r.key)}\t${zh ? '未加密' : 'not sealed'}: ${bi(folder.lang, SEAL_REFUSAL_TEXT[r.reason])}\n`,
      );
    if (write && plan.changes.length) {
      const changes = [...plan.changes, ...(made.length ? [registryChange(registry, keys.values())] : [])];
      const result = applyChanges(folder.root, changes);
      if (!result.ok) {
        io.err(`records-curator seal: ${refusalText(result.error, zh)}\n`);
        return 1;
      }
    }
    for (const t of plan.sealed) io.out(`${printable(`${t.path}:${t.line + 1}`)}\t${printable(t.key)}\t${printable(t.customer ?? '')}\n`);
    for (const k of made)
      io.out(
        zh
          ? `${write ? '新密钥' : '将生成密钥'}：${printable(k.customer)} ${k.fingerprint}\n`
          : `${write ? 'new key' : 'would make a key'}: ${printable(k.customer)} ${k.fingerprint}\n`,
      );
    const n = plan.sealed.length;
    io.out(
      zh
        ? `${write ? '已加密' : '将加密'} ${n} 个值，涉及 ${plan.changes.length} 个文件；${plan.refused.length} 个未能加密${write || !n ? '' : '（加 --write 写入）'}\n`
        : `${write ? 'sealed' : 'would seal'} ${n} values in ${plan.changes.length} files; ${plan.refused.length} not sealed${write || !n ? '' : ' (add --write to write them)'}\n`,
    );
    return plan.refused.length || plan.changed.length ? 1 : 0;
  },
};
