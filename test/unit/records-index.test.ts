import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { defaultSchema } from '../../src/core/schema/load';
import { cacheKey, readCache, readCacheAsync, writeCache, writeCacheAsync } from '../../src/core/index/cache';
import { indexText } from '../../src/core/index/index-file';
import { createMatcher } from '../../src/core/index/matcher';
import { configureIndex } from '../../src/core/index/configure';
import { RecordIndex } from '../../src/core/index/record-index';
import { allRules } from '../../src/core/rules';
import { record, VALID_SERVICE } from './helpers';

const opts = { schema: defaultSchema(), lang: 'en' as const, rules: allRules, fileExists: () => true };
const entry = (path: string, fields: Record<string, string>) => indexText(path, record(fields), { mtimeMs: 1, size: 1 }, opts);

describe('the record index', () => {
  test('reports a duplicate id at both places, and forgets it when one goes', () => {
    const index = new RecordIndex();
    index.replaceAll(
      new Map([
        ['a.md', entry('a.md', VALID_SERVICE)],
        ['b.md', entry('b.md', VALID_SERVICE)],
      ]),
    );
    const a = index.findings('a.md').filter((f) => f.code === 'duplicate-id');
    const b = index.findings('b.md').filter((f) => f.code === 'duplicate-id');
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.match(a[0].message, /b\.md:1/);
    assert.equal(a[0].start.line, 1, 'on the id value');
    assert.equal(a[0].start.col, 4);
    const touched = index.delete(['b.md']);
    assert.deepEqual(touched.sort(), ['a.md', 'b.md']);
    assert.deepEqual(
      index.findings('a.md').filter((f) => f.code === 'duplicate-id'),
      [],
    );
  });

  test('duplicate archive numbers are reported, and changing one away clears both', () => {
    const index = new RecordIndex();
    const an = 'Z109-WS·2026-D3-FW-0001';
    index.replaceAll(
      new Map([
        ['a.md', entry('a.md', { ...VALID_SERVICE, archive_no: an })],
        ['b.md', entry('b.md', { ...VALID_SERVICE, id: 'X', archive_no: an })],
      ]),
    );
    assert.equal(index.findings('b.md').filter((f) => f.code === 'duplicate-archive-no').length, 1);
    const touched = index.set([entry('b.md', { ...VALID_SERVICE, id: 'X', archive_no: 'Z109-WS·2026-D3-FW-0002' })]);
    assert.ok(touched.includes('a.md'), 'the partner is refreshed too');
    assert.equal(index.findings('a.md').filter((f) => f.code === 'duplicate-archive-no').length, 0);
  });

  test('counts records and notifies listeners of the paths that changed', () => {
    const index = new RecordIndex();
    const seen: (readonly string[] | undefined)[] = [];
    index.onDidChange((c) => seen.push(c.paths));
    index.replaceAll(new Map([['a.md', entry('a.md', VALID_SERVICE)]]));
    index.set([entry('b.md', { ...VALID_SERVICE, id: 'B' })]);
    assert.equal(index.size, 2);
    assert.deepEqual(seen, [undefined, ['b.md']]);
  });
});

describe('archive numbering gaps', () => {
  const an = (n: string) => ({ ...VALID_SERVICE, retention: 'D3', archive_no: `Z001-WS·2026-D3-FW-${n}` });
  test('a gap is information on the next number, and filling it clears it and refreshes that file', () => {
    const index = new RecordIndex();
    configureIndex(index, defaultSchema());
    index.replaceAll(
      new Map([
        ['a.md', entry('a.md', { ...an('0001'), id: 'A' })],
        ['c.md', entry('c.md', { ...an('0003'), id: 'C' })],
      ]),
    );
    const [gap] = index.findings('c.md').filter((f) => f.code === 'archive-no-gap');
    assert.equal(gap.severity, 'info');
    assert.match(gap.message, /0002 missing before Z001-WS·2026-D3-FW-0003/);
    const touched = index.set([entry('b.md', { ...an('0002'), id: 'B' })]);
    assert.ok(touched.includes('c.md'));
    assert.deepEqual(
      index.findings('c.md').filter((f) => f.code === 'archive-no-gap'),
      [],
    );
  });

  test('numbers in other scopes (another year) do not count', () => {
    const index = new RecordIndex();
    configureIndex(index, defaultSchema());
    index.replaceAll(
      new Map([
        ['a.md', entry('a.md', { ...an('0001'), id: 'A' })],
        ['x.md', entry('x.md', { ...VALID_SERVICE, id: 'X', date: '2025-01-01', retention: 'D3', archive_no: 'Z001-WS·2025-D3-FW-0002' })],
      ]),
    );
    const [gap] = index.findings('x.md').filter((f) => f.code === 'archive-no-gap');
    assert.match(gap.message, /0001 missing/);
  });
});

