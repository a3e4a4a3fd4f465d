import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeAttachmentName, splitMbox } from '../../src/core/import/mail';
import { REPO, tempWorkspace } from './helpers';
import { mbox, message } from './mail-files';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const FIRST = message({
  id: '1@huayuan.cn',
  subject: '合同续签',
  date: 'Fri, 01 Mar 2024 10:00:00 +0800',
  body: '王总您好：\nFrom now on we agree.\n附件为盖章合同。',
  attachment: '合同.pdf',
});
const REPLY = message({
  id: '2@huayuan.cn',
  subject: 'Re: 合同续签',
  date: 'Sat, 02 Mar 2024 09:30:00 +0800',
  body: '收到，谢谢。手机 13812345678',
  replyTo: '1@huayuan.cn',
});
const MAPPING = 'key: message_id\npath: customers/{customer}/{category}/{id}.md\ncolumns: {}\ndefaults:\n  customer_type: organization\n';

describe('records-curator import: mail', () => {
  test('an mbox with a thread and an attachment: one record per message, the attachment beside it, check clean but for the plain mobile number', () => {
    const root = tempWorkspace({ 'in/box.mbox': mbox(FIRST, REPLY), '.records/imports/box.yaml': MAPPING });
    const r = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /mbox, 2 messages; mapping \.records\/imports\/box\.yaml \(saved\)/);
    assert.match(r.stdout, /personal number in plain text: body mobile 138\*{4}5678/);
    const rec = fs.readFileSync(path.join(root, 'customers/华远科技/communication/GT-2024-001.md'), 'utf8');
    assert.match(rec, /\ntitle: 合同续签\ndate: 2024-03-01\n/);
    assert.match(rec, /\nchannel: email\nparticipants: \[李娜 <li@example\.cn>, 王强 <wang@huayuan\.cn>\]\noccurred_at: 2024-03-01T10:00\+08:00\n/);
    assert.match(rec, /\nattachments: \[GT-2024-001\/合同\.pdf\]\n---\n\n# 合同续签\n\n王总您好：\nFrom now on we agree\.\n/);
    assert.equal(fs.readFileSync(path.join(root, 'customers/华远科技/communication/GT-2024-001/合同.pdf'), 'utf8'), '%PDF-1.4 scan');
    assert.match(fs.readFileSync(path.join(root, 'customers/华远科技/communication/GT-2024-002.md'), 'utf8'), /\ntitle: "Re: 合同续签"\n/);
    const check = run(root, 'check', '.', '--format', 'json');
    const codes = (JSON.parse(check.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
    assert.deepEqual(codes, ['pi-mobile', 'pi-mobile']);
    // Again, with one new message: only that one is added.
    const third = message({ id: '3@huayuan.cn', subject: '付款', date: 'Mon, 04 Mar 2024 09:00:00 +0800', body: '已付款。' });
    fs.writeFileSync(path.join(root, 'in/box.mbox'), mbox(FIRST, REPLY, third));
    const again = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /create 1, update 0, skip 2;/);
  });

  test('an attachment named ../../x (or like a record) rejects its message: nothing of it is written, exit 1', () => {
    const evil = message({ id: '9@x.cn', subject: 'x', date: 'Fri, 01 Mar 2024 10:00:00 +0800', body: 'x', attachment: '../../evil.pdf' });
    const record = message({ id: '8@x.cn', subject: 'y', date: 'Fri, 01 Mar 2024 10:00:00 +0800', body: 'y', attachment: 'notes.md' });
    const root = tempWorkspace({ 'a.eml': evil, 'b.eml': record });
    const r = run(root, 'import', 'a.eml', 'b.eml', '--customer', '华远科技', '--write');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /a\.eml:1\s+rejected: message 1: the attachment name "\.\.\/\.\.\/evil\.pdf" is not one plain file name/);
    assert.match(r.stdout, /b\.eml:1\s+rejected: message 1: the attachment .*notes\.md would be taken for a record/);
    assert.deepEqual(fs.readdirSync(root).sort(), ['a.eml', 'b.eml']);
  });

  test('mailparser is not in the command line bundle, only in dist/mail-reader.js', () => {
    assert.doesNotMatch(fs.readFileSync(CLI, 'utf8'), /mailparser|simpleParser/);
    assert.match(fs.readFileSync(path.join(REPO, 'dist/mail-reader.js'), 'utf8'), /simpleParser/);
  });

  test('splitting an mbox; attachment names', () => {
    assert.deepEqual(splitMbox('From a\nX: 1\n\n>From b\n\nFrom c\nY: 2\n'), [
      { line: 2, text: 'X: 1\n\nFrom b\n' },
      { line: 7, text: 'Y: 2\n' },
    ]);
    for (const bad of ['../x.pdf', 'a/b.pdf', 'a\\b.pdf', '.hidden', 'C:x', 'x\u0000.pdf', '']) assert.equal(safeAttachmentName(bad), undefined, bad);
    assert.equal(safeAttachmentName('合同 v2.pdf'), '合同 v2.pdf');
  });
});

describe('records-curator import: what was imported and is gone since is not brought back', () => {
  test('a record destroyed after its import: the row is skipped on the next run, with the reason', () => {
    const csv = Buffer.from('客户名称,合同编号,签订日期,金额,客户类型\n华远,HT-1,2024-01-02,100,企业\n');
    const root = tempWorkspace({ 'a.csv': csv });
    assert.equal(run(root, 'import', 'a.csv', '--category', 'contract', '--write').status, 0);
    fs.rmSync(path.join(root, 'customers'), { recursive: true });
    const r = run(root, 'import', 'a.csv', '--write');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /skipped: HT-1 \(customers\/华远\/contract\/HT-2024-001\.md\): imported before and no longer in the folder; not created again/);
    assert.match(
      run(root, 'import', 'a.csv', '--lang', 'zh').stdout,
      /跳过: HT-1 \(customers\/华远\/contract\/HT-2024-001\.md\): 以前已导入，但已不在文件夹中；不再重新创建/,
    );
    assert.equal(fs.existsSync(path.join(root, 'customers')), false);
  });
});
