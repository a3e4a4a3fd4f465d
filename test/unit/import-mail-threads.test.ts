import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadSubject } from '../../src/core/import/mail-threads';
import { REPO, tempWorkspace } from './helpers';
import { mbox, message as mail, type TestMessage } from './mail-files';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const LI = '李娜 <li@example.cn>';
const WANG = '王强 <wang@huayuan.cn>';

const message = (o: TestMessage & { from: string; to: string }) => mail({ ...o, content: `%PDF-1.4 ${o.id}` });

// Thread 1: a reply chain with References. Thread 2: no threading headers, "回复:" subjects, the same two people.
// Thread 3: the same subject between other people — not thread 2.
const A1 = message({
  id: 'a1@hy.cn',
  from: LI,
  to: WANG,
  subject: '合同续签',
  date: 'Fri, 01 Mar 2024 10:00:00 +0800',
  body: '王总您好：\n附件为盖章合同。',
  attachment: '合同.pdf',
});
const A2 = message({
  id: 'a2@hy.cn',
  from: WANG,
  to: LI,
  subject: 'Re: 合同续签',
  date: 'Sat, 02 Mar 2024 09:30:00 +0800',
  body: '收到，已盖章回传。\n> 王总您好：',
  attachment: '合同.pdf',
  refs: ['a1@hy.cn'],
});
const B1 = message({ id: 'b1@hy.cn', from: LI, to: WANG, subject: '报价', date: 'Mon, 04 Mar 2024 09:00:00 +0800', body: '请查收报价。' });
const B2 = message({ id: 'b2@hy.cn', from: WANG, to: LI, subject: '回复: 报价', date: 'Tue, 05 Mar 2024 09:00:00 +0800', body: '价格可以接受。' });
const C1 = message({ id: 'c1@x.cn', from: '赵敏 <zhao@x.cn>', to: LI, subject: 'Re: 报价', date: 'Tue, 05 Mar 2024 11:00:00 +0800', body: '另一家的报价。' });
const A3 = message({
  id: 'a3@hy.cn',
  from: LI,
  to: `${WANG}, 孙倩 <sun@hy.cn>`,
  subject: 'Re: Re: 合同续签',
  date: 'Wed, 06 Mar 2024 15:00:00 +0800',
  body: '确认函见附件。',
  attachment: '确认函.pdf',
  refs: ['a1@hy.cn', 'a2@hy.cn'],
});
const A4 = message({
  id: 'a4@hy.cn',
  from: WANG,
  to: LI,
  subject: '回复：合同续签',
  date: 'Thu, 07 Mar 2024 10:00:00 +0800',
  body: '好的。',
  refs: ['a3@hy.cn'],
});

const DIR = 'customers/华远科技/communication';
const MAPPING = 'key: thread\nper: thread\npath: customers/{customer}/{category}/{id}.md\ncolumns: {}\ndefaults:\n  customer_type: organization\n';

function checkClean(root: string): void {
  const r = run(root, 'check', '.');
  assert.equal(r.status, 0, r.stdout + r.stderr);
}

