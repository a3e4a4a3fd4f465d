import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { defaultSchema, readSchema } from '../../src/core/schema/load';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import type { RecordEntry } from '../../src/core/model/records';
import {
  labelData,
  maskPersonal,
  retentionLabel,
  renderLabelsHtml,
  renderToolbar,
  renderLabelsCsv,
  renderCatalogueCsv,
  renderCatalogueHtml,
  compactDate,
  type LabelOptions,
} from '../../src/core/labels';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };

function rec(fields: Record<string, string>): RecordEntry {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  const [r] = indexText('r.md', `---\n${yaml}\n---\nBody.\n`, { mtimeMs: 0, size: 0 }, opts).records;
  assert.ok(r?.data, 'record parsed');
  return r;
}

const base = {
  id: 'JY-2019-001',
  category: 'transaction',
  customer: '北京云帆科技有限公司',
  customer_type: 'organization',
  title: 'CRM许可费',
  date: '2019-05-10',
};
const yunfan = rec({
  ...base,
  archive_no: 'Z109-WS·2019-D30-JY-0001',
  archived_at: '2025-10-28',
  retention: 'D30',
  pages: '3',
  invoice_no: '01928374',
  custodian: '陈晨',
});
const html = (records: RecordEntry[], o: Partial<LabelOptions> = {}) =>
  renderLabelsHtml(records, schema, { kinds: ['record'], preset: 'a4-3x8', language: 'zh', title: '标签', ...o });
/** The CSV's data rows, BOM and CRLF stripped, split naively (only for cells without commas). */
const lines = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

describe('label data', () => {
  test('fields come from the front matter and the parsed archive number', () => {
    const d = labelData(yunfan, schema, 'zh');
    assert.deepEqual(d.category, { key: 'transaction', zh: '交易记录', en: 'Transactions' });
    assert.equal(d.customer, '北京云帆科技有限公司');
    assert.equal(d.archiveNo, 'Z109-WS·2019-D30-JY-0001');
    assert.deepEqual([d.fonds, d.subject, d.year, d.itemNo, d.org, d.pages, d.archiveDate], ['Z109', 'JY', '2019', '0001', '', '3', '2025-10-28']);
    assert.deepEqual(d.retention, { code: 'D30', zh: '30年', en: '30 years' });
    assert.equal(d.text.category, '交易记录');
  });

  test('an unarchived record falls back on the schema fonds, the date year, its governing retention and empty archive fields', () => {
    const d = labelData(rec(base), schema, 'en');
    // A transaction without doc_kind is a voucher: 30 years (会计档案管理办法 Annex 1 items 1–2).
    assert.deepEqual([d.archiveNo, d.archiveDate, d.itemNo, d.fonds, d.year, d.retention.code], ['', '', '', 'Z001', '2019', 'D30']);
  });

  test('retention labels', () => {
    assert.deepEqual(retentionLabel('Y'), { zh: '永久', en: 'Permanent' });
    assert.deepEqual(retentionLabel('D30'), { zh: '30年', en: '30 years' });
    assert.deepEqual(retentionLabel('D10'), { zh: '10年', en: '10 years' });
    assert.deepEqual(retentionLabel('D1'), { zh: '1年', en: '1 year' });
    assert.deepEqual(retentionLabel(''), { zh: '', en: '' });
  });

  test('the org part is read with a schema whose format carries it', () => {
    const { schema: s } = readSchema(`archive_number:\n  fonds: Z109\n  org: BGS\n  format: "{fonds}-{subject}·{year}-{retention}-{org}-{number}"\n`);
    const d = labelData(rec({ ...base, archive_no: 'Z109-JY·2019-D30-BGS-0007' }), s, 'zh');
    assert.deepEqual([d.org, d.itemNo, d.retention.code], ['BGS', '0007', 'D30']);
  });

  test('personal numbers are masked in every text', () => {
    assert.equal(maskPersonal('身份证 11010519491231002X 手机 13812345678'), '身份证 110105********002X 手机 138****5678');
    const d = labelData(rec({ ...base, title: '身份证 11010519491231002X 复印件', customer: '张伟 13812345678' }), schema, 'zh');
    assert.equal(d.title, '身份证 110105********002X 复印件');
    assert.equal(d.customer, '张伟 138****5678');
  });

  test('catalogue dates are YYYYMMDD', () => {
    assert.equal(compactDate('2019-05-10'), '20190510');
    assert.equal(compactDate('2019/5/1'), '20190501');
    assert.equal(compactDate('2025-03-01T14:30+08:00'), '20250301');
    assert.equal(compactDate('n/a'), '');
  });
});