describe('the index cache', () => {
  test('round-trips entries exactly', () => {
    const files = [entry('a.md', VALID_SERVICE), entry('b/c.md', { ...VALID_SERVICE, id: 'C', title: '"带引号"' })];
    const key = cacheKey(['v1']);
    const back = readCache(writeCache(key, files), key);
    assert.deepEqual([...back!.values()], files);
  });

  test('a stale key, another format, or a corrupt file is refused (the caller rebuilds)', () => {
    const text = writeCache('k1', [entry('a.md', VALID_SERVICE)]);
    assert.equal(readCache(text, 'k2'), undefined);
    assert.equal(readCache(text.slice(0, text.length / 2), 'k1'), undefined);
    assert.equal(readCache('{"format":1,"key":"k1","fields":[],"files":[]}', 'k1'), undefined);
    assert.equal(readCache(text.replace('["a.md"', '[7'), 'k1'), undefined, 'a path that is not a string');
    assert.equal(readCache(text.replace(/\n[^\n]*"fields"[^\n]*\n$/, '\n'), 'k1'), undefined, 'the trailer missing');
    const lines = text.split('\n');
    assert.equal(readCache([lines[0], lines[1], lines[1], lines[2], ''].join('\n'), 'k1'), undefined, 'a line count that does not match');
    assert.equal(readCache('', 'k1'), undefined);
  });

  test('the slice-by-slice reader gives the same entries', async () => {
    const files = [entry('a.md', VALID_SERVICE), entry('b.md', { ...VALID_SERVICE, id: 'B' })];
    const text = writeCache('k', files);
    assert.deepEqual([...(await readCacheAsync(text, 'k'))!.values()], [...readCache(text, 'k')!.values()]);
    assert.equal(await readCacheAsync(text.slice(0, 40), 'k'), undefined);
  });

  test('a cache larger than one decoding chunk, written in slices, reads back whole', async () => {
    const files = Array.from({ length: 6000 }, (_, i) =>
      entry(`r/${i}.md`, {
        ...VALID_SERVICE,
        id: `S-${i}`,
        title: `维护服务记录 ${i}：客户要求在到期前提供续约报价并确认服务范围 / Maintenance visit ${i}, renewal quote requested`,
      }),
    );
    const chunks: string[] = [];
    await writeCacheAsync(
      'k',
      files,
      async (chunk) => {
        chunks.push(chunk);
      },
      0,
    );
    assert.ok(chunks.length > 1, 'written in more than one slice');
    const text = chunks.join('');
    assert.equal(text, writeCache('k', files));
    assert.ok(Buffer.byteLength(text) > 1024 * 1024, 'spans several decoding chunks');
    assert.deepEqual([...(await readCacheAsync(Buffer.from(text), 'k'))!.values()], files);
    const bad = Buffer.from(text);
    bad[Math.floor(bad.length / 2)] = 0xff; // not UTF-8: refused, not garbled
    assert.equal(readCache(bad, 'k'), undefined);
  });

  test('unsaved editor content is never cached', () => {
    const dirty = indexText('a.md', record(VALID_SERVICE), { mtimeMs: -1, size: -1 }, opts);
    assert.equal(readCache(writeCache('k', [dirty]), 'k')!.size, 0);
  });
});

describe('include/exclude matching', () => {
  test('matches record extensions inside include, outside exclude', () => {
    const m = createMatcher(['records/**/*.md', '**/*.yaml'], ['**/drafts/**']);
    assert.equal(m('records/a/b.md'), true);
    assert.equal(m('other/b.md'), false);
    assert.equal(m('x/y.yaml'), true);
    assert.equal(m('records/drafts/b.md'), false);
    assert.equal(m('records/a/b.txt'), false);
  });
});
