import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

/** The pictures a Markdown file shows, resolved from where it is. */
function pictures(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

test('every picture the README and the walkthrough show is there, and ships in the package', () => {
  const walkthrough = path.join(REPO, 'media/walkthrough');
  const files = [path.join(REPO, 'README.md'), ...fs.readdirSync(walkthrough).map((f) => path.join(walkthrough, f))];
  const shown = files.flatMap((f) => pictures(f).map((p) => ({ f: path.relative(REPO, f), p: path.relative(REPO, p) })));
  assert.ok(shown.length >= 8, `only ${shown.length} pictures`);
  assert.deepEqual(
    shown.filter(({ p }) => !fs.existsSync(path.join(REPO, p))),
    [],
    'pictures that are missing',
  );
  // The package allows docs/images/*.png (.vscodeignore): a picture elsewhere would be missing from the .vsix.
  assert.deepEqual(
    shown.filter(({ p }) => !/^(docs\/images|media)\/[^/]+\.png$/.test(p)),
    [],
  );
});

test('every walkthrough step shows a picture', () => {
  const walkthrough = path.join(REPO, 'media/walkthrough');
  const bare = fs.readdirSync(walkthrough).filter((f) => pictures(path.join(walkthrough, f)).length === 0);
  assert.deepEqual(bare, []);
});
