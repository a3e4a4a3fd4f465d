import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Execution } from '../../src/extension/features/disposal/execute';
import type { CreatedBatch } from '../../src/extension/features/disposal/commands';
import type { SealResult } from '../../src/extension/features/seal/types';
import type { RecordsCuratorApi } from '../../src/extension/extension';
import { activated, eventually, workspaceRoot } from './helpers';
import { ageOpens, customerIdentities, hoverText, keyStoreFor } from './seal-helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const uriOf = (rel: string) => vscode.Uri.file(abs(rel));
const ZHAO = 'customers/zhao-min/basic/contact.md';
const QIAN = 'customers/qian-wei/basic/contact.md';
const KEYS = '.records/keys.yaml';
const PHONE = '13912345678';
const ID = '360426199101010071';

/** A record past its retention (D3 from 2018), with comments beside two of its values. */
const ZHAO_TEXT = [
  '---',
  'id: JB-2018-901',
  'category: basic',
  'customer: 赵敏',
  'customer_type: person',
  'title: "联系方式 / Contact details – Zhao Min" # 旧档',
  'date: 2018-03-01',
  'contact_person: 赵敏',
  `phone: "${PHONE}" # 本人手机`,
  `id_number: ${ID}`,
  'address: 北京市海淀区中关村大街1号',
  'status: archived',
  'retention: D3',
  'archive_no: Z109-WS·2018-D3-JB-0901',
  'archived_by: 陈晨',
  'archived_at: 2018-12-20',
  'contains_pi: true',
  'custodian: 陈晨',
  '---',
  '',
  '赵敏的联系方式。',
  '',
].join('\n');

/** An ID number whose check digit is wrong (…0021 for …002X): plain, a finding; sealed, one only the key finds. */
const QIAN_TEXT = [
  '---',
  'id: JB-2026-902',
  'category: basic',
  'customer: 钱伟',
  'customer_type: person',
  'title: 联系方式',
  'date: 2026-03-01',
  'contact_person: 钱伟',
  'phone: "13800001111"',
  'id_number: "110105194912310021"',
  'contains_pi: true',
  '---',
  '',
].join('\n');

const sealedValue = (text: string, field: string) => new RegExp(`^${field}: "?(age:[A-Za-z0-9+/=]+)`, 'm').exec(text)?.[1];
const plainHover = (s: string) => s.replace(/&nbsp;/g, ' ').replace(/\\/g, '');

async function api(): Promise<RecordsCuratorApi> {
  const a = await activated();
  await a.services.index.whenReady();
  return a;
}

const codes = (rel: string) => vscode.languages.getDiagnostics(uriOf(rel)).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

/** Replaces a document's whole text as a person would in the editor, and saves it. */
async function edit(uri: vscode.Uri, change: (text: string) => string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const e = new vscode.WorkspaceEdit();
  e.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), change(doc.getText()));
  assert.ok(await vscode.workspace.applyEdit(e));
  assert.ok(await doc.save());
}

async function saveAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file') assert.ok(await d.save(), `${d.uri.fsPath} saved`);
}

