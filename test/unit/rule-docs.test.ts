import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOGUE, docsPage } from '../../src/core/rules/catalogue';

// Bundled to out/test/unit/, so the repository root is three levels up.
const REPO = path.resolve(__dirname, '../../..');
const DOCS = path.join(REPO, 'docs/rules');

/** Every code a finding can carry, as the catalogue declares them. */
const CODES = [...CATALOGUE.keys()];

const read = (name: string) => fs.readFileSync(path.join(DOCS, name), 'utf8');

describe('rule documentation (docs/rules)', () => {
  test('the list of codes has no duplicates', () => {
    assert.equal(new Set(CODES).size, CODES.length);
  });

  for (const code of CODES) {
    test(`${code} has a page with its title and a Chinese section, listed in the index`, () => {
      const file = path.join(REPO, docsPage(code));
      assert.ok(fs.existsSync(file), `docs/rules/${code}.md is missing`);
      const text = read(`${code}.md`);
      const first = text.split(/\r?\n/, 1)[0];
      assert.ok(first.startsWith(`# ${code} `) || first === `# ${code}`, `first line of ${code}.md is "${first}"`);
      assert.match(text, /^## 中文\s*$/m, `${code}.md has no "## 中文" section`);
      assert.ok(read('README.md').includes(`](${code}.md)`), `docs/rules/README.md does not link ${code}.md`);
    });
  }

  test("the index's default-severity column says what the catalogue declares, and (fixed) exactly where it cannot be changed", () => {
    const rows = new Map([...read('README.md').matchAll(/^\| \[([a-z-]+)\]\([a-z-]+\.md\) \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]));
    for (const [code, d] of CATALOGUE) {
      const cell = rows.get(code);
      assert.ok(cell, `docs/rules/README.md has no row for ${code}`);
      // unknown-field is a warning that is off until a schema asks for it (its row says so).
      assert.ok(cell.startsWith(d.severity) || (code === 'unknown-field' && cell.startsWith('off')), `${code}: "${cell}" but the catalogue says ${d.severity}`);
      assert.equal(cell.includes('(fixed)'), d.fixed === true, `${code}: "${cell}", fixed is ${String(d.fixed === true)}`);
    }
  });

  test('no page documents a code that does not exist', () => {
    const known = new Set(CODES);
    const pages = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3));
    assert.deepEqual(
      pages.filter((p) => !known.has(p)),
      [],
    );
  });

  test('the index links only to pages that exist', () => {
    const linked = [...read('README.md').matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => m[1]);
    assert.ok(linked.length >= CODES.length);
    assert.deepEqual(
      linked.filter((l) => !fs.existsSync(path.join(DOCS, l))),
      [],
    );
  });
});
