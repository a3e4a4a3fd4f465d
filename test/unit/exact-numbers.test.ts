/**
 * Issue 12: an unquoted long number (ID number, bank card, contract number) or a zero-led one keeps its
 * exact text on every surface that shows or writes values — index data, cache, worker threads, export,
 * labels, catalogue, diff and the review summary.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { exportCsv, exportJson } from '../../src/core/export';
import { renderCatalogueCsv, renderCatalogueHtml, renderLabelsCsv, renderLabelsHtml, labelData } from '../../src/core/labels';
import { parseRecordText } from '../../src/core/parse/record-file';
import { readCache, writeCache } from '../../src/core/index/cache';
import { indexText } from '../../src/core/index/index-file';
import { RecordIndex } from '../../src/core/index/record-index';
import { scanFolder } from '../../src/core/index/scan';
import { field, type RecordEntry } from '../../src/core/model/records';
import { compareFile } from '../../src/core/review/changes';
import { fieldDiff, formatValue } from '../../src/core/review/field-diff';
import { summaryMarkdown } from '../../src/core/review/markdown';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { tempWorkspace } from './helpers';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };

const ID = '320102198511204566'; // rounds to 320102198511204540 as a number
const CARD = '6222020200112233445'; // 19 digits, rounds to 6222020200112233000
const CONTRACT = '12345678901234567890'; // 20 digits, rounds to 12345678901234567000
const ZEROS = '000123'; // 123 as a number

const basic = `---
id: JB-2025-001
category: basic
customer: 王芳
customer_type: person
title: 开户资料
date: 2025-03-01
contact_person: 王芳
phone: "13812345678"
id_number: ${ID}
bank_account: ${CARD}
archive_no: Z001-WS·2025-Y-JB-0001
pages: 2
---
Body.
`;
const contract = `---
id: HT-2025-001
category: contract
customer: 北京云帆科技有限公司
customer_type: organization
title: 服务合同
date: 2025-03-01
contract_no: ${CONTRACT}
invoice_no: ${ZEROS}
archive_no: Z001-WS·2025-D10-HT-0001
pages: 3
---
`;

function entry(path: string, text: string): RecordEntry {
  const [r] = indexText(path, text, { mtimeMs: 1, size: 1 }, opts).records;
  assert.ok(r?.data, `${path} parsed`);
  return r;
}

describe('exact numbers: parsing', () => {
  test('index data holds the exact text of long and zero-led integers, on both parse paths', () => {
    for (const yamlOnly of [false, true]) {
      const [r] = parseRecordText(basic, 'markdown', { yamlOnly }).records;
      assert.equal(r.data?.id_number, ID, `yamlOnly ${yamlOnly}`);
      assert.equal(r.data?.bank_account, CARD);
      assert.equal(r.data?.pages, 2, 'a short integer is still a number');
      const [c] = parseRecordText(contract, 'markdown', { yamlOnly }).records;
      assert.equal(c.data?.contract_no, CONTRACT);
      assert.equal(c.data?.invoice_no, ZEROS);
    }
    const r = entry('a.md', basic);
    assert.equal(field(r, 'id_number'), ID);
  });

  test('YAML streams, lists and negative numbers keep their text too', () => {
    const text = `id_number: ${ID}\ncards: [${CARD}, 7]\n---\nid_number: -${ID}\ncodes:\n  - 007\n  - 0\n`;
    for (const yamlOnly of [false, true]) {
      const docs = parseRecordText(text, 'yaml', { yamlOnly }).records.map((r) => r.data);
      assert.deepEqual(
        docs,
        [
          { id_number: ID, cards: [CARD, 7] },
          { id_number: `-${ID}`, codes: ['007', 0] },
        ],
        `yamlOnly ${yamlOnly}`,
      );
    }
  });

  test('two ID numbers that differ only beyond 2^53 are not duplicates', () => {
    const index = new RecordIndex();
    const a = basic.replace('id: JB-2025-001', `id: ${ID}`);
    const b = basic.replace('id: JB-2025-001', `id: ${ID.slice(0, -1)}7`).replace('-0001', '-0002');
    index.replaceAll(
      new Map([
        ['a.md', indexText('a.md', a, { mtimeMs: 1, size: 1 }, opts)],
        ['b.md', indexText('b.md', b, { mtimeMs: 1, size: 1 }, opts)],
      ]),
    );
    assert.deepEqual(
      index.findings('a.md').filter((f) => f.code === 'duplicate-id'),
      [],
    );
  });
});

describe('exact numbers: checks', () => {
  test('the ID number check and the personal-information scan work on the exact digits', () => {
    const valid = '360426199101010071';
    const findings = (id: string) => indexText('a.md', basic.replace(ID, id), { mtimeMs: 1, size: 1 }, opts).findings;
    assert.deepEqual(
      findings(valid).filter((f) => f.code === 'invalid-id-number'),
      [],
    );
    assert.equal(findings(valid).find((f) => f.code === 'pi-id-number')?.fix?.edits[0].newText, '360426********0071');
    // One digit off is caught, and the message quotes the digits as written.
    const wrong = findings(valid.slice(0, -1) + '2').find((f) => f.code === 'invalid-id-number');
    assert.match(wrong?.message ?? '', /360426199101010072 is not a valid resident ID number/);
  });
});

describe('exact numbers: cache and worker threads', () => {
  test('the index cache gives back the same text', () => {
    const files = [indexText('a.md', basic, { mtimeMs: 1, size: 1 }, opts), indexText('b.md', contract, { mtimeMs: 1, size: 1 }, opts)];
    const back = readCache(writeCache('k', files), 'k');
    assert.ok(back);
    assert.equal(back.get('a.md')!.records[0].data?.id_number, ID);
    assert.equal(back.get('a.md')!.records[0].data?.bank_account, CARD);
    assert.equal(back.get('b.md')!.records[0].data?.contract_no, CONTRACT);
    assert.equal(back.get('b.md')!.records[0].data?.invoice_no, ZEROS);
  });

  test('records read by a worker thread carry the same text', async () => {
    const root = tempWorkspace({ 'a.md': basic, 'b.md': contract });
    const { files } = await scanFolder({ root, schema, lang: 'en', workers: 1, workerPath: path.join(__dirname, 'index-worker.js') });
    assert.equal(files.get('a.md')!.records[0].data?.id_number, ID);
    assert.equal(files.get('b.md')!.records[0].data?.invoice_no, ZEROS);
  });
});

describe('exact numbers: export', () => {
  const records = [entry('a.md', basic), entry('b.md', contract)];

  test('CSV cells hold the exact digits', async () => {
    const csv = await exportCsv(records, schema, 'en');
    for (const s of [ID, CARD, CONTRACT, ZEROS]) assert.ok(csv.includes(`,${s},`) || csv.includes(`,${s}\r\n`), `${s} in ${csv}`);
    assert.ok(!csv.includes('320102198511204540'));
  });

  test('JSON holds the exact digits, as strings', async () => {
    const list = JSON.parse(await exportJson(records)) as { fields: Record<string, unknown> }[];
    assert.equal(list[0].fields.id_number, ID);
    assert.equal(list[0].fields.bank_account, CARD);
    assert.equal(list[0].fields.pages, 2);
    assert.equal(list[1].fields.contract_no, CONTRACT);
    assert.equal(list[1].fields.invoice_no, ZEROS);
  });
});

describe('exact numbers: labels and catalogue', () => {
  const r = entry('b.md', contract);
  const z = entry('c.md', contract.replace(`contract_no: ${CONTRACT}\n`, ''));

  test('the document number (文号) is the exact contract or invoice number', () => {
    assert.equal(labelData(r, schema, 'zh').docNo, CONTRACT);
    assert.equal(labelData(z, schema, 'zh').docNo, ZEROS);
  });

  test('label CSV and HTML, catalogue CSV and HTML show the exact text', () => {
    const catCsv = renderCatalogueCsv([r, z], schema, 'zh');
    assert.ok(catCsv.includes(CONTRACT) && catCsv.includes(`,${ZEROS},`), catCsv);
    const catHtml = renderCatalogueHtml([r, z], schema, { language: 'zh', title: '目录' });
    assert.ok(catHtml.includes(CONTRACT) && catHtml.includes(`>${ZEROS}<`));
    const idRecord = entry('d.md', contract.replace('id: HT-2025-001', `id: ${ZEROS}`));
    assert.ok(renderLabelsCsv([idRecord], schema, 'zh').includes(`,${ZEROS}\r\n`));
    // A record label shows the title: one made of digits alone is a number to YAML.
    const titled = entry('e.md', contract.replace('title: 服务合同', `title: ${CONTRACT}`));
    assert.ok(renderLabelsHtml([titled], schema, { kinds: ['record'], preset: 'a4-3x8', language: 'zh', title: '标签' }).includes(`>${CONTRACT}<`));
  });
});

describe('exact numbers: diff and review', () => {
  const kin = (t: string, from: string, to: string) => t.replace(from, to);

  test('a change in the last digits of a long number is a change', () => {
    const after = kin(contract, CONTRACT, CONTRACT.slice(0, -1) + '1');
    const [change] = compareFile({ status: 'modified', path: 'b.md' }, contract, after);
    assert.deepEqual(change.changes, [{ field: 'contract_no', kind: 'changed', before: CONTRACT, after: CONTRACT.slice(0, -1) + '1' }]);
    assert.equal(formatValue(change.changes[0].before), CONTRACT);
  });

  test('zeros added or removed are a change; quoting the same digits is not', () => {
    const [zeros] = compareFile({ status: 'modified', path: 'b.md' }, contract, kin(contract, `invoice_no: ${ZEROS}`, 'invoice_no: 123'));
    assert.deepEqual(
      zeros.changes.map((c) => [c.field, c.before, c.after]),
      [['invoice_no', ZEROS, 123]],
    );
    assert.deepEqual(compareFile({ status: 'modified', path: 'a.md' }, basic, kin(basic, `id_number: ${ID}`, `id_number: "${ID}"`)), []);
    assert.deepEqual(fieldDiff({ n: ID }, { n: ID }), []);
  });

  test('the review summary masks the exact ID number, not a rounded one', () => {
    const after = kin(basic, ID, ID.slice(0, -1) + '7');
    const records = compareFile({ status: 'modified', path: 'a.md' }, basic, after);
    assert.equal(records.length, 1, 'the change is seen');
    const md = summaryMarkdown({ base: 'main', head: 'HEAD', records, introduced: [], fixed: [] }, undefined, 'en');
    assert.ok(md.includes('320102\\*\\*\\*\\*\\*\\*\\*\\*4566') && md.includes('320102\\*\\*\\*\\*\\*\\*\\*\\*4567'), md);
  });
});
