import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The core serves the extension, the command-line tool and these tests alike: it must never reach for vscode.
const CORE = path.resolve(__dirname, '../../../src/core');
const VSCODE_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]vscode(?:\/[^'"]*)?['"]/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]s$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

test('no file under src/core imports vscode', () => {
  const files = sources(CORE);
  assert.ok(files.length > 0, `found no sources under ${CORE}`);
  const offenders = files.filter((f) => VSCODE_IMPORT.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(
    offenders.map((f) => path.relative(CORE, f)),
    [],
  );
});

test('the vscode-import check recognises every form of import', () => {
  for (const line of [
    `import * as vscode from 'vscode';`,
    `import type { Uri } from "vscode"`,
    `const v = require('vscode')`,
    `await import('vscode')`,
    `import 'vscode';`,
  ]) {
    assert.match(line, VSCODE_IMPORT, line);
  }
  assert.doesNotMatch(`import { x } from './vscode-like';`, VSCODE_IMPORT);
});
