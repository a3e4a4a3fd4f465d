// `check --cache`: a second run reuses what did not change, and reports exactly what a run without the cache
// reports — after an edit, an attachment that appeared, keys that were registered, a damaged cache file.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');

function runner() {
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cache-home-'));
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, LANG: 'C', XDG_CACHE_HOME: cacheHome },
    });
  const codes = (root: string, ...args: string[]) => {
    const r = run(root, ...args);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return (JSON.parse(r.stdout) as { findings: { path: string; code: string }[] }).findings.map((f) => `${f.path} ${f.code}`).sort();
  };
  /** The findings with the cache, checked against a run without it. */
  const cached = (root: string) => {
    const got = codes(root, '--cache');
    assert.deepEqual(got, codes(root), 'the cached run and a run without the cache disagree');
    return got;
  };
  return { cacheHome, run, codes, cached };
}

const listing = (root: string) =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();

describe('check --cache', () => {
  test('keeps its file outside the folder, readable by its user only, and reports what a run without it does', () => {
    const { cacheHome, cached } = runner();
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE), 'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002', date: '2026-13-01' }) });
    const before = listing(root);
    assert.deepEqual(cached(root), ['service/b.md invalid-date']);
    assert.deepEqual(cached(root), ['service/b.md invalid-date'], 'the second run, from the cache');
    assert.deepEqual(listing(root), before, 'nothing was written in the folder checked');
    const files = fs.readdirSync(path.join(cacheHome, 'records-curator', 'check'));
    assert.equal(files.length, 1);
    const stat = fs.statSync(path.join(cacheHome, 'records-curator', 'check', files[0]));
    assert.equal(stat.mode & 0o777, 0o600, 'the cache holds the records’ values');
  });

  test('a record edited since is read again; one whose stats were put back is reused (what the cache trusts)', () => {
    const { cached, codes } = runner();
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE) });
    const file = path.join(root, 'service/a.md');
    assert.deepEqual(cached(root), []);
    fs.writeFileSync(file, record({ ...VALID_SERVICE, date: '2026-13-01' }));
    const when = new Date('2026-01-01T00:00:00Z'); // whole seconds: set again exactly below
    fs.utimesSync(file, when, when);
    assert.deepEqual(cached(root), ['service/a.md invalid-date'], 'the edit is seen');
    // Same size, same modification time, other content: the cache cannot tell (as ESLint's cannot); the README says so.
    fs.writeFileSync(file, record({ ...VALID_SERVICE, date: '2026-03-02' }));
    fs.utimesSync(file, when, when);
    assert.deepEqual(codes(root, '--cache'), ['service/a.md invalid-date'], 'reused from the cache');
    assert.deepEqual(codes(root), [], 'without the cache the file is read');
  });

  test('an attachment that appears clears the finding of a record that did not change', () => {
    const { cached } = runner();
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, attachments: '[scan.pdf]' }) });
    assert.deepEqual(cached(root), ['service/a.md missing-attachment']);
    fs.writeFileSync(path.join(root, 'service/scan.pdf'), '%PDF-1.4\n');
    assert.deepEqual(cached(root), []);
  });

  test('registering keys brings the unsealed-value findings of records that did not change', () => {
    const { cached } = runner();
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, phone: '"13812345678"' }) });
    assert.ok(!cached(root).includes('service/a.md plain-sensitive'), 'no finding in a folder that does not seal');
    fs.mkdirSync(path.join(root, '.records'), { recursive: true });
    fs.writeFileSync(path.join(root, '.records/keys.yaml'), 'customers: {}\n');
    const after = cached(root);
    assert.ok(after.includes('service/a.md plain-sensitive'), after.join('\n'));
  });

  test('a damaged or foreign cache file is read as no cache and replaced', () => {
    const { cacheHome, cached } = runner();
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, date: '2026-13-01' }) });
    cached(root);
    const dir = path.join(cacheHome, 'records-curator', 'check');
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    for (const bad of ['', 'not json\n', '{"format":8,"key":"x"}\n', fs.readFileSync(file, 'utf8').slice(0, 40)]) {
      fs.writeFileSync(file, bad);
      assert.deepEqual(cached(root), ['service/a.md invalid-date'], JSON.stringify(bad));
    }
  });

  test('a cache folder that cannot be written is a note; the check still reports', () => {
    const { cacheHome, run } = runner();
    fs.writeFileSync(path.join(cacheHome, 'records-curator'), 'a file where the folder would be');
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, date: '2026-13-01' }) });
    const r = run(root, '--cache');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /the cache was not written/);
    assert.equal((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length, 1);
  });
});
