/**
 * The disposal documents and the PIPL duties on a fixture of real records (test/fixtures/disposal-pipl, its
 * README gives each record's hand-worked answer), in a real git repository, through the command line: the
 * destruction register's columns and 已保管 (会计档案管理办法 Arts. 14, 18), the appraisal opinion before
 * approval (Arts. 16–17), records pulled out under a hold (Art. 19), the Art. 18 signatories, sealed registers,
 * the notice list of a transfer (PIPL Arts. 22, 31), the inventory (Arts. 51, 28), the impact assessment
 * (Art. 55) and the custody plan after 注销 (Art. 20).
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { servedText } from '../../src/core/disposal/batch';
import { ageOn, birthDateFromId, childFacts } from '../../src/core/values/persons';
import { cli, commitAll, git, repo } from './git-fixtures';
import { REPO } from './helpers';

const FIXTURE = path.join(REPO, 'test/fixtures/disposal-pipl');
const DAY = '2026-12-02';
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const write = (root: string, rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);
const edit = (root: string, rel: string, f: (s: string) => string) => write(root, rel, f(read(root, rel)));

/** The fixture's records (its README aside) in a new git repository. */
function fixture(): string {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name !== 'README.md') files[path.relative(FIXTURE, abs)] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(FIXTURE);
  return repo(files);
}

/** The Art. 18(2) signatories and (3) supervisors of a batch holding accounting archives, with the impact assessment (PIPL Art. 55). */
const SIGNED = [
  ...['unit_head=王强', 'archives_head=李档案', 'accounting_head=孙会计', 'archives_handler=陈晨', 'accounting_handler=周出纳'],
  'supervisors=李档案:archives,钱财务:accounting,赵工:it',
  ...['method=git-purge', 'place=档案室', 'scheduled_at=2026-12-10T10:00+08:00', 'impact_assessment_ref=PIA-2026-004'],
].flatMap((s) => ['--set', s]);

const ok = (r: { status: number | null; stdout: string; stderr: string }) => {
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return r.stdout;
};

describe('已保管 and ages, worked by hand', () => {
  test('已保管 counts whole months from the start of retention (Art. 18(1)), not from the record date, to the day asked', () => {
    // The first argument is the first day counted, the day after the event (民法典 Art. 201); a month is
    // complete at the end of the event date's 对应日 (Art. 202).
    // FY1990 voucher: retention counts from 1991-01-01 (Art. 14); to 2026-12-02 that is 35 years 11 months.
    assert.equal(servedText('1991-01-01', DAY, 'zh'), '35年11个月');
    // A call of 2015-06-10 (counted from 06-11): to 2026-12-02 is 11 years 5 months (the 6th month ends on 12-10).
    assert.equal(servedText('2015-06-11', DAY, 'en'), '11 years 5 months');
    assert.equal(servedText('2015-06-11', '2026-12-10', 'en'), '11 years 6 months');
    // From a leap day: a year is complete on 28 February of a common year (the month's last day).
    assert.equal(servedText('2016-03-01', '2017-02-28', 'both'), '1年 / 1 year');
    assert.equal(servedText('2016-03-01', '2017-02-27', 'zh'), '11个月');
    // Not started yet (an event not recorded): empty; before the start: nothing kept yet.
    assert.equal(servedText(undefined, DAY, 'zh'), '');
    assert.equal(servedText('2027-01-01', DAY, 'zh'), '0个月');
  });

  test('a child is under 14 from the birth date in a valid ID number (GB 11643-1999); a 29 February birthday counts on 1 March', () => {
    assert.equal(birthDateFromId('110105201503070013'), '2015-03-07');
    assert.equal(birthDateFromId('110105201503070014'), undefined, 'a wrong check digit gives no birth date');
    assert.equal(birthDateFromId('110105********0013'), undefined, 'masked: no birth date to read');
    assert.equal(birthDateFromId('11010520150307****'), '2015-03-07', 'masked with the birth date shown');
    assert.equal(ageOn('2012-02-29', '2026-02-28'), 13);
    assert.equal(ageOn('2012-02-29', '2026-03-01'), 14);
    assert.deepEqual(childFacts([{ id_number: '110105201202290012' }], '2026-02-28'), { birth: '2012-02-29', from: 'id_number', age: 13 });
    assert.equal(childFacts([{ id_number: '110105201202290012' }], '2026-03-01'), undefined, 'fourteen on 1 March: no longer a child (PIPL Art. 28)');
    assert.deepEqual(childFacts([{ pi_kinds: ['minor'] }], DAY), { from: 'pi_kinds' });
  });
});

