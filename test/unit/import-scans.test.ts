import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFolder } from '../../src/core/check/folder';
import { readPdf } from '../../src/core/import/read-pdf';
import { prepareScanImport, type ScanImportRequest } from '../../src/core/import/scan-session';
import { applyChanges } from '../../src/core/io/changes';
import { attachmentFields, attachmentsOf } from '../../src/core/disposal/attachments';
import { labelData } from '../../src/core/labels/model';
import { tempWorkspace } from './helpers';
import { JPEG, pdf, TIFF_3 } from './scan-files';

const head = (no: string, id: string, more = '') =>
  `---\nid: ${id}\ncategory: contract\ncustomer: 华远科技\ncustomer_type: organization\ntitle: 合同 ${no}  # 原件在档案室\ndate: 2024-03-01\ncontract_no: ${no}\nsigned_date: 2024-03-01\namount: "100.00"\n${more}---\n\n正文。\n`;

const BLOCK = 'customers/华远/HT-1.md';
const FLOW = 'customers/华远/HT-2.md';
const MULTI = 'customers/云帆/contracts.yaml';
const CRLF = 'customers/云帆/HT-5.md';

async function workspace(extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  return tempWorkspace({
    [BLOCK]: head('HT-0001', 'HT-2024-001', 'attachments:\n  - scans/old.pdf   # 旧扫描件\n'),
    'customers/华远/scans/old.pdf': await pdf(2),
    [FLOW]: head('HT-0002', 'HT-2024-002', 'attachments: [HT-2024-002/a.pdf]\npages: 1\n'),
    'customers/华远/HT-2024-002/a.pdf': await pdf(1),
    [MULTI]:
      'id: HT-2024-003\ncategory: contract\ncustomer: 云帆\ncustomer_type: organization\ntitle: 三号\ndate: 2024-01-01\ncontract_no: HT-0003\nsigned_date: 2024-01-01\namount: "1.00"\n' +
      '---\nid: HT-2024-004\ncategory: contract\ncustomer: 云帆\ncustomer_type: organization\ntitle: 四号\ndate: 2024-01-02\ncontract_no: HT-0004\nsigned_date: 2024-01-02\namount: "2.00"\n',
    [CRLF]: head('HT-0005', 'HT-2024-005').replace(/\n/g, '\r\n'),
    ...extra,
  });
}

