import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkFolder, openFolder } from '../../src/core/check/folder';
import { applyEdits } from '../../src/core/fix/text-edit';
import { applyChanges } from '../../src/core/io/changes';
import { exportCsv, exportJson } from '../../src/core/export/index-export';
import { maskPersonal } from '../../src/core/labels/model';
import { indexOptions } from '../../src/core/index/scan';
import * as age from '../../src/core/seal/age';
import {
  createCustomerKey,
  destroyCustomerKey,
  initKeyStore,
  KeyStoreError,
  openKeyStore,
  readCustomerIdentity,
  writeCustomerKey,
} from '../../src/core/seal/key-store';
import { checkSealedValues } from '../../src/core/seal/open-check';
import { planSeal } from '../../src/core/seal/plan';
import { fingerprintOf, readKeyRegistry, registryChange, type CustomerKey } from '../../src/core/seal/registry';
import { readSealed, SEALED_PREFIX } from '../../src/core/values/sealed';
import { tempWorkspace } from './helpers';

const ageBin = spawnSync('age', ['--version'], { encoding: 'utf8' }).status === 0;

function outside(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-keys-'));
  return d;
}

const basic = (id: string, customer: string, extra: string, eol = '\n') =>
  [
    '---',
    `id: ${id}`,
    'category: basic',
    `customer: ${customer}`,
    'customer_type: person',
    `title: 基本信息 # 注释`,
    'date: 2026-03-01',
    'contact_person: 李四',
    extra,
    '---',
    'Body.',
    '',
  ].join(eol);

async function custodians() {
  const a = await age.newIdentity();
  const b = await age.newIdentity();
  return {
    a,
    b,
    list: [
      { name: '王会计', recipient: a.recipient },
      { name: 'Liu', recipient: b.recipient },
    ],
  };
}

/** A workspace with a key store outside it and keys for the customers given. */
async function sealingWorkspace(files: Record<string, string>, customers: string[]) {
  const root = tempWorkspace(files);
  const dir = path.join(outside(), 'store');
  const c = await custodians();
  const store = initKeyStore(root, dir, c.list, []);
  const keys: CustomerKey[] = [];
  for (const customer of customers) keys.push({ customer, ...(await createCustomerKey(age, store, customer)), created: '2026-12-02' });
  const reg = readKeyRegistry(root);
  assert.ok(applyChanges(root, [registryChange(reg, keys)]).ok);
  return { root, store, custodian: c.a.identity, other: c.b.identity };
}

async function seal(root: string) {
  const f = await openFolder(root, 'en');
  const reg = readKeyRegistry(root);
  return planSeal({ root, files: f.index.entries(), schema: f.schema.schema, keyOf: async (c) => reg.customers.get(c), seal: age.sealValue });
}

