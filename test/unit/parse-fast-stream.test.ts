import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRecordText, parseStats } from '../../src/core/parse/record-file';
import { type ParsedFile } from '../../src/core/model/parsed';
import { REPO } from './helpers';

const plain = (f: ParsedFile) => ({ isRecordFile: f.isRecordFile, records: f.records.map((r) => ({ ...r, fields: [...r.fields] })) });
const same = (text: string, label: string) =>
  assert.deepEqual(plain(parseRecordText(text, 'yaml')), plain(parseRecordText(text, 'yaml', { yamlOnly: true })), `${label}: ${JSON.stringify(text)}`);

const DOCS = [
  'id: A\ncategory: other\ntitle: "一 / one"\n',
  'id: B\nlist: [a, b]\n# a comment\ntitle: x   # trailing\n',
  'id: C\nparticipants:\n  - 张伟\n  - 李娜\n',
  '',
  '# only a comment\n',
  'id: D\namount: 12000.50\nhold: false\n',
  'nested:\n  a: 1\n',
  'id: E\r\ntitle: crlf\r\n',
];

test('YAML streams: the fast reader and the yaml package agree, document by document', () => {
  const takenBefore = parseStats.fast;
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >>> 8) % n;
  };
  for (let n = 0; n < 3000; n++) {
    const parts: string[] = [];
    const count = 1 + rnd(4);
    const lead = rnd(3) === 0 ? '# header\n' : '';
    const firstMarker = rnd(2) === 0;
    for (let i = 0; i < count; i++) parts.push((i > 0 || firstMarker ? pick(['---\n', '---  \n', '---\r\n']) : '') + DOCS[rnd(DOCS.length)]);
    same(lead + parts.join('') + (rnd(4) === 0 ? '---\n' : ''), `case ${n}`);
  }
  function pick<T>(a: T[]): T {
    return a[rnd(a.length)];
  }
  assert.ok(parseStats.fast - takenBefore > 3000 / 6, `the fast stream reader took only ${parseStats.fast - takenBefore} of 3000`);
});

test('YAML streams: every YAML file of the sample and the fixtures reads the same on both paths', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(REPO, 'examples/sample-records'));
  walk(path.join(REPO, 'test/fixtures'));
  assert.ok(files.length > 10);
  for (const f of files) same(fs.readFileSync(f, 'utf8'), f);
});
