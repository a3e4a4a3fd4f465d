import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

/** Every `vscode.l10n.t('…')` string under src/extension, as written in the source. */
export function l10nStrings(): Set<string> {
  const out = new Set<string>();
  const dir = path.join(REPO, 'src/extension');
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) out.add(m[2].replace(/\\(['"`\\])/g, '$1'));
  }
  return out;
}

test('every user-facing string of the extension has a zh-cn translation', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = l10nStrings();
  assert.ok(strings.size > 10, `found only ${strings.size} strings`);
  const missing = [...strings].filter((s) => !(s in bundle));
  assert.deepEqual(missing, []);
  for (const [k, v] of Object.entries(bundle)) {
    const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(holes(v), holes(k), `placeholders differ in the translation of "${k}"`);
  }
});

test('the zh-cn bundle holds no string the extension no longer says', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = l10nStrings();
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !strings.has(k)),
    [],
  );
});

test('every %key% of package.json has an English and a zh-cn text', () => {
  const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
  const en = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'));
  assert.deepEqual(
    keys.filter((k) => !(k in en)),
    [],
  );
  assert.deepEqual(
    keys.filter((k) => !(k in zh)),
    [],
  );
});