describe('label HTML', () => {
  test('record-derived text is escaped, never markup', () => {
    const evil = rec({ ...base, customer: '<img src=x onerror=alert(1)>', title: `"'&` });
    const out = html([evil], { kinds: ['record', 'stamp'] });
    assert.ok(!out.includes('<img'));
    assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(out.includes('&quot;&#39;&amp;'));
    assert.doesNotMatch(out, /<[^>]*\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(out, /(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i, 'no remote URLs');
  });

  test('an ID number in a title is masked on the label', () => {
    const out = html([rec({ ...base, title: '身份证 11010519491231002X 复印件' })]);
    assert.ok(!out.includes('11010519491231002X'));
    assert.ok(out.includes('110105********002X'));
  });

  test('record labels carry category, customer, archive number, date and retention', () => {
    const out = html([yunfan], { language: 'both' });
    for (const s of [
      '交易记录 Transactions',
      '北京云帆科技有限公司',
      '<div class="line no">Z109-WS·2019-D30-JY-0001</div>',
      '2025-10-28',
      '30年 30 years',
      'CRM许可费',
    ]) {
      assert.ok(out.includes(s), s);
    }
    assert.ok(!html([yunfan], { showTitle: false }).includes('CRM许可费'));
  });

  test('filing stamps are a 2×3 table in the stamp order', () => {
    const out = html([yunfan], { kinds: ['stamp'], language: 'both' });
    const rows = [...out.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td><span class="k">(.*?)<\/span>(.*?)<\/td>/g)].map(
        (c) => `${c[1]}=${[...c[2].matchAll(/<span class="v[^"]*">(.*?)<\/span>/g)].map((v) => v[1]).join(' ')}`,
      ),
    );
    assert.deepEqual(rows, [
      ['全宗号 Fonds=Z109', '年度 Year=2019', '件号 Item no.=0001'],
      // 机构(问题) is the category's 问题 code (DA/T 22-2015 §5.4); 30年 and 30 years each on a line of their own.
      ['机构(问题) Org./Issue=JY', '保管期限 Retention=30年 30 years', '页数 Pages=3'],
    ]);
    assert.ok(!out.includes('北京云帆'), 'no customer name on the stamp');
    assert.ok(html([yunfan], { kinds: ['stamp'], language: 'en' }).includes('<span class="k">Fonds</span>'));
  });

  test('box spines show fonds, year, retention, the item range and the box number', () => {
    const out = html([], { kinds: ['spine'], boxes: [{ from: 'Z109-WS·2019-D30-JY-0001', to: 'Z109-WS·2019-D30-JY-0025', boxNo: '3' }] });
    const cells = [...out.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => `${m[1]}=${m[2]}`);
    // The category code too (issue 16): a box never mixes them.
    assert.deepEqual(cells, ['全宗号=Z109', '年度=2019', '保管期限=30年', '机构(问题)=JY', '起止件号=0001–0025', '盒号=3']);
    // Both languages: the retention on two lines, never "30年 30 ye…" cut off.
    const both = html([], { kinds: ['spine'], language: 'both', boxes: [{ from: 'Z109-WS·2019-D30-JY-0001', to: 'Z109-WS·2019-D30-JY-0025', boxNo: '3' }] });
    assert.match(both, /<td>30年<span class="en">30 years<\/span><\/td>/);
    assert.match(html([yunfan], { kinds: ['stamp'], language: 'both' }), /<span class="v">30年<\/span><span class="v en">30 years<\/span>/);
  });

  test('presets produce the label sizes in millimetres', () => {
    const sizes: [LabelOptions['preset'], string, string][] = [
      ['a4-3x8', 'repeat(3,70mm)', 'grid-auto-rows:37mm'],
      ['a4-2x5', 'repeat(2,105mm)', 'grid-auto-rows:57mm'],
      ['a4-2x4', 'repeat(2,105mm)', 'grid-auto-rows:74mm'],
      ['thermal-100x60', 'repeat(1,100mm)', 'grid-auto-rows:60mm'],
    ];
    for (const [preset, cols, rows] of sizes) {
      const out = html([yunfan], { preset });
      assert.ok(out.includes(cols) && out.includes(rows), preset);
      assert.match(out, preset.startsWith('a4') ? /@page\{size:A4;margin:/ : /@page\{size:100mm 60mm;margin:0\}/);
      assert.ok(out.includes('break-inside:avoid'));
      assert.ok(out.includes('"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'));
    }
  });

  test('labels are paged per sheet: 24 on a 3×8 sheet, one per page on thermal', () => {
    const many = Array.from({ length: 25 }, () => yunfan);
    assert.equal(html(many).match(/<section class="page"/g)?.length, 2);
    assert.equal(html(many, { preset: 'thermal-100x60' }).match(/<section class="page"/g)?.length, 25);
  });

  test('webview: the nonce is in the CSP and on the style tag, and every script carries it', () => {
    const nonce = 'abc123XYZ';
    const out = html([yunfan], { nonce, cspSource: 'https://*.vscode-cdn.net' });
    assert.ok(
      out.includes(
        `content="default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net;"`.replace(
          /'/g,
          '&#39;',
        ),
      ),
    );
    assert.equal(out.match(/<style/g)?.length, 1);
    assert.ok(out.includes(`<style nonce="${nonce}">`));
    assert.ok(out.includes('<body class="preset-a4-3x8">\n<!--toolbar-->'));
    const withToolbar = out.replace('<!--toolbar-->', renderToolbar(nonce, 'zh', { preset: 'a4-2x5', kinds: ['stamp'] }));
    const scripts = withToolbar.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    for (const s of scripts) assert.equal(s, `<script nonce="${nonce}">`);
    assert.ok(withToolbar.includes('acquireVsCodeApi().postMessage') || withToolbar.includes('vscode.postMessage'));
    assert.ok(withToolbar.includes('<option value="a4-2x5" selected>'));
    assert.ok(withToolbar.includes('value="stamp" checked'));
    for (const a of ['print', 'exportHtml', 'exportCsv', 'exportCatalogue']) assert.ok(withToolbar.includes(`data-action="${a}"`), a);
    assert.doesNotMatch(withToolbar, /<[^>]*\son[a-z]+\s*=/i);
    assert.throws(() => html([yunfan], { nonce: `x" onload="1` }));
  });

  test('standalone export: a CSP without scripts and no script at all', () => {
    const out = html([yunfan]);
    assert.ok(out.includes(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:"`));
    assert.ok(!out.includes('<script'));
    assert.ok(out.startsWith('<!DOCTYPE html>') && out.trimEnd().endsWith('</html>'));
  });
});

describe('CSV', () => {
  test('BOM, CRLF, bilingual header and one row per record', () => {
    const csv = renderLabelsCsv([yunfan], schema, 'both');
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(csv), 'only CRLF line ends');
    const [head, row] = lines(csv);
    assert.ok(head.startsWith('档号 Archive no.,类别 Category,客户 Customer,'));
    assert.equal(row, 'Z109-WS·2019-D30-JY-0001,交易记录 Transactions,北京云帆科技有限公司,CRM许可费,2025-10-28,D30,30年 30 years,2019,0001,3,JY-2019-001');
    assert.ok(lines(renderLabelsCsv([yunfan], schema, 'en'))[0].startsWith('Archive no.,Category,'));
  });

  test('RFC 4180 quoting and the formula-injection guard', () => {
    const r = rec({ ...base, customer: '=HYPERLINK("http://x")', title: 'a, "b"\nc', id: '@SUM(1)' });
    const row = lines(renderLabelsCsv([r], schema, 'zh'))
      .slice(1)
      .join('\r\n');
    assert.ok(row.includes(`"'=HYPERLINK(""http://x"")"`));
    assert.ok(row.includes(`"a, ""b""\nc"`));
    assert.ok(row.endsWith(`'@SUM(1)`));
    const minus = rec({ ...base, customer: '-1+2', title: '+cmd', id: 'X' });
    assert.ok(lines(renderLabelsCsv([minus], schema, 'zh'))[1].includes(`'-1+2,'+cmd`));
  });

  test('catalogue: only archived records, in archive-number order, YYYYMMDD dates, 责任者 the issuer', () => {
    const second = rec({
      ...base,
      id: 'B',
      archive_no: 'Z109-WS·2019-D30-JY-0010',
      date: '2019-6-3',
      contract_no: 'HT-1',
      archived_by: '刘静',
      title: 'x',
      author: '北京云帆科技有限公司',
    });
    const third = rec({ ...base, id: 'C', archive_no: 'Z109-WS·2019-D30-JY-0002', date: '2019-05-20', ticket: 'T-9' });
    // The numbers' fonds is the schema's: a number of another fonds contradicts the record and is refused.
    const z109 = { ...schema, archiveNumber: { ...schema.archiveNumber, fonds: 'Z109' } };
    assert.equal(renderCatalogueCsv([third], schema, 'zh').split('\r\n').length, 2, 'only the header');
    const csv = renderCatalogueCsv([second, rec(base), third, yunfan], z109, 'zh');
    const [head, ...rows] = lines(csv);
    // The CSV says the volume (年度, 保管期限) each row is bound in, then DA/T 22-2015 Appendix B's columns.
    assert.equal(head, '年度,保管期限,序号,档号,文号,责任者,题名,日期,密级,页数,备注');
    // 责任者 is who issued the document (DA/T 22-2015 §5.5): the author, else (for a payment made with a customer) the customer — never the custodian (陈晨) or archivist (刘静).
    assert.deepEqual(rows, [
      '2019,30年,1,Z109-WS·2019-D30-JY-0001,01928374,北京云帆科技有限公司,CRM许可费,20190510,,3,',
      '2019,30年,2,Z109-WS·2019-D30-JY-0002,T-9,北京云帆科技有限公司,CRM许可费,20190520,,,',
      '2019,30年,3,Z109-WS·2019-D30-JY-0010,HT-1,北京云帆科技有限公司,x,20190603,,,',
    ]);
    const out = renderCatalogueHtml([second, third, yunfan], z109, { language: 'en', title: 'Catalogue' });
    assert.ok(out.indexOf('D30-JY-0001') < out.indexOf('D30-JY-0002') && out.indexOf('D30-JY-0002') < out.indexOf('D30-JY-0010'));
    assert.ok(out.includes('<th>No.</th><th>Archive no.</th>') && out.includes('<!--toolbar-->') && !out.includes('<script'));
  });
});
