import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readBatch } from '../../src/core/disposal/batch';
import { activated, eventually, workspaceRoot } from './helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const RECORD = 'communication/2015/early-call.md';

function batchText(status: string, entries: { path: string; sha256?: string }[]): string {
  return [
    '---',
    'kind: destruction-batch',
    `batch_id: "XH-2099-9${status === 'draft' ? '01' : '02'}"`,
    `status: ${status}`,
    'retention: Y',
    'unit_head: 总经理 王强',
    'archives_head: 李档案',
    'archives_handler: 陈晨',
    'supervisors: [{ name: 李档案, role: archives }, { name: 赵工, role: it }]',
    'method: 粉碎 shredding',
    'place: 档案室',
    'scheduled_at: 2026-12-01T10:00+08:00',
    'records:',
    ...entries.flatMap((e) => [`  - path: ${JSON.stringify(e.path)}`, '    index: 0', ...(e.sha256 ? [`    sha256: "${e.sha256}"`] : [])]),
    '---',
    '',
    '# hand-written batch',
    '',
  ].join('\n');
}

suite('a batch edited by hand, in the real VS Code', () => {
  let outside: string;
  const made: string[] = [];
  const entries = () => [{ path: `../${path.basename(outside)}/outside.md` }, { path: 'linkdir/secret.txt' }, { path: 'alias.md' }, { path: 'README.md' }];

  suiteSetup(async () => {
    const api = await activated();
    await api.services.index.whenReady();
    // A folder beside the workspace, reachable by `..` and through a link.
    outside = fs.mkdtempSync(path.join(path.dirname(root()), 'rc-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
    fs.copyFileSync(abs(RECORD), path.join(outside, 'outside.md'));
    fs.symlinkSync(outside, abs('linkdir'));
    fs.symlinkSync(RECORD, abs('alias.md'));
    made.push('linkdir', 'alias.md');
  });

  suiteTeardown(() => {
    for (const rel of made) fs.rmSync(abs(rel), { force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Writes a batch as a person or a `git pull` would, and opens it. */
  async function write(rel: string, text: string): Promise<vscode.Uri> {
    fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
    fs.writeFileSync(abs(rel), text);
    made.push(rel);
    const uri = vscode.Uri.file(abs(rel));
    await vscode.window.showTextDocument(uri);
    // When the file watcher reports the new file is up to VS Code (slow on a loaded machine): look now.
    await (await activated()).batches!.refresh();
    return uri;
  }

  function survivors(): void {
    assert.strictEqual(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'secret\n');
    assert.ok(fs.existsSync(path.join(outside, 'outside.md')), 'the file outside the folder survives');
    assert.ok(fs.lstatSync(abs('alias.md')).isSymbolicLink(), 'the link survives');
    assert.ok(fs.existsSync(abs(RECORD)), 'the linked record survives');
    assert.ok(fs.existsSync(abs('README.md')), 'the non-record file survives');
  }

  test('a draft listing a path outside, through a linked folder, a file link and a non-record file: findings on each entry, and Approve refuses', async () => {
    const uri = await write('disposal/XH-2099-901.md', batchText('draft', entries()));
    const found = await eventually(() => {
      const d = vscode.languages.getDiagnostics(uri).map((x) => `${codeOf(x)}@${x.range.start.line + 1}`);
      return d.length >= 4 && d;
    }, 'findings on the hand-written batch');
    assert.deepStrictEqual(found.sort(), ['batch-item-not-record@20', 'batch-item-path@14', 'batch-item-path@16', 'batch-item-path@18']);
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', uri), false);
    assert.strictEqual(readBatch(fs.readFileSync(uri.fsPath, 'utf8'))!.status, 'draft');
    survivors();
  });

  test('the same entries marked approved by hand, fingerprints and all: Execute Destruction refuses and every file survives', async () => {
    const withHashes = entries().map((e) => ({ ...e, sha256: sha(path.resolve(root(), e.path)) }));
    const uri = await write('disposal/XH-2099-902.md', batchText('approved', withHashes));
    await eventually(() => vscode.languages.getDiagnostics(uri).length >= 4, 'findings on the approved batch');
    const result = await vscode.commands.executeCommand('recordsCurator.executeDestruction', uri, { confirm: false });
    assert.strictEqual(result, undefined);
    survivors();
    assert.strictEqual(readBatch(fs.readFileSync(uri.fsPath, 'utf8'))!.status, 'approved');
  });

  test('an approved entry without a fingerprint is a finding, and the record is not destroyed', async () => {
    const uri = await write('disposal/XH-2099-903.md', batchText('approved', [{ path: RECORD }]).replace('XH-2099-902', 'XH-2099-903'));
    // Marked approved by hand it also lacks its appraisal opinion (batch-appraisal): only the entries are in question here.
    const found = await eventually(() => {
      const d = vscode.languages
        .getDiagnostics(uri)
        .map(codeOf)
        .filter((c) => /^batch-(item|record|status|attachment)/.test(c));
      return d.length > 0 && d;
    }, 'the fingerprint finding');
    assert.deepStrictEqual(found, ['batch-item-fingerprint']);
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.executeDestruction', uri, { confirm: false }), undefined);
    assert.ok(fs.existsSync(abs(RECORD)));
  });
});
