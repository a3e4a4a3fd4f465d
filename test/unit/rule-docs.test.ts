import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARSE_SEVERITY } from '../../src/core/index/index-file';
import { GAP_CODE } from '../../src/core/index/record-index';
import { allRules } from '../../src/core/rules';
import { BATCH_CODES } from '../../src/core/rules/codes';

// Bundled to out/test/unit/, so the repository root is three levels up.
const REPO = path.resolve(__dirname, '../../..');
const DOCS = path.join(REPO, 'docs/rules');

/** Every code a finding can carry: the record rules, the parser's, the file reader's, the index's, the schema's, the batches'. */
const CODES = [
  ...allRules.map((r) => r.code),
  ...Object.keys(PARSE_SEVERITY),
  'unreadable',
  // What the walk saw but did not read (always errors, so not in PARSE_SEVERITY); symlink is in it.
  'unreadable-folder',
  'not-a-file',
  'duplicate-id',
  'duplicate-archive-no',
  GAP_CODE,
  'schema',
  ...BATCH_CODES,
];

const read = (name: string) => fs.readFileSync(path.join(DOCS, name), 'utf8');

describe('rule documentation (docs/rules)', () => {
  test('the list of codes has no duplicates', () => {
    assert.equal(new Set(CODES).size, CODES.length);
  });

  for (const code of CODES) {
    test(`${code} has a page with its title and a Chinese section, listed in the index`, () => {
      const file = path.join(DOCS, `${code}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${code}.md is missing`);
      const text = read(`${code}.md`);
      const first = text.split(/\r?\n/, 1)[0];
      assert.ok(first.startsWith(`# ${code} `) || first === `# ${code}`, `first line of ${code}.md is "${first}"`);
      assert.match(text, /^## 中文\s*$/m, `${code}.md has no "## 中文" section`);
      assert.ok(read('README.md').includes(`](${code}.md)`), `docs/rules/README.md does not link ${code}.md`);
    });
  }

  test('no page documents a code that does not exist', () => {
    const known = new Set(CODES);
    const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    assert.deepEqual(pages.filter((p) => !known.has(p)), []);
  });

  test('the index links only to pages that exist', () => {
    const linked = [...read('README.md').matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => m[1]);
    assert.ok(linked.length >= CODES.length);
    assert.deepEqual(linked.filter((l) => !fs.existsSync(path.join(DOCS, l))), []);
  });
});