describe('a destruction by the procedure of 会计档案管理办法 Arts. 16–19 (fixture disposal-pipl)', () => {
  test('due records are listed, a held one pulled out with its reason; approval waits for the signatories, the impact assessment and a signed opinion', () => {
    const root = fixture();
    const created = cli(root, 'batch', 'create', '.', '--due', '--date', DAY, '--set', 'unit_head=王强');
    const file = /wrote (\S+):/.exec(ok(created))![1];
    assert.equal(file, 'disposal/XH-2026-001.md');
    const batch = read(root, file);
    // JY-0 (FY1990, due since 2021) and GT-1 (D3 from 2015-06-10) are due; GT-2 is due but on hold.
    assert.deepEqual(
      [...batch.matchAll(/^ {4}id: "(.*)"$/gm)].map((m) => m[1]),
      ['JY-0', 'GT-1', 'GT-2'],
    );
    assert.match(batch, /^pulled_out:[^\n]*\n {2}- path: "calls\/held\.md"[\s\S]*?reason: "2026年消费纠纷仲裁未结"/m);
    assert.match(batch, /^retention: Y /m, 'the destruction register is kept permanently (Annex item 15)');
    // 卷号 and 页数 as the records give them, 起止年度, the required retention and the day it started (Art. 18(1)).
    assert.match(batch, /\| 1 \| JY-0 \| 1990年12月 收款凭证 \| 1990-12 \| 4 \| 1990 \| 30年 \/ 30 years \| 1991-01-01 \|/);
    assert.match(batch, /\| 2 \| GT-1 \| 电话回访（健康状况） \|  \| 2 \| 2015 \| 3年 \/ 3 years \| 2015-06-11 \| 2018-06-10 \|/);

    const refused = cli(root, 'batch', 'approve', file);
    assert.equal(refused.status, 1);
    for (const want of [
      'archives_head (head of the archives office)',
      'accounting_head (head of the accounting office)', // JY-0 is an accounting archive
      'accounting_handler (accounting officer in charge)',
      'supervisors (2+)',
      'a supervisor from the information-systems office (role it)',
      'impact_assessment_ref (the records hold sensitive personal information: health', // GT-1: pi_kinds [health], PIPL Art. 55(1)
    ])
      assert.ok(refused.stderr.includes(want), `${want}\n${refused.stderr}`);

    // Filled in, but no opinion yet: refused (Art. 16).
    const again = cli(root, 'batch', 'create', '.', '--due', '--date', DAY, ...SIGNED);
    assert.equal(again.status, 1, 'the records are in the first batch already');
    assert.match(again.stderr, /calls\/health\.md\tleft out: already destroyed, transferred or in a batch/);
    fs.rmSync(path.join(root, file));
    const full = /wrote (\S+):/.exec(ok(cli(root, 'batch', 'create', '.', '--due', '--date', DAY, ...SIGNED)))![1];
    const noOpinion = cli(root, 'batch', 'approve', full);
    assert.equal(noOpinion.status, 1);
    assert.match(noOpinion.stderr, /no appraisal opinion \(appraisal_ref is empty; run batch appraise first\)/);

    // The opinion: written as its own document, kept permanently (Annex item 16), listing the pulled-out record.
    ok(cli(root, 'batch', 'appraise', full, '--set', 'appraisers=李档案:archives,周审计:audit', '--set', 'appraised_at=2026-11-20'));
    const opinion = read(root, 'disposal/JD-2026-001.md');
    assert.match(opinion, /^kind: appraisal-opinion$/m);
    assert.match(opinion, /^retention: Y /m);
    assert.match(opinion, /\| GT-2 \| 投诉电话 \| 2018-06-10 \| 2026年消费纠纷仲裁未结 \|/);
    assert.match(read(root, full), /^appraisal_ref: "JD-2026-001"/m);
    const unsigned = cli(root, 'batch', 'approve', full);
    assert.match(unsigned.stderr, /appraisal opinion JD-2026-001 is not signed \(status must be final\)/);
    // Accounting archives are appraised with the accounting office (Art. 17).
    assert.match(unsigned.stderr, /appraisal opinion JD-2026-001 has no appraiser from the accounting office \(Art\. 17\)/);
    edit(root, 'disposal/JD-2026-001.md', (s) =>
      s.replace(/^status: draft/m, 'status: final').replace('{ name: "周审计", role: "audit" }', '{ name: "孙会计", role: "accounting" }'),
    );
    ok(cli(root, 'batch', 'approve', full));
    assert.match(read(root, full), /^appraisal_sha256: "?sha256:[0-9a-f]{64}"?$/m);

    // The register printed to sign before destruction: 已保管 from the start of retention to the day printed.
    const zh = ok(cli(root, 'print', full, '--format', 'md', '--date', DAY, '--lang', 'zh'));
    assert.match(zh, /^# 档案销毁清册$/m);
    assert.match(zh, /\| 1 \| 1990年12月 收款凭证 \| 1990-12 \| 1件，4页 \| 1990 \| JY-0 \| 30年 \| 1991-01-01 \| 35年11个月 \| 待销毁 \| 交易记录 \|/);
    assert.match(zh, /\| 2 \| 电话回访（健康状况） \| — \| 1件，2页 \| 2015 \| GT-1 \| 3年 \| 2015-06-11 \| 11年5个月 \| 待销毁 \| 沟通记录 \|/);
    assert.match(zh, /\| 1 \| GT-2 \| 投诉电话 \| 2018-06-10 \| 2026年消费纠纷仲裁未结 \|/);
    for (const who of ['| 单位负责人 | 王强 |', '| 会计管理机构负责人 | 孙会计 |', '| 会计管理机构经办人 | 周出纳 |', '| 赵工 | 信息系统管理机构 |'])
      assert.ok(zh.includes(who), who);
    // Printed later, it is not frozen at the day the batch was made.
    assert.match(ok(cli(root, 'print', full, '--format', 'md', '--date', '2027-06-10', '--lang', 'en')), /\| 2015-06-11 \| 12 years \| pending \|/);
    const html = ok(cli(root, 'print', full, '--date', DAY));
    assert.match(html, /@page\{size:A4 landscape/);
    assert.doesNotMatch(html, /<script/);
  });

  test('a hold put on after approval: pull-out takes the record out with its reason and sends the batch back to draft', () => {
    const root = fixture();
    const file = /wrote (\S+):/.exec(ok(cli(root, 'batch', 'create', '.', '--due', '--date', DAY, ...SIGNED)))![1];
    ok(cli(root, 'batch', 'appraise', file, '--set', 'appraisers=李档案:archives,孙会计:accounting', '--set', 'appraised_at=2026-11-20'));
    edit(root, 'disposal/JD-2026-001.md', (s) => s.replace(/^status: draft/m, 'status: final'));
    ok(cli(root, 'batch', 'approve', file));
    edit(root, 'calls/health.md', (s) => s.replace('retention: D3', 'retention: D3\nhold: true\nhold_reason: 客户申请查阅'));
    const out = ok(cli(root, 'batch', 'pull-out', file));
    assert.match(out, /pulled out\tcalls\/health\.md\t客户申请查阅/);
    const b = read(root, file);
    assert.match(b, /^status: draft/m);
    assert.doesNotMatch(b, /^approved_at:|^appraisal_sha256:|^fingerprints:/m);
    assert.deepEqual(
      [...b.matchAll(/^ {4}id: "?([^"\n]*)"?$/gm)].map((m) => m[1]),
      ['JY-0', 'GT-2', 'GT-1'],
    );
    assert.doesNotMatch(b, /\| 2 \| GT-1 \| 电话回访/, 'its row is gone from the records to destroy');
    assert.match(b, /\| GT-1 \| 电话回访（健康状况） \| 2018-06-10 \| 客户申请查阅 \|/, 'and listed as pulled out');
    // The signed opinion does not list it as pulled out: approval is refused until it is appraised again.
    assert.match(cli(root, 'batch', 'approve', file).stderr, /does not list calls\/health\.md, pulled out under a hold \(Art\. 19\)/);
  });

  test('executed, the register is sealed: a change to it, to its opinion, or deleting the opinion is disposal-changed in check', () => {
    const root = fixture();
    const file = /wrote (\S+):/.exec(ok(cli(root, 'batch', 'create', '.', '--due', '--date', DAY, ...SIGNED)))![1];
    ok(cli(root, 'batch', 'appraise', file, '--set', 'appraisers=李档案:archives,孙会计:accounting', '--set', 'appraised_at=2026-11-20'));
    edit(root, 'disposal/JD-2026-001.md', (s) => s.replace(/^status: draft/m, 'status: final'));
    ok(cli(root, 'batch', 'approve', file));
    ok(cli(root, 'batch', 'execute', file, '--yes'));
    commitAll(root, 'destroyed');
    const executed = read(root, file);
    assert.match(executed, /^sealed: "?sha256:[0-9a-f]{64}"?$/m);
    // The tombstone keeps the start of retention: 已保管 is then counted to the day destroyed.
    assert.match(executed, /retention_start: "1991-01-01"/);
    assert.doesNotMatch(cli(root, 'check', '.').stdout, /disposal-changed|disposal-retention/);
    // Ticking the checklist after destruction is the signatories' part, not a change.
    edit(root, file, (s) => s.replace(/- \[ \]/g, '- [x]'));
    assert.doesNotMatch(cli(root, 'check', '.').stdout, /disposal\//, 'nothing to report on the disposal documents');
    const executedTicked = read(root, file);
    edit(root, file, (s) => s.replace('place: "档案室"', 'place: "别处"'));
    assert.match(cli(root, 'check', '.').stdout, /XH-2026-001\.md:\d+:\d+ error disposal-changed the executed batch was changed after execution/);
    write(root, file, executedTicked);
    assert.equal(executed.replace(/- \[ \]/g, '- [x]'), executedTicked);
    edit(root, 'disposal/JD-2026-001.md', (s) => s.replace('appraised_at: "2026-11-20"', 'appraised_at: "2026-11-21"'));
    assert.match(
      cli(root, 'check', '.').stdout,
      /JD-2026-001\.md:\d+:\d+ error disposal-changed the opinion changed after batch XH-2026-001 was executed on it/,
    );
    fs.rmSync(path.join(root, 'disposal/JD-2026-001.md'));
    assert.match(
      cli(root, 'check', '.').stdout,
      /XH-2026-001\.md:\d+:\d+ error disposal-changed appraisal opinion JD-2026-001, on which this batch was executed, was deleted/,
    );
    // A register whose retention is shortened is reported too (Annex item 15).
    git(root, 'checkout', '--', 'disposal/JD-2026-001.md');
    edit(root, 'disposal/JD-2026-001.md', (s) => s.replace(/^retention: Y/m, 'retention: D10'));
    assert.match(
      cli(root, 'check', '.').stdout,
      /JD-2026-001\.md:\d+:\d+ warning disposal-retention this document is kept permanently \(Y\) \(Accounting Archives Measures, Annex item 16\); its retention is D10/,
    );
  });
});

describe('a transfer tells every natural person, a child through the guardian (PIPL Arts. 22, 31; fixture disposal-pipl)', () => {
  test('the notice list names the contact person and the signatory of organisation records and addresses the child’s guardian; approval needs an impact assessment', () => {
    const root = fixture();
    const created = cli(
      root,
      'batch',
      'create',
      '.',
      '--kind',
      'transfer',
      '--records',
      'JB-1',
      'JB-2',
      'HT-1',
      '--recipient',
      '某档案服务公司',
      '--contact',
      '0571-88886666',
      '--set',
      'approvers=王强',
      '--date',
      DAY,
    );
    const file = /wrote (\S+):/.exec(ok(created))![1];
    const b = read(root, file);
    const tasks = [...b.matchAll(/^- \[ \] (.*)$/gm)].map((m) => m[1]).filter((t) => / — /.test(t));
    assert.deepEqual(tasks, [
      '钱伟 — 签约人 / signatory: HT-1',
      '王芳 — 联系人 / contact person: JB-1',
      '王芳 (139\\*\\*\\*\\*5678) — 小明 的监护人 / guardian of 小明 (2015-03-07 出生，未满十四周岁 / born 2015-03-07, under 14; 个人信息保护法第三十一条 / PIPL Art. 31) — 客户 / customer: JB-1',
      '赵敏 — 联系人 / contact person: JB-2',
    ]);
    assert.doesNotMatch(b, /^- \[ \] 杭州某科技有限公司/m, 'an organisation is not a subject of personal information (Art. 4)');
    assert.doesNotMatch(b, /^- \[ \] 小明 /m, 'the child is not addressed in person');
    assert.match(b, /^retention: D30 /m, 'the transfer register is kept 30 years (Annex item 13)');
    const refused = cli(root, 'batch', 'approve', file);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /impact_assessment_ref \(an impact assessment before providing personal information to another handler, PIPL Art\. 55\)/);
    edit(root, file, (s) => s.replace('impact_assessment_ref: ""', 'impact_assessment_ref: "PIA-2026-005"'));
    ok(cli(root, 'batch', 'approve', file));
    // The transfer register to sign at the hand-over (会计档案管理办法 Art. 24).
    const register = ok(cli(root, 'print', file, '--format', 'md', '--date', DAY, '--lang', 'zh'));
    assert.match(register, /^# 档案移交清册$/m);
    assert.match(register, /\| 移交方经办人 \|/);
  });

  test('a child with no guardian recorded cannot be told: the transfer is not approved', () => {
    const root = fixture();
    edit(root, 'basic/xiaoming.md', (s) => s.replace(/^guardian: .*\n/m, '').replace(/^guardian_contact: .*\n/m, ''));
    const file = /wrote (\S+):/.exec(
      ok(
        cli(
          root,
          'batch',
          'create',
          '.',
          '--kind',
          'transfer',
          '--records',
          'JB-1',
          '--recipient',
          'R',
          '--contact',
          'C',
          '--set',
          'approvers=王强',
          '--set',
          'impact_assessment_ref=PIA-1',
          '--date',
          DAY,
        ),
      ),
    )![1];
    assert.match(read(root, file), /^- \[ \] 监护人未登记 \/ Guardian not recorded — 小明/m);
    const refused = cli(root, 'batch', 'approve', file);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /小明 is under 14 and no guardian is recorded: the notice cannot be given \(PIPL Art\. 31\)/);
  });
});

describe('the inventory of personal information and the custody plan (fixture disposal-pipl)', () => {
  test('pi-inventory: kinds with their customers and records, sensitive kinds of Art. 28 flagged, the child found from the ID number', () => {
    const root = fixture();
    const inv = JSON.parse(ok(cli(root, 'pi-inventory', '.', '--format', 'json', '--date', DAY)));
    // Hand-counted: health (GT-1 of 张伟) and minor (JB-1 of 小明) are the sensitive kinds; ID numbers and phones are not.
    assert.deepEqual(
      inv.kinds.map((k: { kind: string; sensitive: boolean; customers: number; records: number }) => [k.kind, k.sensitive, k.customers, k.records]),
      [
        ['health', true, 1, 1],
        ['minor', true, 1, 1],
        ['contact', false, 2, 2],
        ['id-number', false, 1, 1],
        ['name', false, 3, 7],
      ],
    );
    const xm = inv.customers.find((c: { customer: string }) => c.customer === '小明');
    assert.deepEqual(xm.sensitive, ['minor']);
    assert.deepEqual(xm.undeclared, ['minor'], 'pi_kinds does not say so: the inventory does');
    assert.deepEqual(xm.under_14, { birth: '2015-03-07', from: 'id_number', guardian: '王芳' });
    assert.deepEqual(xm.kinds['id-number'], ['field', 'text'], 'in its field, and in plain text (pi-id-number)');
    const org = inv.customers.find((c: { customer: string }) => c.customer === '杭州某科技有限公司');
    assert.deepEqual(org.sensitive, []);
    assert.deepEqual(org.records, ['HT-1', 'JB-2']);
    const md = ok(cli(root, 'pi-inventory', '.', '--date', DAY, '--lang', 'zh'));
    assert.match(md, /^# 个人信息清单$/m);
    assert.match(md, /\| 医疗健康 \| 是 \| 1 \| 1 \|/);
  });

  test('custody-plan: the accounting archives by year and retention, kept until the latest last day, written as a permanent document', () => {
    const root = fixture();
    const out = ok(
      cli(root, 'custody-plan', '.', '--date', DAY, '--set', 'custodian=杭州市某区档案馆', '--set', 'custodian_type=archive', '--set', 'place=某区档案馆库房'),
    );
    assert.match(out, /wrote disposal\/BG-2026-001\.md/);
    const plan = read(root, 'disposal/BG-2026-001.md');
    assert.match(plan, /^kind: custody-plan$/m);
    assert.match(plan, /^retention: Y /m, 'the custody register is kept permanently (Annex item 14)');
    // Two accounting archives: FY1990 (JY-0) and FY2014 (JY-1), each D30 from the day after its fiscal year.
    assert.match(plan, /\| 1990 \| 30年 \/ 30 years \| 1 \| JY-0 \|/);
    assert.match(plan, /\| 2014 \| 30年 \/ 30 years \| 1 \| JY-1 \|/);
    const kept = /^keep_until: "(\d{4}-\d{2}-\d{2})"/m.exec(plan)![1];
    assert.ok(kept.startsWith('2044-12-31') || kept.startsWith('2045-01-01'), kept);
    assert.match(plan, /- 保管单位 \/ Custodian: 杭州市某区档案馆/);
    assert.match(plan, /- 保管单位类型 \/ Kind of custodian: 档案馆 \/ archive/);
    assert.doesNotMatch(cli(root, 'check', '.').stdout, /BG-2026-001/);
    const printed = ok(cli(root, 'print', 'disposal/BG-2026-001.md', '--format', 'md', '--date', DAY, '--lang', 'en'));
    assert.match(printed, /^# Custody Plan for the Accounting Archives$/m);
  });
});

/** The header cells of every table in a printed Markdown document. */
const headings = (md: string) => {
  const lines = md.split('\n');
  return lines.flatMap((l, i) =>
    lines[i + 1]?.startsWith('|---')
      ? l
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean)
      : [],
  );
};

describe('docs/documents: a page per document, naming every column it prints', () => {
  test('destruction register, appraisal opinion, transfer register, custody plan and inventory', () => {
    const root = fixture();
    const batch = /wrote (\S+):/.exec(ok(cli(root, 'batch', 'create', '.', '--due', '--date', DAY, ...SIGNED)))![1];
    ok(cli(root, 'batch', 'appraise', batch, '--set', 'appraisers=李档案:archives,孙会计:accounting'));
    const transfer = /wrote (\S+):/.exec(
      ok(cli(root, 'batch', 'create', '.', '--kind', 'transfer', '--records', 'JB-2', '--recipient', 'R', '--contact', 'C', '--date', DAY)),
    )![1];
    ok(cli(root, 'custody-plan', '.', '--date', DAY));
    const printed: [string, string][] = [
      ['destruction-register.md', ok(cli(root, 'print', batch, '--format', 'md', '--lang', 'zh', '--date', DAY))],
      ['appraisal-opinion.md', ok(cli(root, 'print', 'disposal/JD-2026-001.md', '--format', 'md', '--lang', 'zh'))],
      ['transfer-register.md', ok(cli(root, 'print', transfer, '--format', 'md', '--lang', 'zh', '--date', DAY))],
      ['custody-plan.md', ok(cli(root, 'print', 'disposal/BG-2026-001.md', '--format', 'md', '--lang', 'zh', '--date', DAY))],
      ['pi-inventory.md', ok(cli(root, 'pi-inventory', '.', '--lang', 'zh', '--date', DAY))],
    ];
    const index = fs.readFileSync(path.join(REPO, 'docs/documents/README.md'), 'utf8');
    // Headings a page need not explain: signature rows and the generic ones.
    const generic = new Set(['序号', '签字', '日期', '姓名', '意见', '职责', '签名或盖章']);
    for (const [page, md] of printed) {
      assert.ok(index.includes(`](${page})`), `docs/documents/README.md links ${page}`);
      const text = fs.readFileSync(path.join(REPO, 'docs/documents', page), 'utf8');
      assert.match(text, /^## 中文$/m, `${page} has a Chinese section`);
      const missing = [...new Set(headings(md))].filter((h) => !generic.has(h) && !text.includes(h));
      assert.deepEqual(missing, [], `${page} does not name these columns`);
    }
  });
});