describe('sealing sensitive values', () => {
  test('seal keeps every byte outside the values, CRLF and comments included, and the front matter valid YAML', async () => {
    const crlf = basic('JB-1', '张伟', 'phone: "13912345678"\r\nid_number: 11010519491231002X\r\naddress: 北京市朝阳区 # 旧址', '\r\n');
    const { root } = await sealingWorkspace({ 'a.md': crlf }, ['张伟']);
    const plan = await seal(root);
    assert.equal(plan.sealed.length, 3, JSON.stringify(plan.refused));
    assert.ok(applyChanges(root, plan.changes).ok);
    const after = fs.readFileSync(path.join(root, 'a.md'), 'utf8');
    const front = after.split('\r\n---\r\n')[0].slice(5);
    const data = parse(front) as Record<string, string>;
    for (const k of ['phone', 'id_number', 'address']) assert.ok(data[k].startsWith(SEALED_PREFIX) && readSealed(data[k]).ok, k);
    assert.equal(data.title, '基本信息');
    // Outside the three values, the text is the same: strip them from both and compare.
    const strip = (t: string) => t.replace(/(phone|id_number|address): ("[^"]*"|[^ \r\n]+)/g, '$1: V');
    assert.equal(strip(after), strip(crlf));
    assert.ok(!after.replace(/\r\n/g, '').includes('\n'), 'no lone LF was written');
    assert.match(after, /address: age:\S+ # 旧址\r\n/);
    assert.match(after, /phone: "age:[^"]+"\r\n/);
  });

  test('a sealed value decrypts with the standard age command and the customer identity', async (t) => {
    if (!ageBin) return t.skip('the age command is not installed (test/harness/install-tools.sh installs it)');
    const { root, store, custodian } = await sealingWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"') }, ['张伟']);
    const plan = await seal(root);
    assert.ok(applyChanges(root, plan.changes).ok);
    const value = (parse(fs.readFileSync(path.join(root, 'a.md'), 'utf8').split('---')[1]) as { phone: string }).phone;
    const fp = readKeyRegistry(root).customers.get('张伟')!.fingerprint;
    const tmp = outside();
    fs.writeFileSync(path.join(tmp, 'custodian.key'), custodian + '\n', { mode: 0o600 });
    // The key file opens with a custodian's identity, the value with the customer's: both with `age -d`.
    const id = spawnSync('age', ['-d', '-i', path.join(tmp, 'custodian.key'), path.join(store.dir, `keys/${fp}.age`)], { encoding: 'utf8' });
    assert.equal(id.status, 0, id.stderr);
    fs.writeFileSync(path.join(tmp, 'customer.key'), id.stdout, { mode: 0o600 });
    const out = spawnSync('age', ['-d', '-i', path.join(tmp, 'customer.key')], { input: Buffer.from(value.slice(4), 'base64') });
    assert.equal(out.status, 0, String(out.stderr));
    assert.equal(out.stdout.toString('utf8'), '13912345678');
    // And the other way: a value age itself encrypted to the recipient opens in the tool.
    const recipient = readKeyRegistry(root).customers.get('张伟')!.recipient!;
    const enc = spawnSync('age', ['-r', recipient], { input: '110105194912310021' });
    assert.equal(enc.status, 0);
    const opened = await age.openValue(
      [await readCustomerIdentity(age, store, fp, [custodian]).then((x) => x!)],
      SEALED_PREFIX + enc.stdout.toString('base64'),
    );
    assert.deepEqual(opened, { ok: true, value: '110105194912310021' });
  });

  // phone is required for basic records (the built-in schema): sealed, it is still there.
  test('without keys a sealed required field counts as present; a plain sensitive value is a finding; a cut value is damaged', async () => {
    const { root } = await sealingWorkspace(
      {
        'a.md': basic('JB-1', '张伟', 'phone: "13912345678"\nid_number: 11010519491231002X'),
      },
      ['张伟'],
    );
    const before = await checkFolder(root, 'en');
    const codes = before.items.map((i) => i.finding.code);
    assert.equal(codes.filter((c) => c === 'plain-sensitive').length, 2, codes.join());
    const plan = await seal(root);
    assert.ok(applyChanges(root, plan.changes).ok);
    const sealed = await checkFolder(root, 'en');
    const after = sealed.items.map((i) => i.finding.code);
    assert.ok(!codes.includes('missing-field'), codes.join());
    assert.ok(
      !after.includes('plain-sensitive') && !after.includes('missing-field') && !after.includes('invalid-phone') && !after.includes('pi-id-number'),
      after.join(),
    );
    // Cut the sealed phone short, as a bad paste would.
    const text = fs.readFileSync(path.join(root, 'a.md'), 'utf8');
    fs.writeFileSync(path.join(root, 'a.md'), text.replace(/(phone: "age:[A-Za-z0-9+/]{40})[^"]*"/, '$1"'));
    const damaged = await checkFolder(root, 'en');
    const f = damaged.items.find((i) => i.finding.code === 'sealed-invalid');
    assert.ok(f, damaged.items.map((i) => i.finding.code).join());
    assert.match(f.finding.message, /phone.*no key can open it/);
  });

  test('with keys: formats are checked in memory, a tampered or copied value is a clear finding, not a crash', async () => {
    const { root, store, custodian } = await sealingWorkspace(
      { 'a.md': basic('JB-1', '张伟', 'id_number: "110105194912310020"'), 'b.md': basic('JB-2', '李娜', 'phone: "13912345678"') },
      ['张伟', '李娜'],
    );
    const plan = await seal(root);
    assert.ok(applyChanges(root, plan.changes).ok);
    const reg = readKeyRegistry(root);
    const ids = new Map<string, string>();
    for (const k of reg.customers.values()) ids.set(k.fingerprint, (await readCustomerIdentity(age, store, k.fingerprint, [custodian]))!);
    const run = async () => {
      const f = await openFolder(root, 'en');
      return checkSealedValues({
        root,
        files: f.index.entries(),
        options: indexOptions({ root, schema: f.schema.schema, lang: 'en' }),
        registry: reg,
        open: async (fp, v) => (ids.has(fp) ? age.openValue([ids.get(fp)!], v) : undefined),
        openAny: async (v) => {
          for (const k of reg.customers.values()) if ((await age.openValue([ids.get(k.fingerprint)!], v)).ok) return k.customer;
          return undefined;
        },
      });
    };
    const first = await run();
    assert.equal(first.opened, 2);
    const bad = first.findings.find((x) => x.finding.code === 'invalid-id-number');
    assert.ok(bad, JSON.stringify(first.findings));
    assert.ok(!bad.finding.message.includes('110105194912310020') && /110\*+0020/.test(bad.finding.message), bad.finding.message);
    // Tamper with one base64 character inside the payload, and copy 张伟's value into 李娜's record.
    const a = fs.readFileSync(path.join(root, 'a.md'), 'utf8');
    const value = /id_number: "(age:[^"]+)"/.exec(a)![1];
    const flipped = value.slice(0, -8) + (value.at(-8) === 'A' ? 'B' : 'A') + value.slice(-7);
    fs.writeFileSync(path.join(root, 'a.md'), a.replace(value, flipped));
    fs.writeFileSync(path.join(root, 'b.md'), fs.readFileSync(path.join(root, 'b.md'), 'utf8').replace(/phone: "[^"]+"/, `phone: "${value}"`));
    const second = await run();
    const codes = second.findings.map((x) => `${x.path}:${x.finding.code}`);
    assert.ok(codes.includes('a.md:sealed-tampered'), codes.join());
    assert.ok(codes.includes('b.md:sealed-wrong-key'), codes.join());
    assert.match(second.findings.find((x) => x.path === 'b.md')!.finding.message, /张伟's key, not 李娜's/);
  });

  test('the key store: refused inside the workspace or its repository, and it needs two custodians', async () => {
    const root = tempWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"') });
    fs.mkdirSync(path.join(root, '.git'));
    const c = await custodians();
    assert.throws(
      () => initKeyStore(root, path.join(root, 'secrets'), c.list, []),
      (e: Error) => e instanceof KeyStoreError && /inside the repository/.test(e.message),
    );
    assert.throws(() => initKeyStore(path.join(root, '.records'), path.join(root, 'keys'), c.list, []), /inside the repository/);
    assert.throws(() => openKeyStore(root, root), /inside the repository/);
    const dir = path.join(outside(), 's');
    assert.throws(() => initKeyStore(root, dir, c.list.slice(0, 1), []), /at least 2 custodians/);
    assert.ok(!fs.existsSync(path.join(dir, 'store.yaml')));
    // A link inside the workspace that points out is still inside: the real path is what counts.
    const real = path.join(outside(), 'real');
    fs.mkdirSync(real);
    fs.symlinkSync(real, path.join(root, 'linked'));
    assert.ok(initKeyStore(root, path.join(root, 'linked'), c.list, []).dir === fs.realpathSync(real));
    fs.mkdirSync(path.join(outside(), 'x'));
    const linkToInside = path.join(outside(), 'to-inside');
    fs.symlinkSync(path.join(root, '.records-keys'), linkToInside);
    fs.mkdirSync(path.join(root, '.records-keys'));
    assert.throws(() => initKeyStore(root, linkToInside, c.list, []), /inside the repository/);
  });

  test('a destroyed key is overwritten and gone; a backup that still holds it is said', async () => {
    const { root, store, custodian } = await sealingWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"') }, ['张伟']);
    const fp = readKeyRegistry(root).customers.get('张伟')!.fingerprint;
    const backup = outside();
    fs.mkdirSync(path.join(backup, 'keys'));
    fs.copyFileSync(path.join(store.dir, `keys/${fp}.age`), path.join(backup, `keys/${fp}.age`));
    store.backups.push(backup);
    assert.ok(await readCustomerIdentity(age, store, fp, [custodian]));
    const absence = destroyCustomerKey(store, fp);
    assert.deepEqual(
      absence.map((a) => a.absent),
      [true, false],
    );
    assert.equal(await readCustomerIdentity(age, store, fp, [custodian]), undefined);
    assert.equal(fingerprintOf(readKeyRegistry(root).customers.get('张伟')!.recipient!), fp);
  });
});

describe('sealed values leave the tool as "sealed"', () => {
  test('the CSV and JSON exports and the labels show a sealed value as sealed, never its ciphertext', async () => {
    const { root } = await sealingWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"') }, ['张伟']);
    assert.ok(applyChanges(root, (await seal(root)).changes).ok);
    const f = await openFolder(root, 'en');
    const records = [...f.index.records()];
    const csv = await exportCsv(records, f.schema.schema, 'en');
    const json = await exportJson(records);
    for (const out of [csv, json]) assert.ok(!out.includes('age:') && !out.includes('13912345678'), out);
    assert.match(csv, /\[sealed\]/);
    assert.equal((JSON.parse(json) as { fields: { phone: string } }[])[0].fields.phone, 'sealed');
    assert.equal(maskPersonal(records[0].data!.phone as string), '［已加密］ [sealed]');
  });
});

describe('sealing: Chinese keys, YAML streams, custodians', () => {
  test('a record with Chinese keys and a YAML stream of two customers: each value sealed to its own customer, keys as written', async () => {
    const stream = [
      'id: JB-1',
      'category: basic',
      '客户: 张伟',
      'customer_type: person',
      'title: 甲',
      'date: 2026-03-01',
      '联系人: 李四',
      '手机: 13912345678   # 本人',
      '---',
      'id: JB-2',
      'category: basic',
      'customer: 李娜',
      'customer_type: person',
      'title: 乙',
      'date: 2026-03-01',
      'contact_person: 王五',
      'phone: 13800001111',
      '',
    ].join('\n');
    const { root, store, custodian } = await sealingWorkspace({ 'people.yaml': stream }, ['张伟', '李娜']);
    const plan = await seal(root);
    assert.deepEqual(
      plan.sealed.map((s) => [s.key, s.customer]),
      [
        ['手机', '张伟'],
        ['phone', '李娜'],
      ],
    );
    assert.ok(applyChanges(root, plan.changes).ok);
    const after = fs.readFileSync(path.join(root, 'people.yaml'), 'utf8');
    assert.match(after, /\n手机: age:\S+   # 本人\n/);
    const reg = readKeyRegistry(root);
    const open = async (customer: string, v: string) =>
      age.openValue([(await readCustomerIdentity(age, store, reg.customers.get(customer)!.fingerprint, [custodian]))!], v);
    const [zw, ln] = [...after.matchAll(/(?:手机|phone): (age:\S+)/g)].map((m) => m[1]);
    assert.deepEqual(await open('张伟', zw), { ok: true, value: '13912345678' });
    assert.deepEqual(await open('李娜', ln), { ok: true, value: '13800001111' });
    assert.deepEqual(await open('李娜', zw), { ok: false, reason: 'key' });
  });

  test('one custodian lost: the other still opens every key; a store naming no custodian is refused, not read', async () => {
    const { root, store, other } = await sealingWorkspace({}, ['张伟']);
    const fp = readKeyRegistry(root).customers.get('张伟')!.fingerprint;
    assert.match((await readCustomerIdentity(age, store, fp, [other]))!, /^AGE-SECRET-KEY-1/);
    await assert.rejects(
      readCustomerIdentity(age, store, fp, [(await age.newIdentity()).identity]),
      (e: Error) => e instanceof KeyStoreError && /does not open/.test(e.message),
    );
    fs.writeFileSync(path.join(store.dir, 'store.yaml'), 'custodians: []\n');
    assert.throws(() => openKeyStore(root, store.dir), /names no custodian/);
    fs.rmSync(path.join(store.dir, 'store.yaml'));
    assert.throws(() => openKeyStore(root, store.dir), /no key store at .* \(no store\.yaml\)/);
  });
});

describe('sealing from an editor: unsaved text, one value, keys made in memory', () => {
  test('a customer with no key is asked for once, however many values: every value seals to the one key that is kept', async () => {
    const root = tempWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"\nid_number: 11010519491231002X\naddress: 北京市朝阳区') });
    const f = await openFolder(root, 'en');
    const made: age.AgeIdentity[] = [];
    const plan = await planSeal({
      root,
      files: f.index.entries(),
      schema: f.schema.schema,
      async keyOf(customer) {
        // As the editor does: a fresh identity in memory for each ask.
        const id = await age.newIdentity();
        made.push(id);
        return { customer, recipient: id.recipient, fingerprint: fingerprintOf(id.recipient), created: '2026-12-02' };
      },
      seal: age.sealValue,
    });
    assert.equal(plan.sealed.length, 3);
    assert.equal(made.length, 1, 'asked once for 张伟');
    const text = Buffer.from(plan.changes[0].after!).toString('utf8');
    for (const m of text.matchAll(/(?:phone|id_number|address): "?(age:[^"\n]+)/g))
      assert.equal((await age.openValue([made[0].identity], m[1])).ok, true, 'opens with the one identity made');
  });

  test("an editor's unsaved text is sealed as it stands, and only the value asked for; the edits make exactly the text planned", async () => {
    const { root } = await sealingWorkspace({ 'a.md': basic('JB-1', '张伟', 'phone: "13912345678"') }, ['张伟']);
    const f = await openFolder(root, 'en');
    const reg = readKeyRegistry(root);
    // Typed in the editor, not saved: a second value, and a comment.
    const unsaved = basic('JB-1', '张伟', 'phone: "13912345678" # 手机\nid_number: 11010519491231002X');
    const plan = await planSeal({
      root,
      files: f.index.entries(),
      schema: f.schema.schema,
      keyOf: async (c) => reg.customers.get(c),
      seal: age.sealValue,
      textOf: (p) => (p === 'a.md' ? unsaved : undefined),
      only: (p, r, field) => p === 'a.md' && r === 0 && field === 'id_number',
    });
    assert.deepEqual(
      plan.sealed.map((s) => s.field),
      ['id_number'],
    );
    assert.deepEqual(plan.changed, [], 'no size and time compared for a text given');
    const [change] = plan.changes;
    const after = Buffer.from(change.after!).toString('utf8');
    assert.equal(applyEdits(unsaved, change.edits), after);
    assert.match(after, /phone: "13912345678" # 手机\nid_number: age:\S+\n/);
  });

  test('the key file of an identity made earlier is written for the custodians, and never over another', async () => {
    const { root, store, custodian } = await sealingWorkspace({}, []);
    const id = await age.newIdentity();
    const { fingerprint } = await writeCustomerKey(age, store, id, 'customer 张伟');
    assert.equal(await readCustomerIdentity(age, store, fingerprint, [custodian]), id.identity);
    await assert.rejects(writeCustomerKey(age, store, id, 'again'));
    assert.equal(await readCustomerIdentity(age, store, fingerprint, [custodian]), id.identity, 'the first file stands');
    assert.ok(root);
  });

  test("the open-check reads an editor's unsaved text when given it", async () => {
    const { root, store, custodian } = await sealingWorkspace({ 'a.md': basic('JB-1', '张伟', 'id_number: "11010519491231002X"') }, ['张伟']);
    assert.ok(applyChanges(root, (await seal(root)).changes).ok);
    const reg = readKeyRegistry(root);
    const id = (await readCustomerIdentity(age, store, reg.customers.get('张伟')!.fingerprint, [custodian]))!;
    const wrong = await age.sealValue(reg.customers.get('张伟')!.recipient!, '110105194912310021');
    const unsaved = fs.readFileSync(path.join(root, 'a.md'), 'utf8').replace(/id_number: \S+/, `id_number: ${wrong}`);
    const f = await openFolder(root, 'en');
    const run = (textOf?: (p: string) => string | undefined) =>
      checkSealedValues({
        root,
        files: f.index.entries(),
        options: indexOptions({ root, schema: f.schema.schema, lang: 'en' }),
        registry: reg,
        open: async (_fp, v) => age.openValue([id], v),
        textOf,
      });
    assert.deepEqual((await run()).findings, [], 'the saved value is right');
    const codes = (await run((p) => (p === 'a.md' ? unsaved : undefined))).findings.map((x) => x.finding.code);
    assert.deepEqual(codes, ['invalid-id-number']);
  });
});
