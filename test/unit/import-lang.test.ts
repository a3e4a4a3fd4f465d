import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFolder } from '../../src/core/check/folder';
import { readPdf } from '../../src/core/import/read-pdf';
import { prepareScanImport } from '../../src/core/import/scan-session';
import type { Lang } from '../../src/core/model/lang';
import { REPO, tempWorkspace } from './helpers';
import { mbox, message } from './mail-files';
import { pdf } from './scan-files';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const FIRST = message({ id: '1@huayuan.cn', subject: '合同续签', date: 'Fri, 01 Mar 2024 10:00:00 +0800', body: '您好。' });
const EVIL_REPLY = message({
  id: '2@huayuan.cn',
  subject: 'Re: 合同续签',
  date: 'Sat, 02 Mar 2024 09:30:00 +0800',
  body: '附件为合同。',
  attachment: '../../evil.pdf',
  replyTo: '1@huayuan.cn',
});
const REPLY = message({ id: '3@huayuan.cn', subject: 'Re: 合同续签', date: 'Sun, 03 Mar 2024 09:30:00 +0800', body: '收到。', replyTo: '1@huayuan.cn' });

const rejected = (stdout: string) => (JSON.parse(stdout) as { rejected: { reason: string }[] }).rejected.map((r) => r.reason);

