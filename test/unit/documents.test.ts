/**
 * The archive documents by DA/T 22-2015: the catalogue bound per year and retention with its cover (§5.5,
 * Appendix B), the box note sheet 备考表 (§6.4.2, Appendix E), 备注 filled, 责任者 the issuer. Expected values
 * were worked out by hand from those clauses.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexText } from '../../src/core/index/index-file';
import type { RecordEntry } from '../../src/core/model/records';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { boxesFor, boxNotes, catalogueVolumes, goneFromBatches, remarkOf, renderBoxNotesHtml, renderCatalogueHtml, responsibleOf } from '../../src/core/labels';
import { REPO } from './helpers';

const base = defaultSchema();
const schema = {
  ...base,
  archiveNumber: { ...base.archiveNumber, fonds: 'Z109', fondsName: { zh: '北京某某软件有限公司', en: 'Beijing Mou Software Co., Ltd.' } },
};
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };

function rec(fields: Record<string, string | string[]>): RecordEntry {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  const [r] = indexText(`${String(fields.id)}.md`, `---\n${yaml}\n---\nBody.\n`, { mtimeMs: 0, size: 0 }, opts).records;
  assert.ok(r?.data);
  return r;
}

const person = { customer: '张伟', customer_type: 'person' };
const tx = (id: string, no: string, extra: Record<string, string | string[]> = {}) =>
  rec({
    id,
    category: 'transaction',
    ...person,
    title: id,
    date: '2019-05-10',
    amount: '1',
    currency: 'CNY',
    payment_method: 'cash',
    archive_no: no,
    ...extra,
  });
const voucher = tx('JY-1', 'Z109-WS·2019-D30-JY-0001', { archived_by: '陈晨', archived_at: '2020-01-10', checked_by: '刘静', checked_at: '2020-01-12' });
const held = tx('JY-2', 'Z109-WS·2019-D30-JY-0002', { hold: 'true', hold_reason: '税务稽查', archived_by: '孙倩', archived_at: '2020-01-11' });
const report = tx('JY-3', 'Z109-WS·2019-Y-JY-0001', { doc_kind: 'annual-report', title: '2019年度财务会计报告' });
const contract = rec({
  id: 'HT-1',
  category: 'contract',
  ...person,
  title: '开发合同',
  date: '2019-03-01',
  contract_no: 'C-1',
  signed_date: '2019-03-01',
  amount: '1',
  parties: ['北京某某软件有限公司', '张伟'],
  custodian: '陈晨',
  archive_no: 'Z109-WS·2019-D10-HT-0001',
});

/** An executed destruction batch's front matter as plain data: one destroyed voucher and its scan. */
const batch = {
  kind: 'destruction-batch',
  status: 'executed',
  batch_id: 'XH-2026-001',
  records: [{ path: 'gone.md', archive_no: 'Z109-WS·2019-D30-JY-0003', title: '已销毁的凭证', date: '2019-05-20', category: 'transaction' }],
  tombstones: [
    { path: 'gone.md', archive_no: 'Z109-WS·2019-D30-JY-0003', destroyed_on: '2026-12-01', category: 'transaction' },
    { path: 'scan.pdf', archive_no: 'Z109-WS·2019-D30-JY-0003', attachment_of: 'gone.md' },
  ],
};

