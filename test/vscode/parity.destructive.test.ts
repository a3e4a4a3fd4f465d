import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, EXTENSION_ID, eventually, workspaceRoot } from './helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const SEV = ['error', 'warning', 'info', 'hint'];

/** Every finding `records-curator check` gives on the workspace, as `path:line:col severity code message`. */
function cliFindings(): string[] {
  const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
  const run = spawnSync(process.execPath, [cli, 'check', root(), '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: vscode.env.language } });
  return (JSON.parse(run.stdout) as { findings: { path: string; line: number; column: number; code: string; severity: string; message: string }[] }).findings
    .map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`)
    .sort();
}

/** Every finding of ours in the Problems panel, in the same form. */
function panelFindings(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, ds]) =>
      ds
        .filter((d) => d.source === 'records-curator')
        .map(
          (d) =>
            `${path.relative(root(), uri.fsPath).split(path.sep).join('/')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEV[d.severity]} ${codeOf(d)} ${d.message}`,
        ),
    )
    .sort();
}

suite('one check for every front end', () => {
  const BATCH = 'disposal/XH-2099-950.md';
  let schemaBefore: string;

  suiteSetup(async () => {
    const api = await activated();
    await api.services.index.whenReady();
    schemaBefore = fs.readFileSync(abs('.records/schema.yaml'), 'utf8');
  });

  suiteTeardown(async () => {
    fs.rmSync(abs(BATCH), { force: true });
    fs.rmSync(abs('.records/baseline.json'), { force: true });
    fs.writeFileSync(abs('.records/schema.yaml'), schemaBefore);
    const api = await activated();
    await api.services.index.whenReady();
  });

  test("the command line gives exactly the Problems panel's findings, the schema file's and a batch's included", async () => {
    fs.mkdirSync(abs('disposal'), { recursive: true });
    fs.writeFileSync(
      abs(BATCH),
      [
        '---',
        'kind: destruction-batch',
        'batch_id: "XH-2099-950"',
        'status: aproved',
        'retention: Y',
        'records:',
        '  - path: "../outside.md"',
        '    index: 0',
        '  - path: "README.md"',
        '    index: 0',
        '---',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(abs('.records/schema.yaml'), schemaBefore.replace(/^version: 1$/m, 'version: 1\nrules:\n  missing-feild: warning'));
    const api = await activated();
    await eventually(() => api.services.index.all()[0]?.schemaProblems.length, 'the schema to be read again', 30000);
    await api.services.index.whenReady();
    await api.batches!.refresh();
    const wanted = (l: string[]) => l.some((x) => x.startsWith(`${BATCH}:`)) && l.some((x) => x.startsWith('.records/schema.yaml:'));
    const cli = cliFindings();
    assert.ok(wanted(cli), cli.join('\n'));
    // The panel follows file events as VS Code delivers them: give it time to settle, then they must agree.
    let panel: string[] = [];
    await eventually(
      () => {
        panel = panelFindings();
        return JSON.stringify(panel) === JSON.stringify(cli);
      },
      'the Problems panel to settle',
      30000,
    ).catch(() => undefined);
    assert.deepStrictEqual(panel, cli);
    assert.ok(
      panel
        .filter((x) => x.startsWith(`${BATCH}:`))
        .map((x) => x.split(' ')[2])
        .sort()
        .join() === 'batch-item-not-record,batch-item-path,batch-status',
      panel.join('\n'),
    );
  });

  test('with a baseline written by check --update-baseline, the panel shows its findings as known, as check does', async () => {
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
    const before = cliFindings();
    assert.ok(
      before.some((x) => / (error|warning) /.test(x)),
      'the sample has findings to know',
    );
    const upd = spawnSync(process.execPath, [cli, 'check', root(), '--update-baseline'], { encoding: 'utf8' });
    assert.strictEqual(upd.status, 0, upd.stderr);
    const after = cliFindings();
    let panel: string[] = [];
    await eventually(
      () => {
        panel = panelFindings();
        return JSON.stringify(panel) === JSON.stringify(after);
      },
      'the Problems panel to take the baseline',
      30000,
    ).catch(() => undefined);
    assert.deepStrictEqual(panel, after);
    const records = panel.filter((x) => !x.startsWith('.records/') && !x.startsWith('disposal/'));
    assert.ok(records.length > 0 && records.every((x) => / info /.test(x)), records.join('\n'));
  });
});