describe('import messages speak the index language (--lang)', () => {
  test('mail per message: an attachment named ../../evil.pdf rejects its message, in English or in Chinese', () => {
    const root = tempWorkspace({ 'in/box.mbox': mbox(FIRST, EVIL_REPLY) });
    const expected: Record<Lang, string> = {
      en: 'message 2: the attachment name "../../evil.pdf" is not one plain file name; nothing of this message is imported',
      zh: '第 2 封邮件：附件名 "../../evil.pdf" 不是单纯的文件名；这封邮件的任何内容都不导入',
    };
    for (const lang of ['en', 'zh'] as const) {
      const r = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--lang', lang, '--format', 'json');
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(rejected(r.stdout), [expected[lang]]);
    }
    const text = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--lang', 'zh');
    assert.match(text.stdout, /第 2 封邮件：附件名 "\.\.\/\.\.\/evil\.pdf" 不是单纯的文件名/);
    assert.match(text.stdout, /^in\/box\.mbox: mbox，2 封邮件; 映射 \.records\/imports\/box\.yaml \(猜测\)$/m);
    assert.deepEqual(fs.readdirSync(root).sort(), ['in']);
  });

  test('mail per thread: the bad attachment rejects the thread; a new reply added later is noted, in the language asked', () => {
    const root = tempWorkspace({ 'in/box.mbox': mbox(FIRST, EVIL_REPLY) });
    const base = ['import', 'in/box.mbox', '--customer', '华远科技', '--per', 'thread'];
    const en = run(root, ...base, '--lang', 'en', '--format', 'json');
    assert.deepEqual(rejected(en.stdout), [
      'thread of message 1: the attachment name "../../evil.pdf" is not one plain file name; nothing of this thread is imported',
    ]);
    const zh = run(root, ...base, '--lang', 'zh', '--format', 'json');
    assert.deepEqual(rejected(zh.stdout), ['第 1 封邮件所在的会话：附件名 "../../evil.pdf" 不是单纯的文件名；这个会话的任何内容都不导入']);
    // A clean thread, imported; then a reply: the update's note is in the index's language.
    fs.writeFileSync(path.join(root, 'in/box.mbox'), mbox(FIRST));
    const w = run(root, ...base, '--write');
    assert.equal(w.status, 0, w.stdout + w.stderr);
    fs.writeFileSync(path.join(root, 'in/box.mbox'), mbox(FIRST, REPLY));
    assert.match(run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--lang', 'zh').stdout, /新增 1 封邮件/);
    assert.match(run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--lang', 'en').stdout, /1 message added/);
  });

  test('scans: one matching no record and one matching two records are rejected in English or in Chinese', async () => {
    const contract = (id: string, no: string) =>
      `---\nid: ${id}\ncategory: contract\ncustomer: 华远科技\ncustomer_type: organization\ntitle: 合同\ndate: 2024-03-01\ncontract_no: ${no}\nsigned_date: 2024-03-01\namount: "1.00"\n---\n`;
    const root = tempWorkspace({
      'c/HT-1.md': contract('HT-2024-001', 'HT-0001'),
      'c/HT-2.md': contract('HT-2024-002', 'HT-0001'),
      'inbox/HT-0001.pdf': await pdf(1),
      'inbox/HT-0099.pdf': await pdf(1),
    });
    const reasons = async (lang: Lang) => {
      const folder = await openFolder(root, lang);
      const r = await prepareScanImport({
        root,
        schema: folder.schema.schema,
        index: folder.index,
        folder: 'inbox',
        match: '{contract_no}.pdf',
        readPdf,
        lang,
      });
      assert.ok(r.ok, r.ok ? '' : r.message);
      return r.session.plan.rejected.map((x) => `${x.scan}: ${x.reason}`);
    };
    assert.deepEqual(await reasons('en'), [
      'inbox/HT-0001.pdf: matches 2 records (c/HT-1.md, c/HT-2.md); attached to none — make the pattern or the table tell them apart, or give the category (--category)',
      'inbox/HT-0099.pdf: matches no record: no record has the contract_no the name gives',
    ]);
    assert.deepEqual(await reasons('zh'), [
      'inbox/HT-0001.pdf: 匹配到 2 条记录（c/HT-1.md, c/HT-2.md）；未挂接到任何一条——请让文件名模式或对照表区分它们，或指定类别（--category）',
      'inbox/HT-0099.pdf: 没有匹配的记录：没有记录具有文件名给出的 contract_no',
    ]);
    // A pattern that names no field stops the import, said in Chinese; the pattern itself stays as written.
    const folder = await openFolder(root, 'zh');
    const bad = await prepareScanImport({ root, schema: folder.schema.schema, index: folder.index, folder: 'inbox', match: 'HT-*.pdf', readPdf, lang: 'zh' });
    assert.deepEqual(bad, {
      ok: false,
      message: '.records/imports/inbox.scans.yaml：match："HT-*.pdf" 没有指明字段：请写明，例如 {contract_no}*.pdf',
    });
  });

  test('a table: a header under a title row and a mapping that cannot be used are told in the language asked', () => {
    const csv = '客户台账\r\n客户名称,合同编号,签订日期,金额\r\n华远科技,HT-0001,2024-03-01,100.00\r\n';
    const root = tempWorkspace({ 'in/台账.csv': csv, 'bad.yaml': 'key: contract_no\nper: thread\ncolumns:\n  合同编号: contract_no\n' });
    const zh = run(root, 'import', 'in/台账.csv', '--category', 'contract', '--lang', 'zh');
    assert.match(zh.stdout, /表头在第 2 行；其上方的 1 行未导入/);
    assert.match(run(root, 'import', 'in/台账.csv', '--category', 'contract', '--lang', 'en').stdout, /the header is on line 2; 1 row above it not imported/);
    const bad = run(root, 'import', 'in/台账.csv', '--category', 'contract', '--map', 'bad.yaml', '--lang', 'zh');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout + bad.stderr, /per: 只用于邮件（\.eml、\.mbox）：表格每行导入为一条记录/);
  });

  test('every message table in src/core/import is typed Bilingual (so a missing zh does not compile) and has no empty text', () => {
    const dir = path.join(REPO, 'src/core/import');
    let tables = 0;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/^(?:export )?const (\w*MSG\w*) = \{$/gm)) {
        tables++;
        const end = src.indexOf('\n}', m.index);
        assert.match(src.slice(end, end + 45), /^\n\} satisfies Record<string, Bilingual>;/, `${f}: ${m[1]} is not typed Bilingual`);
        assert.doesNotMatch(src.slice(m.index, end), /\b(?:en|zh): ''/, `${f}: ${m[1]} has an empty text`);
      }
    }
    assert.ok(tables >= 3, `found ${tables} message tables`);
  });
});