describe('catalogue per year and retention, with a cover', () => {
  const gone = goneFromBatches([batch, { ...batch, status: 'approved', batch_id: 'XH-2', tombstones: [{ archive_no: 'Z109-WS·2019-D30-JY-0009' }] }]);

  test('only executed batches count, one item per destroyed record, 备注 with the batch and the day', () => {
    assert.deepEqual(
      gone.map((g) => [g.archiveNo, g.title, g.remark.zh]),
      [['Z109-WS·2019-D30-JY-0003', '已销毁的凭证', '已销毁（XH-2026-001，2026-12-01）']],
    );
  });

  test('one volume per year and retention, permanent first; 序号 restart; destroyed and held items keep their line with 备注', () => {
    const volumes = catalogueVolumes([held, contract, voucher, report], schema, gone);
    assert.deepEqual(
      volumes.map((v) => [v.year, v.retention, v.subjects.join('/'), v.entries.map((x) => x.archiveNo.slice(-7))]),
      [
        ['2019', 'Y', 'JY', ['JY-0001']],
        ['2019', 'D30', 'JY', ['JY-0001', 'JY-0002', 'JY-0003']],
        ['2019', 'D10', 'HT', ['HT-0001']],
      ],
    );
    const d30 = volumes[1].entries.map((x) => x.remark.zh);
    assert.deepEqual(d30, ['', '暂缓处置：税务稽查', '已销毁（XH-2026-001，2026-12-01）']);
  });

  test('the HTML: A4 landscape, a cover per volume with 全宗号, 全宗名称, 年度, 保管期限, 机构(问题)', () => {
    const out = renderCatalogueHtml([voucher, report], schema, { language: 'zh', title: '归档文件目录' });
    assert.match(out, /@page\{size:A4 landscape;/);
    const covers = [...out.matchAll(/<section class="sheet cover" data-kind="cover">(.*?)<\/section>/g)].map((m) =>
      [...m[1].matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((c) => `${c[1]}=${c[2]}`),
    );
    assert.deepEqual(covers, [
      ['全宗号=Z109', '全宗名称=北京某某软件有限公司', '年度=2019', '保管期限=永久', '机构(问题)=JY 交易记录'],
      ['全宗号=Z109', '全宗名称=北京某某软件有限公司', '年度=2019', '保管期限=30年', '机构(问题)=JY 交易记录'],
    ]);
  });
});

describe('责任者 and 备注', () => {
  test('责任者 is the issuer — author, else the parties, else the customer — never the custodian (DA/T 22-2015 §5.5)', () => {
    assert.equal(responsibleOf(contract.data), '北京某某软件有限公司、张伟');
    assert.equal(responsibleOf(tx('JY-9', 'x', { author: '北京云帆科技有限公司', custodian: '陈晨' }).data), '北京云帆科技有限公司');
    assert.equal(responsibleOf(tx('JY-8', 'x', { custodian: '陈晨', customer: '' }).data), '', 'nobody known: empty, not the custodian');
  });

  test('备注: destroyed, transferred, on hold with its reason', () => {
    assert.equal(remarkOf(tx('A', 'x', { status: 'destroyed' })).zh, '已销毁');
    assert.equal(remarkOf(tx('B', 'x', { status: 'transferred' })).en, 'Transferred');
    assert.equal(remarkOf(held).zh, '暂缓处置：税务稽查');
    assert.equal(remarkOf(voucher).zh, '');
  });
});

describe('备考表 (box note sheet)', () => {
  test('boxes never mix retention periods; a destroyed item still counts in its box; the sheet says what became of it', () => {
    const records = [voucher, held, report];
    const boxes = boxesFor(records, schema, 50, ['Z109-WS·2019-D30-JY-0003']);
    assert.deepEqual(
      boxes.map((b) => [b.from, b.to, b.boxNo]),
      [
        ['Z109-WS·2019-D30-JY-0001', 'Z109-WS·2019-D30-JY-0003', '1'],
        ['Z109-WS·2019-Y-JY-0001', 'Z109-WS·2019-Y-JY-0001', '2'],
      ],
    );
    const gone = goneFromBatches([batch]);
    const [first] = boxNotes(boxes, records, schema, gone);
    assert.deepEqual([first.fonds, first.year, first.retention, first.subject, first.count], ['Z109', '2019', 'D30', 'JY', 3]);
    assert.deepEqual(
      first.notes.map((n) => `${n.archiveNo.slice(-4)} ${n.remark.zh}`),
      ['0002 暂缓处置：税务稽查', '0003 已销毁（XH-2026-001，2026-12-01）'],
    );
    // 整理人/检查人 from the records, the latest dates: what is known is filled in, the rest is left to sign.
    assert.deepEqual([first.arrangedBy, first.arrangedOn, first.checkedBy, first.checkedOn], [['陈晨', '孙倩'], '2020-01-11', ['刘静'], '2020-01-12']);
    const html = renderBoxNotesHtml(boxes, records, schema, { language: 'zh', title: '备考表', gone });
    assert.equal((html.match(/data-kind="box-note"/g) ?? []).length, 2, 'one A4 sheet per box');
    assert.ok(html.includes('本盒共有文件 3 件。') && html.includes('<th>盒内文件情况说明</th>') && html.includes('<td>0001–0003</td>'));
  });
});

describe('docs/documents', () => {
  const dir = path.join(REPO, 'docs/documents');
  const index = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  for (const page of ['retention', 'archive-number', 'stamp', 'label', 'spine', 'catalogue', 'box-note']) {
    test(`${page}.md is listed, cites its clauses and has a Chinese section`, () => {
      assert.ok(index.includes(`](${page}.md)`), `docs/documents/README.md links ${page}.md`);
      const text = fs.readFileSync(path.join(dir, `${page}.md`), 'utf8');
      assert.match(text, /DA\/T 22-2015|会计档案管理办法|民法典/);
      assert.match(text, /\n## 中文\n/);
    });
  }
});