async function prepare(root: string, o: Partial<ScanImportRequest> = {}) {
  const folder = await openFolder(root, 'en');
  const r = await prepareScanImport({ root, schema: folder.schema.schema, index: folder.index, folder: 'inbox', readPdf, ...o });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return { session: r.session, folder };
}

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('scans attached to their records by a file-name pattern', () => {
  test('each style of record keeps its formatting and comments; copies beside the record; pages from all attachments; idempotent', async () => {
    const root = await workspace({
      'inbox/HT-0001 签字版.pdf': await pdf(3),
      'inbox/HT-0002-p1.jpg': JPEG,
      'inbox/HT-0003.tif': TIFF_3,
      'inbox/HT-0004.PDF': await pdf(4),
      'inbox/sub/HT-0005.png': await pdf(1), // a PDF named .png: refused
      'inbox/HT-0005.pdf': await pdf(5),
    });
    const before = { block: read(root, BLOCK), flow: read(root, FLOW), multi: read(root, MULTI), crlf: read(root, CRLF) };
    const { session } = await prepare(root, { match: '{contract_no}*.{pdf,jpg,tif,png}' });
    const plan = session.plan;
    assert.deepEqual(
      plan.attached.map((a) => [a.scan, a.record, a.file, a.pages]),
      [
        ['inbox/HT-0001 签字版.pdf', BLOCK, 'customers/华远/scans/HT-0001 签字版.pdf', 3],
        ['inbox/HT-0002-p1.jpg', FLOW, 'customers/华远/HT-2024-002/HT-0002-p1.jpg', 1],
        ['inbox/HT-0003.tif', MULTI, 'customers/云帆/HT-2024-003/HT-0003.tif', 3],
        ['inbox/HT-0004.PDF', MULTI, 'customers/云帆/HT-2024-004/HT-0004.PDF', 4],
        ['inbox/HT-0005.pdf', CRLF, 'customers/云帆/HT-2024-005/HT-0005.pdf', 5],
      ],
    );
    assert.deepEqual(plan.rejected, [{ scan: 'inbox/sub/HT-0005.png', reason: 'not a PNG image; not attached' }]);
    // FLOW had pages: 1 written by hand and now lists two 1-page scans: a conflict, left.
    assert.deepEqual(plan.conflicts, [{ record: FLOW, reason: 'pages: now 1, the attachments have 2 pages; left as it is' }]);
    const applied = applyChanges(root, session.changes);
    assert.ok(applied.ok);

    assert.equal(read(root, BLOCK), before.block.replace('# 旧扫描件\n', '# 旧扫描件\n  - scans/HT-0001 签字版.pdf\npages: 5\n'));
    assert.equal(read(root, FLOW), before.flow.replace('[HT-2024-002/a.pdf]', '[HT-2024-002/a.pdf, HT-2024-002/HT-0002-p1.jpg]'));
    assert.equal(
      read(root, MULTI),
      before.multi
        .replace('date: 2024-01-01\n', 'date: 2024-01-01\nattachments: [HT-2024-003/HT-0003.tif]\npages: 3\n')
        .replace('date: 2024-01-02\n', 'date: 2024-01-02\nattachments: [HT-2024-004/HT-0004.PDF]\npages: 4\n'),
    );
    // Fields a record lacks go where the schema's order puts them, as every inserted field does; in the record's line endings.
    assert.equal(read(root, CRLF), before.crlf.replace('date: 2024-03-01\r\n', 'date: 2024-03-01\r\nattachments: [HT-2024-005/HT-0005.pdf]\r\npages: 5\r\n'));
    assert.deepEqual(fs.readFileSync(path.join(root, 'customers/云帆/HT-2024-003/HT-0003.tif')), TIFF_3);
    assert.match(read(root, '.records/imports/inbox.scans.yaml'), /^match: "\{contract_no\}\*\.\{pdf,jpg,tif,png\}"$/m);

    // What the rest of the tool reads: the attachments (disposal destroys them with the record) and the stamp's 页数.
    const { session: again, folder } = await prepare(root);
    const block = [...folder.index.records()].find((r) => r.file === BLOCK)!;
    assert.deepEqual(
      attachmentsOf(block.data, BLOCK, attachmentFields(folder.schema.schema)).map((a) => a.rel),
      ['customers/华远/scans/old.pdf', 'customers/华远/scans/HT-0001 签字版.pdf'],
    );
    assert.equal(labelData(block, folder.schema.schema, 'zh').pages, '5');
    assert.equal(folder.index.findings(BLOCK).filter((f) => f.code === 'missing-attachment').length, 0);
    // The same scans again, from the saved mapping: nothing to do (the FLOW conflict is still reported).
    assert.equal(again.mappingFrom, 'saved');
    assert.deepEqual(again.changes, []);
    assert.equal(again.plan.skipped.length, 5);
    assert.equal(again.plan.conflicts.length, 1);
  });

  test('a changed scan with the same name is a conflict, the attached copy left; a hand-set pages is not overwritten', async () => {
    const scan = await pdf(2);
    assert.deepEqual(await pdf(2), scan, 'the test PDFs are the same bytes each time');
    const root = await workspace({ 'inbox/HT-0005.pdf': scan });
    const first = await prepare(root, { match: '{contract_no}.pdf' });
    assert.ok(applyChanges(root, first.session.changes).ok);
    fs.writeFileSync(path.join(root, 'inbox/HT-0005.pdf'), await pdf(3));
    const { session } = await prepare(root);
    assert.deepEqual(session.plan.conflicts, [
      {
        scan: 'inbox/HT-0005.pdf',
        record: CRLF,
        reason: 'the scan changed since it was attached as customers/云帆/HT-2024-005/HT-0005.pdf; the attached copy is left as it is',
      },
    ]);
    assert.deepEqual(
      session.changes.map((c) => c.path),
      [],
    );
    // pages written by the import follow the scans; one set by hand stays, reported.
    fs.writeFileSync(path.join(root, CRLF), read(root, CRLF).replace('pages: 2', 'pages: 9'));
    fs.writeFileSync(path.join(root, 'inbox/HT-0005.pdf'), scan);
    const hand = await prepare(root);
    assert.deepEqual(hand.session.plan.conflicts, [{ record: CRLF, reason: 'pages: now 9, the attachments have 2 pages; left as it is' }]);
    assert.equal(hand.session.changes.length, 0);
    // The record destroyed since (its scans with it): the scan is not attached again to anything.
    fs.rmSync(path.join(root, CRLF));
    fs.rmSync(path.join(root, 'customers/云帆/HT-2024-005'), { recursive: true });
    const gone = await prepare(root);
    assert.deepEqual(gone.session.plan.skipped, [
      { scan: 'inbox/HT-0005.pdf', record: CRLF, note: 'attached before to a record no longer in the folder; not attached again' },
    ]);
    assert.deepEqual(gone.session.plan.rejected, []);
    assert.equal(gone.session.changes.length, 0);
  });

  test('attacks: no record, two records, a link, a link folder, a duplicate, a damaged PDF, a copy onto another file', async () => {
    const outside = tempWorkspace({ 'secret.pdf': await pdf(1) });
    const root = await workspace({
      'inbox/HT-0009.pdf': await pdf(1),
      'inbox/HT-0001.pdf': await pdf(1),
      'inbox/copy-of-HT-0001.pdf': await pdf(1),
      'inbox/HT-0003.pdf': Buffer.from('%PDF-1.4\nnot really\n%%EOF\n'),
      'inbox/HT-0004.pdf': await pdf(6),
      'customers/云帆/HT-2024-004/HT-0004.pdf': await pdf(7),
      'inbox/.DS_Store': 'x',
      'inbox/notes.docx': 'x',
      [`customers/华远/HT-1b.md`]: head('HT-0001', 'HT-2024-011'),
    });
    fs.symlinkSync(path.join(outside, 'secret.pdf'), path.join(root, 'inbox/HT-0005.pdf'));
    fs.symlinkSync(outside, path.join(root, 'inbox/linked'));
    // 600 MB, sparse: refused by its size, never read.
    fs.writeFileSync(path.join(root, 'inbox/HT-0002 big.pdf'), '');
    fs.truncateSync(path.join(root, 'inbox/HT-0002 big.pdf'), 600 * 2 ** 20);
    const { session } = await prepare(root, { match: '{contract_no}*.pdf' });
    const rejected = Object.fromEntries(session.plan.rejected.map((r) => [r.scan, r.reason]));
    assert.deepEqual(Object.keys(rejected).sort(), [
      'inbox/HT-0001.pdf',
      'inbox/HT-0002 big.pdf',
      'inbox/HT-0003.pdf',
      'inbox/HT-0005.pdf',
      'inbox/HT-0009.pdf',
      'inbox/copy-of-HT-0001.pdf',
      'inbox/linked',
    ]);
    assert.match(rejected['inbox/HT-0001.pdf'], /matches 2 records \(customers\/华远\/HT-1\.md, customers\/华远\/HT-1b\.md\); attached to none/);
    assert.match(rejected['inbox/HT-0003.pdf'], /the PDF cannot be read/);
    assert.match(rejected['inbox/HT-0002 big.pdf'], /^600 MB: over the 512 MB a scan may have here; split it$/);
    assert.match(rejected['inbox/HT-0005.pdf'], /symbolic link/);
    assert.match(rejected['inbox/linked'], /symbolic link/);
    assert.match(rejected['inbox/HT-0009.pdf'], /matches no record: no record has the contract_no the name gives/);
    // The pattern starts with the field: a name that does not start with a contract number names none.
    assert.match(rejected['inbox/copy-of-HT-0001.pdf'], /matches no record/);
    assert.deepEqual(session.plan.conflicts, [
      { scan: 'inbox/HT-0004.pdf', record: MULTI, reason: 'customers/云帆/HT-2024-004/HT-0004.pdf exists already with other content; left as it is' },
    ]);
    assert.deepEqual(
      session.plan.notes.map((n) => n.path),
      ['inbox/.DS_Store', 'inbox/notes.docx'],
    );
    assert.deepEqual(session.changes, []);

    // Duplicates: the same bytes under two names; only the first is attached.
    const dup = await workspace({
      'inbox/HT-0002 a.pdf': await pdf(2),
      'inbox/HT-0002 b.pdf': await pdf(2),
      'inbox/HT-0002 c.pdf': await pdf(1),
      // `..` inside a name is just a name; a control character is not one plain file name.
      'inbox/HT-0002..pdf': await pdf(3),
      'inbox/HT-0002\u001b[31m.pdf': await pdf(4),
    });
    const d = await prepare(dup, { match: '{contract_no}*.pdf' });
    assert.deepEqual(
      d.session.plan.attached.map((a) => a.scan),
      ['inbox/HT-0002 a.pdf', 'inbox/HT-0002..pdf'],
    );
    assert.deepEqual(d.session.plan.rejected, [
      {
        scan: 'inbox/HT-0002\u001b[31m.pdf',
        reason: 'the name is not one plain file name (control characters, a reserved character, over 120 characters); rename it',
      },
      { scan: 'inbox/HT-0002 b.pdf', reason: 'the same bytes as inbox/HT-0002 a.pdf: a duplicate scan; only that one is attached' },
    ]);
    // The same bytes as a file the record lists already: nothing to add.
    assert.deepEqual(d.session.plan.skipped, [
      { scan: 'inbox/HT-0002 c.pdf', record: FLOW, note: 'the record has the same scan already, as HT-2024-002/a.pdf' },
    ]);
  });

  test("a scans folder inside the record's folder: the scan stays where it is and is listed; one listed already is skipped", async () => {
    const root = await workspace({ 'customers/华远/scans/HT-0001 补充.pdf': await pdf(3) });
    const { session } = await prepare(root, { folder: 'customers/华远/scans', match: '{contract_no}*.pdf' });
    assert.deepEqual(
      session.plan.attached.map((a) => [a.scan, a.file, a.value, a.copy]),
      [['customers/华远/scans/HT-0001 补充.pdf', 'customers/华远/scans/HT-0001 补充.pdf', 'scans/HT-0001 补充.pdf', false]],
    );
    assert.deepEqual(session.plan.skipped, [{ scan: 'customers/华远/scans/old.pdf', record: BLOCK, note: 'the record lists it already' }]);
    assert.deepEqual(session.plan.rejected, []);
    assert.deepEqual(
      session.changes.map((c) => c.path),
      [BLOCK, '.records/imports/customers-华远-scans.scans.yaml', '.records/imports/customers-华远-scans.scans.state.json'],
    );
    assert.ok(applyChanges(root, session.changes).ok);
    assert.match(read(root, BLOCK), /  - scans\/old\.pdf   # 旧扫描件\n  - scans\/HT-0001 补充\.pdf\npages: 5\n---/);
  });

  test('a payment that names the contract number: ambiguous, until --category says which kind of record the scans are of', async () => {
    const payment =
      '---\nid: JY-2024-001\ncategory: transaction\ncustomer: 华远科技\ncustomer_type: organization\ntitle: 付款\ndate: 2024-03-05\ncontract_no: HT-0002\n---\n';
    const root = await workspace({ 'transactions/pay.md': payment, 'inbox/HT-0002 签字.pdf': await pdf(2) });
    const mixed = await prepare(root, { match: '{contract_no}*.pdf' });
    assert.match(mixed.session.plan.rejected[0]?.reason ?? '', /^matches 2 records \(customers\/华远\/HT-2\.md, transactions\/pay\.md\); attached to none/);
    const contracts = await prepare(root, { match: '{contract_no}*.pdf', category: 'contract' });
    assert.deepEqual(
      contracts.session.plan.attached.map((a) => a.record),
      [FLOW],
    );
    assert.match(contracts.session.changes.find((c) => c.path.endsWith('.scans.yaml'))!.after!.toString(), /^category: contract$/m);
  });

  test('a mapping table: file,key (GBK, a field header), `..` and absolute paths refused, names not in the table unmatched', async () => {
    // As Chinese Excel saves it: GBK, CRLF.
    const csv = Buffer.from(
      'cec4bcfe2cbacfcdacb1e0bac50d0ac9a8c3e8312e7064662c48542d303030330d0a2e2e2f2e2e2f6574632f7061737377642c48542d303030310d0a2f6162732e7064662c48542d303030310d0ab2bbb4e6d4da2e7064662c48542d303030310d0a',
      'hex',
    );
    assert.match(new TextDecoder('gb18030').decode(csv), /^文件,合同编号\r\n扫描1\.pdf,HT-0003/);
    const root = await workspace({ 'inbox/扫描1.pdf': await pdf(2), 'inbox/扫描2.pdf': await pdf(1), 'inbox/index.csv': csv });
    const { session } = await prepare(root, { table: 'inbox/index.csv' });
    assert.deepEqual(
      session.plan.attached.map((a) => [a.scan, a.record, a.index]),
      [['inbox/扫描1.pdf', MULTI, 0]],
    );
    const reasons = session.plan.rejected.map((r) => `${r.scan}${r.line ? `:${r.line}` : ''} ${r.reason}`);
    assert.deepEqual(reasons, [
      'inbox/index.csv:3 "../../etc/passwd" is not a path inside the scans folder (no "..", no absolute path, "/" between folders)',
      'inbox/index.csv:4 "/abs.pdf" is not a path inside the scans folder (no "..", no absolute path, "/" between folders)',
      'inbox/index.csv:5 不存在.pdf: no such scan in the folder',
      'inbox/扫描2.pdf matches no record: not in the table inbox/index.csv',
    ]);
    assert.ok(applyChanges(root, session.changes).ok);
    assert.match(read(root, '.records/imports/inbox.scans.yaml'), /^table: inbox\/index\.csv$/m);
    assert.match(read(root, MULTI), /date: 2024-01-01\nattachments: \[HT-2024-003\/扫描1\.pdf\]\npages: 2\ncontract_no: HT-0003\n/);
  });
});
