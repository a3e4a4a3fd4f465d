import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, SAMPLE, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

describe('records-curator command line', () => {
  test('--help lists the commands; --version prints the package version', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: records-curator <command>/);
    assert.match(help.stdout, /\binit\b/);
    assert.match(help.stdout, /\bindex\b/);
    const version = run('--version');
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  test('an unknown command or option value is a usage error (exit 2)', () => {
    assert.equal(run('frobnicate').status, 2);
    const bad = run('index', SAMPLE, '--format', 'xml');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of/);
  });

  test('a language the tool does not speak is refused (--lang fr), not answered in English', () => {
    const r = run('check', SAMPLE, '--lang', 'fr');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--lang must be en, zh or both/);
    assert.equal(run('check', SAMPLE, '--lang', 'zh-CN', '--quiet').status, 1);
  });

  test('init writes the default schema and refuses to overwrite it; it says the fonds code is a placeholder', () => {
    const root = tempWorkspace({});
    const first = run('init', root);
    assert.equal(first.status, 0);
    assert.match(first.stderr, /archive_number\.fonds is the placeholder Z001/);
    assert.ok(fs.existsSync(path.join(root, '.records/schema.yaml')));
    const other = tempWorkspace({});
    assert.equal(run('init', other, '--fonds', 'Z109').status, 0);
    assert.match(fs.readFileSync(path.join(other, '.records/schema.yaml'), 'utf8'), /^ {2}fonds: Z109$/m);
    const second = run('init', root);
    assert.equal(second.status, 1);
    assert.match(second.stderr, /already exists/);
  });

  test('index --format json prints every record of the sample with path, range, category, customer, id and fields', () => {
    const res = run('index', SAMPLE, '--format', 'json');
    assert.equal(res.status, 0, res.stderr);
    const records = JSON.parse(res.stdout) as {
      path: string;
      range: { start: { line: number } };
      id: string;
      category: string;
      customer: string;
      fields: Record<string, unknown>;
    }[];
    assert.equal(records.length, 50);
    assert.equal(res.stdout, JSON.stringify(records, null, 2) + '\n', 'streamed, and written as one JSON.stringify would');
    const empty = tempWorkspace({});
    assert.equal(run('index', empty, '--format', 'json').stdout, '[]\n');
    const li = records.find((r) => r.path === 'customers/li-na/basic/contact.yaml');
    assert.equal(li?.customer, '李娜');
    assert.equal(li?.category, 'basic');
    const stream = records.filter((r) => r.path === 'transactions/2021/qiming-installments.yaml');
    assert.equal(stream.length, 3);
    assert.ok(stream[1].range.start.line > stream[0].range.start.line);
    assert.equal(typeof stream[0].fields.amount, 'number');
  });
});
