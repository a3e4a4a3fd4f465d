import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSchema } from '../../src/core/schema/load';
import { execFileSync } from 'node:child_process';
import { indexOptions, liveIndexWorkers, scanFolder } from '../../src/core/index/scan';
import { readAndIndex } from '../../src/core/index/read-file';
import { field, type FileEntry } from '../../src/core/model/records';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { record, SAMPLE, tempWorkspace, VALID_SERVICE } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(SAMPLE, '../../test/fixtures/sample-manifest.json'), 'utf8'));
const scan = (root: string, workers = 0) =>
  scanFolder({ root, schema: defaultSchema(), lang: 'en', workers, workerPath: path.join(__dirname, 'index-worker.js') });

describe('scanning a folder', () => {
  test('indexes the sample: every record, per category, multi-document YAML as one record each', async () => {
    const s = readWorkspaceSchema(SAMPLE);
    const result = await scanFolder({ root: SAMPLE, schema: s.schema, lang: 'en', workers: 0 });
    const records = [...result.files.values()].flatMap((f) => f.records);
    assert.equal(records.length, manifest.recordCount);
    const byCategory: Record<string, number> = {};
    for (const r of records) byCategory[field(r, 'category') ?? 'unknown'] = (byCategory[field(r, 'category') ?? 'unknown'] ?? 0) + 1;
    assert.deepEqual(byCategory, manifest.byCategory);
    const stream = result.files.get('transactions/2021/qiming-installments.yaml');
    assert.equal(stream?.records.length, 3);
    assert.deepEqual(
      stream?.records.map((r) => r.index),
      [0, 1, 2],
    );
    assert.ok(stream!.records[1].line > stream!.records[0].endLine, 'each document has its own range');
    assert.equal(result.files.get('notes/meeting-agenda.md')?.isRecordFile, false, 'a file without front matter is not a record');
    assert.equal(result.files.has('README.md'), false, 'excluded by the schema');
  });

  test('worker threads give the same index as the main thread', async () => {
    const here = await scan(SAMPLE, 0);
    const there = await scan(SAMPLE, 2);
    const strip = (m: typeof here.files) => [...m.values()].sort((a, b) => a.path.localeCompare(b.path)).map((f) => JSON.stringify(f));
    assert.deepEqual(strip(there.files), strip(here.files));
  });

  test('a large folder is read by worker threads and delivered in batches, with the same entries and stats', async () => {
    const files: Record<string, string> = {};
    // More than one slice of the listing (4,000 paths) and more than the 1,000 files that call for workers.
    for (let i = 0; i < 4500; i++) files[`c${i % 7}/r${i}.md`] = record({ ...VALID_SERVICE, id: `FW-2026-${i}` });
    const root = tempWorkspace(files);
    let batches = 0;
    const seen = new Map<string, FileEntry>();
    const cold = await scanFolder({
      root,
      schema: defaultSchema(),
      lang: 'en',
      workerPath: path.join(__dirname, 'index-worker.js'),
      onEntries: (entries, reused) => {
        assert.equal(reused, false);
        assert.ok(liveIndexWorkers() > 0, 'read by worker threads');
        batches++;
        for (const e of entries) seen.set(e.path, e);
      },
    });
    assert.equal(cold.listed, 4500);
    assert.equal(cold.read, 4500);
    assert.equal(seen.size, 4500);
    assert.ok(batches > 4, `delivered in batches as workers finish them (${batches})`);
    // No cache, so the listing took no stats: they come from reading each file, and match the disk.
    const st = fs.statSync(path.join(root, 'c3/r10.md'));
    assert.deepEqual([seen.get('c3/r10.md')?.mtimeMs, seen.get('c3/r10.md')?.size], [st.mtimeMs, st.size]);
    const here = await scan(root, 0);
    assert.deepEqual(JSON.stringify(seen.get('c6/r4499.md')), JSON.stringify(here.files.get('c6/r4499.md')));
    // With that as the cache, a second scan reuses everything and reads nothing.
    const warm = await scanFolder({ root, schema: defaultSchema(), lang: 'en', workerPath: path.join(__dirname, 'index-worker.js'), previous: seen });
    assert.deepEqual([warm.reused, warm.read], [4500, 0]);
  });

  test('an aborted scan stops its worker threads; a cache that fails to load is no cache', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`r${i}.md`] = record({ ...VALID_SERVICE, id: `A${i}` });
    const root = tempWorkspace(files);
    const workerPath = path.join(__dirname, 'index-worker.js');
    const aborted = AbortSignal.abort();
    await assert.rejects(scanFolder({ root, schema: defaultSchema(), lang: 'en', workerPath, signal: aborted }));
    const unreadable = await scanFolder({
      root,
      schema: defaultSchema(),
      lang: 'en',
      workerPath,
      workers: 2,
      previous: Promise.reject(new Error('cache unreadable')),
    });
    assert.deepEqual([unreadable.reused, unreadable.read], [0, 30], 'a cache that fails to load counts as none');
    const ok = await scanFolder({ root, schema: defaultSchema(), lang: 'en', workerPath });
    assert.equal(ok.files.size, 30, 'a tiny folder is indexed here; the workers started for it are stopped');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(liveIndexWorkers(), 0);
  });

  test('a caller whose onEntries throws gets a failed scan, not one that never ends', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`r${i}.md`] = record({ ...VALID_SERVICE, id: `T${i}` });
    const root = tempWorkspace(files);
    const onEntries = () => {
      throw new Error('the caller broke');
    };
    await assert.rejects(
      scanFolder({ root, schema: defaultSchema(), lang: 'en', workerPath: path.join(__dirname, 'index-worker.js'), workers: 2, onEntries }),
      /the caller broke/,
    );
  });

  test('bad input becomes findings, never a crash: BOM, CRLF, GBK, binary, huge, broken YAML, duplicate keys', async () => {
    const gbk = Buffer.concat([Buffer.from('---\nid: G1\ncustomer: '), Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), Buffer.from('\n---\n')]);
    const root = tempWorkspace({
      'bom.md': '\uFEFF' + record(VALID_SERVICE),
      'crlf.md': record(VALID_SERVICE).replace(/\n/g, '\r\n').replace('FW-2026-001', 'FW-CRLF'),
      'gbk.md': gbk,
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'huge.md': '---\nid: H\n---\n' + 'x'.repeat(6 * 1024 * 1024),
      'broken.md': '---\nid: B1\nparticipants: [a, b\ncategory: service\n---\n',
      'dup.md': '---\nid: D1\nid: D2\n---\n',
      'empty.md': '---\n---\nno fields\n',
      // Larger than the reader's shared 64 KB buffer, with a second record at the end: read whole.
      'long.yaml': 'id: L1\nnote: x\n' + '# 备注\n'.repeat(20_000) + '---\nid: L2\nnote: y\n',
    });
    const { files } = await scan(root);
    const codes = (p: string) => files.get(p)?.findings.map((f) => f.code) ?? [];
    assert.equal(files.get('bom.md')?.records.length, 1);
    assert.equal(field(files.get('bom.md')!.records[0], 'id'), 'FW-2026-001');
    assert.equal(field(files.get('crlf.md')!.records[0], 'title'), '上门服务');
    assert.deepEqual(codes('gbk.md'), ['encoding']);
    assert.match(files.get('gbk.md')!.findings[0].message, /GBK|GB18030/);
    assert.equal(files.get('gbk.md')!.findings[0].start.line, 2);
    assert.deepEqual(codes('binary.md'), ['binary']);
    assert.deepEqual(codes('huge.md'), ['too-large']);
    assert.match(
      files.get('huge.md')!.findings[0].message,
      new RegExp(`file is ${fs.statSync(path.join(root, 'huge.md')).size} bytes`),
      'the real size, though the file is not read',
    );
    assert.ok(codes('broken.md').includes('yaml-syntax'));
    assert.ok(codes('dup.md').includes('duplicate-key'));
    assert.equal(files.get('empty.md')?.records.length, 1);
    assert.deepEqual(
      files.get('long.yaml')!.records.map((r) => field(r, 'id')),
      ['L1', 'L2'],
    );
    assert.equal(files.get('long.yaml')!.size, fs.statSync(path.join(root, 'long.yaml')).size);
  });

  test('a FIFO or a folder named like a record is not read (opening a FIFO would wait for a writer forever)', { skip: process.platform === 'win32' }, () => {
    const root = tempWorkspace({ 'a.md': record(VALID_SERVICE) });
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
    fs.mkdirSync(path.join(root, 'folder.md'));
    const opts = indexOptions({ root, schema: defaultSchema(), lang: 'en' });
    assert.equal(readAndIndex(root, 'pipe.md', opts), undefined);
    assert.equal(readAndIndex(root, 'folder.md', opts), undefined);
    assert.equal(readAndIndex(root, 'a.md', opts)?.records.length, 1);
  });

  test('a symbolic-link loop does not hang the scan', async () => {
    const root = tempWorkspace({ 'a/r.md': record(VALID_SERVICE) });
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a/loop'));
    const { files } = await scan(root);
    // The link is not followed (no a/loop/r.md) but reported once, as a link (records-unlisted.test.ts).
    assert.deepEqual([...files.keys()].sort(), ['a/loop', 'a/r.md']);
    assert.deepEqual([files.get('a/loop')?.records.length, files.get('a/loop')?.findings.map((f) => f.code)], [0, ['symlink']]);
  });

  test('a file that vanishes between listing and reading is dropped, not an error', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`r${i}.md`] = record({ ...VALID_SERVICE, id: `V${i}` });
    const root = tempWorkspace(files);
    let removed = false;
    const result = await scanFolder({
      root,
      schema: defaultSchema(),
      lang: 'en',
      workers: 0,
      onProgress: () => {
        if (!removed) {
          removed = true;
          for (let i = 20; i < 40; i++) fs.rmSync(path.join(root, `r${i}.md`));
        }
      },
    });
    assert.equal(result.files.size, 20);
  });

  test('include and exclude globs decide which files are records', async () => {
    const root = tempWorkspace({
      'records/a.md': record(VALID_SERVICE),
      'drafts/b.md': record({ ...VALID_SERVICE, id: 'B' }),
      'node_modules/x/c.md': record({ ...VALID_SERVICE, id: 'C' }),
      '.git/d.md': record({ ...VALID_SERVICE, id: 'D' }),
    });
    const { files } = await scanFolder({ root, schema: defaultSchema(), lang: 'en', workers: 0, exclude: ['drafts/**'] });
    assert.deepEqual([...files.keys()], ['records/a.md']);
  });

  test('entries from the cache are reused only while mtime and size match', async () => {
    const root = tempWorkspace({ 'a.md': record(VALID_SERVICE), 'b.md': record({ ...VALID_SERVICE, id: 'B' }) });
    const first = await scan(root);
    fs.writeFileSync(path.join(root, 'b.md'), record({ ...VALID_SERVICE, id: 'B-changed' }));
    const second = await scanFolder({ root, schema: defaultSchema(), lang: 'en', workers: 0, previous: first.files });
    assert.equal(second.reused, 1);
    assert.equal(second.read, 1);
    assert.equal(second.files.get('a.md'), first.files.get('a.md'));
    assert.equal(field(second.files.get('b.md')!.records[0], 'id'), 'B-changed');
  });
});