describe('records-curator import --per thread: one communication record per mail thread', () => {
  test('subjects without reply and forward prefixes', () => {
    assert.equal(threadSubject('Re: Fwd: 报价'), '报价');
    assert.equal(threadSubject('回复：转发: 合同续签 '), '合同续签');
    assert.equal(threadSubject('RE[2]: 报价单'), '报价单');
    assert.equal(threadSubject('Regarding 报价'), 'Regarding 报价');
  });

  test('threads by References, else subject among the same people; a new reply updates its thread; a hand edit is a conflict', () => {
    // One record per thread by the mapping file (so every later run does the same).
    const root = tempWorkspace({ 'in/box.mbox': mbox(A1, A2, B1, B2, C1), '.records/imports/box.yaml': MAPPING });
    const r = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /create 3, update 0, skip 0; conflicts 0, rejected 0/);
    const a = fs.readFileSync(path.join(root, `${DIR}/GT-2024-001.md`), 'utf8');
    assert.match(a, /\ntitle: 合同续签\ndate: 2024-03-01\n/);
    assert.match(a, /\nparticipants: \[李娜 <li@example\.cn>, 王强 <wang@huayuan\.cn>\]\noccurred_at: 2024-03-01T10:00\+08:00\n/);
    assert.match(a, /\nsummary: "2 messages 2024-03-01–2024-03-02: 王总您好： 附件为盖章合同。"\n/);
    assert.match(a, /\nattachments: \[GT-2024-001\/合同\.pdf, GT-2024-001\/2-合同\.pdf\]\n/);
    // A section per message, in date order; the quoted earlier message left out.
    assert.match(a, /## 2024-03-01 10:00 李娜\n\n王总您好： 附件为盖章合同。\n\n## 2024-03-02 09:30 王强\n\n收到，已盖章回传。\n$/);
    assert.equal(fs.readFileSync(path.join(root, `${DIR}/GT-2024-001/2-合同.pdf`), 'utf8'), '%PDF-1.4 a2@hy.cn');
    const b = fs.readFileSync(path.join(root, `${DIR}/GT-2024-002.md`), 'utf8');
    assert.match(b, /\ntitle: 报价\n/);
    assert.match(b, /请查收报价。[\s\S]*价格可以接受。/);
    const c = fs.readFileSync(path.join(root, `${DIR}/GT-2024-003.md`), 'utf8');
    assert.match(c, /\ntitle: 报价\n[\s\S]*另一家的报价。/);
    assert.doesNotMatch(c, /价格可以接受/);
    assert.deepEqual(fs.readdirSync(path.join(root, DIR)).sort(), ['GT-2024-001', 'GT-2024-001.md', 'GT-2024-002.md', 'GT-2024-003.md']);
    checkClean(root);

    // Same mailbox again: nothing to do.
    const same = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.match(same.stdout, /create 0, update 0, skip 3;/);

    // A new reply with an attachment and a new participant: its thread's record gets it; the others untouched.
    const bBefore = fs.readFileSync(path.join(root, `${DIR}/GT-2024-002.md`));
    fs.writeFileSync(path.join(root, 'in/box.mbox'), mbox(A1, A2, B1, B2, C1, A3));
    const again = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /create 0, update 1, skip 2; conflicts 0, rejected 0/);
    assert.match(again.stdout, /update\s+customers\/华远科技\/communication\/GT-2024-001\.md .*\n {4}1 message added\n {4}participants: /);
    const a2 = fs.readFileSync(path.join(root, `${DIR}/GT-2024-001.md`), 'utf8');
    assert.match(a2, /\nparticipants: \[李娜 <li@example\.cn>, 王强 <wang@huayuan\.cn>, 孙倩 <sun@hy\.cn>\]\n/);
    assert.match(a2, /\nsummary: "3 messages 2024-03-01–2024-03-06: /);
    assert.match(a2, /\nattachments: \[GT-2024-001\/合同\.pdf, GT-2024-001\/2-合同\.pdf, GT-2024-001\/确认函\.pdf\]\n/);
    assert.match(a2, /收到，已盖章回传。\n\n## 2024-03-06 15:00 李娜\n\n确认函见附件。\n$/);
    assert.equal(fs.readFileSync(path.join(root, `${DIR}/GT-2024-001/确认函.pdf`), 'utf8'), '%PDF-1.4 a3@hy.cn');
    assert.ok(fs.readFileSync(path.join(root, `${DIR}/GT-2024-002.md`)).equals(bBefore));
    checkClean(root);

    // The summary edited by hand, then another reply: the summary is a conflict, left; the message is still added.
    const edited = a2.replace(/\nsummary: .*\n/, '\nsummary: 续签已完成（手工）\n');
    fs.writeFileSync(path.join(root, `${DIR}/GT-2024-001.md`), edited);
    fs.writeFileSync(path.join(root, 'in/box.mbox'), mbox(A1, A2, B1, B2, C1, A3, A4));
    const third = run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--write');
    assert.equal(third.status, 0, third.stdout + third.stderr);
    assert.match(
      third.stdout,
      /conflict\s+customers\/华远科技\/communication\/GT-2024-001\.md\s+summary: now 续签已完成（手工） \(edited by hand since the last import\)/,
    );
    assert.match(third.stdout, /create 0, update 1, skip 2; conflicts 1, rejected 0/);
    const a3 = fs.readFileSync(path.join(root, `${DIR}/GT-2024-001.md`), 'utf8');
    assert.match(a3, /\nsummary: 续签已完成（手工）\n/);
    assert.match(a3, /确认函见附件。\n\n## 2024-03-07 10:00 王强\n\n好的。\n$/);
  });

  test('--per against the saved mapping is refused (it would import the messages again); --per for a table is a usage error', () => {
    const root = tempWorkspace({ 'in/box.mbox': mbox(A1, A2), 'in/t.csv': '合同编号\nHT-1\n' });
    assert.equal(run(root, 'import', 'in/box.mbox', '--customer', '华远科技', '--per', 'thread', '--write').status, 0);
    assert.match(fs.readFileSync(path.join(root, '.records/imports/box.yaml'), 'utf8'), /\nper: thread\n/);
    assert.equal(fs.readdirSync(path.join(root, DIR)).filter((f) => f.endsWith('.md')).length, 1);
    const r = run(root, 'import', 'in/box.mbox', '--per', 'message');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /box\.yaml: imports this mail one record per thread; --per message would import the same messages again/);
    assert.equal(run(root, 'import', 'in/t.csv', '--per', 'thread').status, 2);
    assert.equal(run(root, 'import', 'in/box.mbox', '--per', 'day').status, 2);
  });
});
