import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readPdf } from '../../src/core/import/read-pdf';
import { scanKind, scanPages, tiffPages } from '../../src/core/import/scan-pages';
import { compilePattern, patternMatcher, PatternError } from '../../src/core/import/scan-pattern';
import type { RecordEntry } from '../../src/core/model/records';
import { AES_PDF, encryptedReadablePdf, JPEG, PNG, pdf, tiff, TIFF_3 } from './scan-files';

const rec = (file: string, data: Record<string, unknown>): RecordEntry => ({ file, index: 0, line: 0, endLine: 0, data, errors: 0, warnings: 0 });
const CYCLIC = [
  '%PDF-1.7',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj',
  'trailer << /Root 1 0 R /Size 4 >>',
  '%%EOF',
].join('\n');
const isField = (f: string) => ['id', 'contract_no', 'customer', 'category'].includes(f);

describe('scan pages: counted from the bytes by a real PDF library and the TIFF structure', () => {
  test('a 3-page PDF (object streams or not), a 1-page one; JPEG and PNG are one page', async () => {
    assert.deepEqual(await scanPages('pdf', await pdf(3), readPdf), { ok: true, pages: 3 });
    assert.deepEqual(await scanPages('pdf', await pdf(1, { objectStreams: false }), readPdf), { ok: true, pages: 1 });
    assert.deepEqual(await scanPages('pdf', await pdf(120), readPdf), { ok: true, pages: 120 });
    assert.deepEqual(await scanPages('jpeg', JPEG, readPdf), { ok: true, pages: 1 });
    assert.deepEqual(await scanPages('png', PNG, readPdf), { ok: true, pages: 1 });
  });

  test('password-protected: attached with a note; pages counted where the page tree is readable, unknown where it is encrypted', async () => {
    const old = await scanPages('pdf', await encryptedReadablePdf(2), readPdf);
    assert.equal(old.ok && old.pages, 2);
    assert.match(old.ok ? (old.note ?? '') : '', /password-protected \(2 pages counted\)/);
    const aes = await scanPages('pdf', AES_PDF, readPdf);
    assert.ok(aes.ok);
    assert.equal(aes.pages, undefined);
    assert.match(aes.note ?? '', /password-protected \(its pages cannot be counted\)/);
  });

  test('damaged or mislabelled files are refused with the reason, quietly (pdf-lib prints nothing)', async () => {
    const good = await pdf(3);
    const said: unknown[] = [];
    const warn = console.warn;
    const log = console.log;
    console.warn = console.log = (...a: unknown[]) => void said.push(a);
    try {
      const cases: [Parameters<typeof scanPages>[0], Buffer, RegExp][] = [
        ['pdf', Buffer.alloc(0), /empty/],
        ['pdf', Buffer.from('hello'), /not a PDF/],
        ['pdf', good.subarray(0, good.length - 200), /cut off \(no %%EOF/],
        ['pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'), /the PDF cannot be read/],
        // A page tree that contains itself: refused, not a hang.
        ['pdf', Buffer.from(CYCLIC), /the PDF cannot be read/],
        ['jpeg', PNG, /not a JPEG/],
        ['png', JPEG, /not a PNG/],
        ['tiff', JPEG, /not a TIFF/],
      ];
      for (const [kind, bytes, want] of cases) {
        const r = await scanPages(kind, bytes, readPdf);
        assert.ok(!r.ok, want.source);
        assert.match(r.reason, want);
      }
    } finally {
      console.warn = warn;
      console.log = log;
    }
    assert.deepEqual(said, []);
  });

  test('TIFF: one page per image in the chain, either byte order, BigTIFF; thumbnails not counted; a loop or a cut-off chain refused', () => {
    assert.deepEqual(tiffPages(TIFF_3), { ok: true, pages: 3 });
    assert.deepEqual(tiffPages(tiff([{ subfile: 0 }, { subfile: 2 }], { bigEndian: true })), { ok: true, pages: 2 });
    assert.deepEqual(tiffPages(tiff([{ subfile: 0 }, { subfile: 1 }, { subfile: 0 }])), { ok: true, pages: 2 });
    assert.deepEqual(tiffPages(tiff([{ subfile: 0 }])), { ok: true, pages: 1 });
    const loop = tiffPages(tiff([{ subfile: 0 }, { subfile: 0 }], { lastNext: 8 }));
    assert.ok(!loop.ok && /loops back/.test(loop.reason));
    const cut = tiffPages(tiff([{ subfile: 0 }, { subfile: 0 }], { lastNext: 10_000 }));
    assert.ok(!cut.ok && /cut off after 2 images/.test(cut.reason));
    const big = Buffer.alloc(16 + 8 + 20 + 8);
    big.write('II', 0, 'latin1');
    big.writeUInt16LE(43, 2);
    big.writeUInt16LE(8, 4);
    big.writeBigUInt64LE(16n, 8);
    big.writeBigUInt64LE(1n, 16);
    big.writeUInt16LE(256, 24);
    assert.deepEqual(tiffPages(big), { ok: true, pages: 1 });
    assert.equal(scanKind('扫描 合同.TIF'), 'tiff');
    assert.equal(scanKind('a.JPEG'), 'jpeg');
    assert.equal(scanKind('a.docx'), undefined);
  });
});

describe('scan file-name patterns', () => {
  test('a pattern names at least one schema field, no folders, closed braces', () => {
    for (const [bad, why] of [
      ['*.pdf', /names no field/],
      ['{nope}*.pdf', /not a field/],
      ['x/{id}.pdf', /not folders/],
      ['{id*.pdf', /without "}"/],
      ['{id}}.pdf', /without "{"/],
      ['{id}.{pdf,}', /plain alternatives/],
      ['', /empty/],
    ] as const)
      assert.throws(
        () => compilePattern(bad, isField),
        (e: unknown) => e instanceof PatternError && why.test(e.message),
        bad,
      );
  });

  test('the record whose values fill the name; any case, Unicode-normalised; alternatives; two fields', () => {
    const a = rec('a.md', { contract_no: 'HT-2024-001', id: 'HT-1', customer: '华远' });
    const b = rec('b.md', { contract_no: 'HT-2024-0010', id: 'HT-2', customer: '云帆' });
    const c = rec('c.md', { contract_no: 'ht-2024-002', id: 'Café', customer: '华远' });
    const m = patternMatcher(compilePattern('{contract_no}*.pdf', isField), [a, b, c]);
    assert.deepEqual(m.match('HT-2024-001 签字版.PDF'), { kind: 'records', records: [a] });
    assert.deepEqual(m.match('HT-2024-002.pdf'), { kind: 'records', records: [c] });
    assert.deepEqual(m.match('HT-2024-009.pdf'), { kind: 'none' });
    assert.deepEqual(m.match('scan.jpg'), { kind: 'unfit' });
    // `*` may swallow the last digit: both records fit, and the import says so rather than choosing.
    assert.deepEqual(m.match('HT-2024-0010.pdf'), { kind: 'records', records: [a, b] });
    const ids = patternMatcher(compilePattern('{id}-*.{pdf,jpg}', isField), [a, b, c]);
    assert.deepEqual(ids.match('Cafe\u0301-1.JPG'), { kind: 'records', records: [c] });
    assert.deepEqual(ids.match('HT-1-p1.png'), { kind: 'unfit' });
    const two = patternMatcher(compilePattern('scan_{customer}_{id}.pdf', isField), [a, b, c]);
    assert.deepEqual(two.match('scan_华远_HT-1.pdf'), { kind: 'records', records: [a] });
    assert.deepEqual(two.match('scan_云帆_HT-1.pdf'), { kind: 'none' });
  });
});