suite('sealed values in the editor (issue 21)', () => {
  let keys: ReturnType<typeof keyStoreFor>;
  const created: string[] = [];

  suiteSetup(async () => {
    const a = await api();
    for (const [rel, text] of [
      [ZHAO, ZHAO_TEXT],
      [QIAN, QIAN_TEXT],
    ]) {
      fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
      fs.writeFileSync(abs(rel), text);
    }
    // The key store as a person makes it: two custodians' identities from age-keygen, then `keys init`.
    keys = keyStoreFor(root());
    await vscode.workspace.getConfiguration('recordsCurator').update('keyStore', keys.store, vscode.ConfigurationTarget.Global);
    const folder = a.services.index.all()[0];
    await eventually(() => folder.index.get(ZHAO) && folder.index.get(QIAN), 'the two records indexed');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('recordsCurator.lockKeyStore');
    await saveAll();
    // The erasure statement opens as an untitled document: closed without saving.
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isUntitled)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Deleted through the workbench, not behind its back: an editor's model of a deleted batch would otherwise
    // stay, and a later suite's new batch of the same name (XH-YYYY-001) would open that stale text.
    const remove = new vscode.WorkspaceEdit();
    for (const rel of ['customers/zhao-min', 'customers/qian-wei', KEYS, ...created])
      if (fs.existsSync(abs(rel))) remove.deleteFile(uriOf(rel), { recursive: true, ignoreIfNotExists: true });
    assert.ok(await vscode.workspace.applyEdit(remove));
    if (fs.existsSync(abs('disposal')) && !fs.readdirSync(abs('disposal')).length) fs.rmdirSync(abs('disposal'));
    await vscode.workspace.getConfiguration('recordsCurator').update('keyStore', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(keys.dir, { recursive: true, force: true });
    const a = await api();
    const folder = a.services.index.all()[0];
    await eventually(() => !folder.index.get(ZHAO) && !folder.index.get(QIAN), 'the test records gone');
    // Without .records/keys.yaml the folder no longer seals: no plain-sensitive finding is left for later suites.
    await eventually(
      () => ![...folder.index.entries()].some((e) => e.findings.some((f) => f.code === 'plain-sensitive')),
      'plain-sensitive gone with the registry',
    );
  });

  test('once the folder seals, a plain sensitive value is a finding with the quick fix "Seal"; it seals that value alone, and one Undo restores', async () => {
    const uri = uriOf(ZHAO);
    // keys init made .records/keys.yaml: the index is rebuilt, and every plain sensitive value is now a finding.
    await eventually(() => codes(ZHAO).filter((c) => c === 'plain-sensitive').length === 3, 'plain-sensitive on phone, id_number and address');
    const editor = await vscode.window.showTextDocument(uri);
    const keysDoc = await vscode.workspace.openTextDocument(uriOf(KEYS));
    const keysBefore = keysDoc.getText();
    const d = vscode.languages.getDiagnostics(uri).find((x) => x.range.start.line === 8 && /plain text/.test(x.message))!;
    assert.ok(d, 'the finding is on the phone line');
    assert.ok(!d.message.includes(PHONE), 'the finding does not quote the value (it goes to the cache and logs)');
    // The workbench learns of the diagnostics a moment after the extension publishes them.
    const seal = await eventually(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
      return actions.find((a) => a.title === 'Seal phone' && a.command);
    }, 'the quick fix "Seal phone"');
    assert.ok(seal.command);
    const r = await vscode.commands.executeCommand<SealResult>(seal.command.command, ...(seal.command.arguments ?? []));
    assert.deepStrictEqual(r, { sealed: 1, refused: 0, files: 1, applied: true });
    const text = editor.document.getText();
    const phone = sealedValue(text, 'phone');
    assert.ok(phone, text);
    assert.strictEqual(text, ZHAO_TEXT.replace(`phone: "${PHONE}"`, `phone: "${phone}"`), 'only the value changed; its comment stays');
    assert.match(keysDoc.getText(), /赵敏:\n {4}recipient: age1/, 'the new key is registered in the same edit');
    assert.strictEqual(fs.readdirSync(path.join(keys.store, 'keys')).length, 1, "the customer's key file, written for the custodians");
    await eventually(() => codes(ZHAO).filter((c) => c === 'plain-sensitive').length === 2, 'the phone finding gone');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), ZHAO_TEXT);
    assert.strictEqual(keysDoc.getText(), keysBefore, 'the registry too, in the same step');
  });

  test('Seal Sensitive Fields on the current record: one edit, only its values; they open with the standard age command', async () => {
    const editor = await vscode.window.showTextDocument(uriOf(ZHAO));
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const r = await vscode.commands.executeCommand<SealResult>('recordsCurator.sealFields', undefined, undefined, { preview: false });
    assert.deepStrictEqual(r, { sealed: 3, refused: 0, files: 1, applied: true });
    const text = editor.document.getText();
    const v = { phone: sealedValue(text, 'phone')!, id: sealedValue(text, 'id_number')!, address: sealedValue(text, 'address')! };
    assert.strictEqual(
      text,
      ZHAO_TEXT.replace(`phone: "${PHONE}"`, `phone: "${v.phone}"`)
        .replace(`id_number: ${ID}`, `id_number: ${v.id}`)
        .replace('address: 北京市海淀区中关村大街1号', `address: ${v.address}`),
    );
    await saveAll();
    const onDisk = fs.readFileSync(abs(ZHAO), 'utf8');
    assert.ok(!onDisk.includes(PHONE) && !onDisk.includes(ID), 'no plain value left in the file');
    // A custodian opens the customer's key file with `age -d`, then the values with the customer's identity.
    const ids = customerIdentities(keys.store, keys.alice.file, keys.dir);
    console.log(
      fs.readFileSync(abs(KEYS), 'utf8'),
      ids.map((f) => fs.readFileSync(f, 'utf8')),
      text,
    );
    assert.strictEqual(ageOpens(v.phone, ids), PHONE);
    assert.strictEqual(ageOpens(v.id, ids), ID);
    assert.strictEqual(ageOpens(v.address, ids), '北京市海淀区中关村大街1号');
  });

  test("the Explorer's Seal on a file; unlocked, sealed values are checked in memory (a wrong check digit, masked), and Lock clears that", async () => {
    const a = await api();
    const folder = a.services.index.all()[0];
    await eventually(() => folder.index.findings(QIAN).some((f) => f.code === 'invalid-id-number'), 'the plain ID number found wrong');
    const r = await vscode.commands.executeCommand<SealResult>('recordsCurator.sealFields', uriOf(QIAN), [uriOf(QIAN)], { preview: false });
    assert.deepStrictEqual(r, { sealed: 2, refused: 0, files: 1, applied: true });
    await saveAll();
    await eventually(() => !folder.index.findings(QIAN).some((f) => /invalid-id-number|plain-sensitive/.test(f.code)), 'sealed: no key, no check');
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.unlockKeyStore', { identityFile: keys.bob.file }), true);
    const found = await eventually(
      () => vscode.languages.getDiagnostics(uriOf(QIAN)).find((d) => typeof d.code === 'object' && d.code.value === 'invalid-id-number'),
      'the check digit checked in memory',
    );
    assert.ok(!found.message.includes('110105194912310021'), found.message);
    assert.match(found.message, /110\*{11}0021/);
    assert.match(found.message, /sealed; opened in memory/);
    await vscode.commands.executeCommand('recordsCurator.lockKeyStore');
    await eventually(() => !codes(QIAN).includes('invalid-id-number'), 'gone once the store is locked');
  });

  test('Seal Sensitive Fields on a selection in the Records view: only those records', async () => {
    const a = await api();
    const folder = a.services.index.all()[0];
    const second = 'customers/qian-wei/basic/second.md';
    // Created and saved in VS Code, as a person does it: the save reaches the index at once, where a file
    // written from outside waits on the file watcher (seen half a minute late under load).
    const created = new vscode.WorkspaceEdit();
    created.createFile(vscode.Uri.file(abs(second)));
    created.insert(
      vscode.Uri.file(abs(second)),
      new vscode.Position(0, 0),
      QIAN_TEXT.replace('JB-2026-902', 'JB-2026-904').replace('13800001111', '13800002222'),
    );
    assert.ok(await vscode.workspace.applyEdit(created));
    assert.ok(await (await vscode.workspace.openTextDocument(vscode.Uri.file(abs(second)))).save());
    const record = await eventually(() => folder.index.get(second)?.records[0], 'the second record indexed');
    const keyFiles = () => fs.readdirSync(path.join(keys.store, 'keys')).length;
    const before = keyFiles();
    // The view coalesces changes: read it settled, as a person sees it.
    const node = await eventually(async () => {
      await a.recordsTree!.refresh();
      return a.recordsTree!.nodeFor(folder, record);
    }, 'the record in the Records view');
    const r = await vscode.commands.executeCommand<SealResult>('recordsCurator.sealFields', node, [node], { preview: false });
    assert.deepStrictEqual(r, { sealed: 2, refused: 0, files: 1, applied: true });
    await saveAll();
    const text = fs.readFileSync(abs(second), 'utf8');
    assert.ok(sealedValue(text, 'phone') && sealedValue(text, 'id_number'), text);
    // 钱伟 has a key already: sealed to it, no new key made.
    assert.strictEqual(keyFiles(), before);
    const ids = customerIdentities(keys.store, keys.alice.file, keys.dir);
    assert.strictEqual(ageOpens(sealedValue(text, 'phone')!, ids), '13800002222');
    const removed = new vscode.WorkspaceEdit();
    removed.deleteFile(vscode.Uri.file(abs(second)));
    assert.ok(await vscode.workspace.applyEdit(removed));
    await eventually(() => !folder.index.get(second), 'the second record gone');
  });

  test('the hover on a sealed value: locked, it says so; unlocked, masked, and whole only when asked; Unseal for Viewing gives it masked', async () => {
    const uri = uriOf(ZHAO);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('phone: "age:') + 12);
    const locked = plainHover(await hoverText(uri, at));
    assert.match(locked, /Sealed.*phone · 赵敏/s);
    assert.match(locked, /The key store is locked\..*command:recordsCurator\.unlockKeyStore/s);
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.unlockKeyStore', { identityFile: keys.alice.file }), true);
    const masked = plainHover(await hoverText(uri, at));
    assert.match(masked, /139\*\*\*\*5678/);
    assert.ok(!masked.includes(PHONE), masked);
    const link = /command:recordsCurator\.showSealedValue\?([^)\s]+)/.exec(await hoverText(uri, at))?.[1];
    assert.ok(link, masked);
    const args = JSON.parse(decodeURIComponent(link)) as [string, number];
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.showSealedValue', ...args), true);
    assert.ok(plainHover(await hoverText(uri, at)).includes(PHONE), 'the whole value, asked for');
    const shown = await vscode.commands.executeCommand<string>('recordsCurator.unsealForViewing', uri, { field: 'id_number' });
    assert.strictEqual(shown, '360***********0071');
    // Opened values are in memory only: not in the file, the registry, the key store or the index cache.
    const folder = (await api()).services.index.all()[0];
    await folder.saveCache();
    const cache = folder.cacheFile && fs.existsSync(folder.cacheFile) ? fs.readFileSync(folder.cacheFile, 'utf8') : '';
    for (const [what, text] of [
      ['the index cache', cache],
      [ZHAO, fs.readFileSync(abs(ZHAO), 'utf8')],
      [KEYS, fs.readFileSync(abs(KEYS), 'utf8')],
    ]) {
      assert.ok(!text.includes(PHONE) && !text.includes(ID), `${what}: ${text.slice(Math.max(0, text.indexOf(PHONE) - 300), text.indexOf(PHONE) + 100)}`);
    }
  });

  test('crypto-erase through a destruction batch: its key gone from the store, a tombstone in the registry, the values open nowhere', async () => {
    const a = await api();
    const phone = sealedValue(fs.readFileSync(abs(ZHAO), 'utf8'), 'phone')!;
    const qianPhone = sealedValue(fs.readFileSync(abs(QIAN), 'utf8'), 'phone')!;
    const registryOf = () => (parse(fs.readFileSync(abs(KEYS), 'utf8')) as { customers: Record<string, Record<string, string>> }).customers;
    const fingerprint = registryOf()['赵敏'].fingerprint;
    assert.ok(registryOf()['赵敏'].recipient);
    assert.ok(fs.existsSync(path.join(keys.store, `keys/${fingerprint}.age`)));
    await a.disposalTree!.refresh();
    const node = await eventually(
      () =>
        a
          .disposalTree!.groups()
          .get('due')
          ?.find((n) => n.kind === 'record' && n.record.file === ZHAO),
      'the record due for destruction',
    );
    const batch = await vscode.commands.executeCommand<CreatedBatch>('recordsCurator.createDestructionBatch', node, [node]);
    assert.strictEqual(batch.items, 1, JSON.stringify(batch.excluded));
    const batchUri = batch.uri!;
    created.push(path.relative(root(), batchUri.fsPath));
    await edit(batchUri, (t) =>
      t
        .replace('unit_head: ""', 'unit_head: "总经理 王强"')
        .replace('archives_head: ""', 'archives_head: "李档案"')
        .replace('archives_handler: ""', 'archives_handler: "陈晨"')
        .replace('supervisors: []', 'supervisors: [{ name: 李档案, role: archives }, { name: 赵工, role: it }]')
        .replace('method: ""', 'method: crypto-erase')
        .replace('place: ""', 'place: 档案室 Archive room')
        .replace('scheduled_at: ""', 'scheduled_at: 2026-12-01T10:00+08:00')
        .replace(/- \[ \]/g, '- [x]'),
    );
    const opinion = await vscode.commands.executeCommand<string>('recordsCurator.appraiseBatch', batchUri, {
      appraisers: ['李档案:archives', '周审计:audit'],
      appraised_at: '2026-11-20',
    });
    created.push(opinion);
    await edit(uriOf(opinion), (t) => t.replace(/^status: draft/m, 'status: final'));
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), true);
    // Approved is not executed: the key is still there.
    assert.ok(fs.existsSync(path.join(keys.store, `keys/${fingerprint}.age`)));
    const result = await vscode.commands.executeCommand<Execution>('recordsCurator.executeDestruction', batchUri, { confirm: false });
    assert.deepStrictEqual(result.deleted, [ZHAO]);
    assert.deepStrictEqual(result.erasure?.erased, ['赵敏']);
    assert.ok(!fs.existsSync(path.join(keys.store, `keys/${fingerprint}.age`)), 'the key file overwritten and deleted');
    const tombstone = registryOf()['赵敏'];
    assert.deepStrictEqual(Object.keys(tombstone).sort(), ['batch', 'created', 'destroyed', 'fingerprint']);
    assert.strictEqual(tombstone.fingerprint, fingerprint);
    assert.match(tombstone.batch, /^disposal\/XH-\d{4}-\d{3}\.md$/);
    assert.match(registryOf()['钱伟'].recipient, /^age1/, 'the other customer keeps theirs');
    const statement = result.erasure!.statement!.getText();
    assert.match(statement, new RegExp(`赵敏 \\| \`${fingerprint}\` \\| ${keys.store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: absent`));
    // Every key left in the store, opened by a custodian: none opens 赵敏's value; 钱伟's still opens.
    const ids = customerIdentities(keys.store, keys.bob.file, keys.dir);
    assert.ok(ids.length >= 1);
    assert.strictEqual(ageOpens(phone, ids), undefined);
    assert.strictEqual(ageOpens(qianPhone, ids), '13800001111');
    // A copy of the value (a clone, a backup) no longer opens in the editor either, even with the store unlocked.
    const copy = 'customers/qian-wei/basic/copied.md';
    fs.writeFileSync(abs(copy), ZHAO_TEXT.replace(/^id: .*$/m, 'id: JB-2018-903').replace(`phone: "${PHONE}"`, `phone: "${phone}"`));
    const doc = await vscode.workspace.openTextDocument(uriOf(copy));
    const hover = plainHover(await hoverText(doc.uri, doc.positionAt(doc.getText().indexOf('phone: "age:') + 12)));
    assert.match(hover, /赵敏's key was destroyed on \S+ \(crypto-erased\)/);
  });
});
