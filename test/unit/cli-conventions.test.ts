import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { formatGithub } from '../../src/core/report';
import { record, REPO, SAMPLE, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, args: string[], o: { input?: string; env?: Record<string, string | undefined> } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    input: o.input,
    env: { ...process.env, LANG: 'C', NO_COLOR: undefined, FORCE_COLOR: undefined, ...o.env },
  });

describe('command-line conventions', () => {
  test('--lang is validated; LC_ALL wins over LANG, as POSIX reads them', () => {
    const bad = run(SAMPLE, ['check', '.', '--lang', 'fr']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--lang must be en, zh or both, not "fr"/);
    const zh = run(SAMPLE, ['check', '.'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /个问题/);
    const en = run(SAMPLE, ['check', '.'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } });
    assert.match(en.stdout, /problems/);
  });

  test('every argument is used or refused: an extra folder, an option given a value it takes none of, a missing value', () => {
    assert.match(run(SAMPLE, ['number', '.', 'other']).stderr, /unexpected argument "other"/);
    assert.match(run(SAMPLE, ['number', '.', '--write=yes']).stderr, /--write takes no value/);
    assert.match(run(SAMPLE, ['number', '.', '--date']).stderr, /--date needs a value/);
    assert.match(run(SAMPLE, ['index', '.', '--wirte']).stderr, /unknown option --wirte/);
  });

  test('output piped into a reader that stops early ends quietly (no EPIPE stack)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" index . | head -1`], {
      cwd: SAMPLE,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.equal(r.stderr, '');
  });

  test('check FILE... reports only those files, checked against the whole folder (a duplicate id elsewhere counts)', () => {
    const root = tempWorkspace({
      'service/a.md': record({ ...VALID_SERVICE, id: 'FW-1' }),
      'service/b.md': record({ ...VALID_SERVICE, id: 'FW-1' }),
      'service/c.md': record({ ...VALID_SERVICE, id: 'FW-3', date: '2026-02-30' }),
    });
    const r = run(root, ['check', 'service/a.md', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { summary: { files: number }; findings: { path: string; code: string; message: string }[] };
    assert.deepEqual(
      out.findings.map((f) => [f.path, f.code]),
      [['service/a.md', 'duplicate-id']],
    );
    assert.match(out.findings[0].message, /service\/b\.md/);
    assert.equal(out.summary.files, 1);
    assert.equal(run(root, ['check', '.', 'service/b.md', 'service/a.md']).status, 1);
    assert.match(run(root, ['check', '../elsewhere.md']).stderr, /not inside the folder/);
    assert.match(run(root, ['check', 'service/none.md']).stderr, /no such file/);
  });

  test('check - reads a record from standard input, checked as --stdin-filename in the folder', () => {
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, id: 'FW-1' }) });
    const dup = run(root, ['check', '-', '--stdin-filename', 'service/new.md', '--format', 'json'], { input: record({ ...VALID_SERVICE, id: 'FW-1' }) });
    assert.equal(dup.status, 1);
    assert.deepEqual(
      (JSON.parse(dup.stdout) as { findings: { path: string; code: string }[] }).findings.map((f) => [f.path, f.code]),
      [['service/new.md', 'duplicate-id']],
    );
    assert.equal(run(root, ['check', '-'], { input: record({ ...VALID_SERVICE, id: 'FW-2' }) }).status, 0);
  });

  test('colour: never with NO_COLOR, always with FORCE_COLOR (a CI log), off when piped', () => {
    const root = tempWorkspace({ 'service/a.md': record({ ...VALID_SERVICE, id: 'FW-1', date: '2026-02-30' }) });
    assert.doesNotMatch(run(root, ['check']).stdout, /\x1b\[/);
    assert.match(run(root, ['check'], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[31merror/);
    assert.doesNotMatch(run(root, ['check'], { env: { FORCE_COLOR: '0' } }).stdout, /\x1b\[/);
  });

  test('--format github: workflow commands with paths from the repository root, and the message and properties escaped', () => {
    const out = formatGithub(
      [
        {
          path: 'a,b:c.md',
          finding: { code: 'x-rule', severity: 'warning', message: '100% done\nnext', start: { line: 1, col: 2 }, end: { line: 1, col: 5 } },
        },
      ],
      (p) => `records/${p}`,
    );
    assert.equal(out, '::warning file=records/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=6,title=x-rule::100%25 done next\n');
    const r = run(path.dirname(SAMPLE), ['check', 'sample-records', '--format', 'github']);
    assert.match(r.stdout, /^::error file=sample-records\/customers\/yunfan\/contracts\/maintenance-2020\.md,line=12,col=14,.*title=invalid-date::/m);
  });
});
