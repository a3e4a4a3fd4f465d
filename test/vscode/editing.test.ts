import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activated, eventually, workspaceRoot } from './helpers';

const LICENSE = 'customers/yunfan/contracts/license-2019.md';
const INSTALLMENTS = 'transactions/2021/qiming-installments.yaml';

async function open(rel: string): Promise<vscode.TextDocument> {
  const api = await activated();
  await api.services.index.whenReady();
  return vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), rel));
}

/** The `n`th line (0-based occurrence) that starts with `prefix`. */
function lineOf(doc: vscode.TextDocument, prefix: string, n = 0): number {
  const lines = [...Array(doc.lineCount).keys()].filter((i) => doc.lineAt(i).text.startsWith(prefix));
  assert.ok(lines.length > n, `no line ${n} starting with ${prefix}`);
  return lines[n];
}

/** Hover text as a reader sees it: without the escapes that keep record text from being read as Markdown. */
async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

async function completions(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger);
  return list.items;
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/** Applies edits to the document, runs `check`, then reverts the file so it is left as it was. */
async function edited(doc: vscode.TextDocument, edit: (e: vscode.WorkspaceEdit) => void, check: () => Promise<void>): Promise<void> {
  const original = doc.getText();
  const e = new vscode.WorkspaceEdit();
  edit(e);
  assert.ok(await vscode.workspace.applyEdit(e));
  try {
    await check();
  } finally {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => doc.getText() === original && !doc.isDirty, 'the file to be reverted', 5000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  assert.strictEqual(doc.getText(), original);
  assert.strictEqual(fs.readFileSync(doc.uri.fsPath, 'utf8'), original);
}

/** Replaces line `line` with `text`. */
const setLine = (doc: vscode.TextDocument, line: number, text: string) => (e: vscode.WorkspaceEdit) => e.replace(doc.uri, doc.lineAt(line).range, text);

suite('editing: hover and completion in front matter', () => {
  // VS Code for the Web saves after a delay by default; these edits must never reach the disk.
  const files = () => vscode.workspace.getConfiguration('files');
  suiteSetup(() => files().update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  suiteTeardown(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));

  test('hover on a field key shows its label in both languages, type, description and where it is required', async () => {
    const doc = await open(LICENSE);
    const text = await hoverText(doc, new vscode.Position(lineOf(doc, 'signed_date:'), 3));
    assert.ok(text.includes('Signed on') && text.includes('签订日期'), text);
    assert.ok(text.includes('Type: date'), text);
    assert.ok(text.includes('Date signed'), text);
    assert.ok(text.includes('Required in: Contracts'), text);
  });

  test('hover on an enum value lists the allowed values', async () => {
    const doc = await open(LICENSE);
    const line = lineOf(doc, 'performance_status:');
    const text = await hoverText(doc, new vscode.Position(line, doc.lineAt(line).text.length - 2));
    assert.ok(text.includes('Allowed values: performing, completed, terminated, disputed'), text);
  });

  test('hover on the category shows the category, its default retention and basis', async () => {
    const doc = await open(LICENSE);
    const text = await hoverText(doc, new vscode.Position(lineOf(doc, 'category:'), 12));
    assert.ok(text.includes('Contracts (合同信息)'), text);
    assert.ok(text.includes('D10 (10 years)'), text);
    assert.ok(text.includes('Tax Collection Law Art. 24'), text);
    assert.ok(text.includes('contract_completed'), text);
  });

  test('hover on a transaction category lists the document kinds whose rules decide instead of the default', async () => {
    const doc = await open(INSTALLMENTS);
    const text = await hoverText(doc, new vscode.Position(lineOf(doc, 'category:'), 12));
    assert.ok(text.includes('doc_kind=invoice-stub → D5') && text.includes('doc_kind=annual-report → Y'), text);
  });

  test('hover on retention shows the period that governs this record, its first and last day', async () => {
    const doc = await open(LICENSE);
    const text = await hoverText(doc, new vscode.Position(lineOf(doc, 'retention:'), 3));
    assert.ok(text.includes('Governing retention of this record: D10 (10 years)'), text);
    // Completed 2022-04-30: the day itself not counted (民法典 Art. 201), the last day its 10th anniversary (Art. 202).
    assert.ok(text.includes('Kept from 2022-05-01 (first day counted) to 2032-04-30 (last day)'), text);
  });

  test('no field hover in the Markdown body', async () => {
    const doc = await open(LICENSE);
    const body = lineOf(doc, '# ');
    const text = await hoverText(doc, new vscode.Position(body, 3));
    assert.ok(!text.includes('Type:'), text);
    // Even a line in the body that looks like a field is not one.
    await edited(
      doc,
      (e) => e.insert(doc.uri, new vscode.Position(body + 1, 0), 'amount: 1\n'),
      async () => {
        const fieldLike = await hoverText(doc, new vscode.Position(body + 1, 2));
        assert.ok(!fieldLike.includes('Type:'), fieldLike);
      },
    );
  });

  test('hover in the second document of a YAML stream lists the currency values', async () => {
    const doc = await open(INSTALLMENTS);
    const text = await hoverText(doc, new vscode.Position(lineOf(doc, 'currency:', 1), 2));
    assert.ok(text.includes('Currency') && text.includes('币种'), text);
    assert.ok(text.includes('CNY, USD, EUR, HKD, JPY, GBP'), text);
    assert.ok(text.includes('Required in: Transactions'), text);
  });

  test('field names on a new line: missing fields of the category, required first, no fields of other categories', async () => {
    const doc = await open(LICENSE);
    const line = lineOf(doc, 'e_signature:');
    const amount = lineOf(doc, 'amount:');
    await edited(
      doc,
      (e) => {
        e.replace(doc.uri, doc.lineAt(line).range, '');
        e.replace(doc.uri, doc.lineAt(amount).range, '');
      },
      async () => {
        const items = await completions(doc, new vscode.Position(line, 0));
        const names = items.map(labelOf);
        assert.ok(names.includes('e_signature'), names.join(', '));
        assert.ok(names.includes('hold'), names.join(', '));
        assert.ok(names.includes('amount'), names.join(', '));
        for (const absent of ['contact_person', 'currency', 'signed_date', 'category']) assert.ok(!names.includes(absent), `${absent} in ${names.join(', ')}`);
        const byName = new Map(items.map((i) => [labelOf(i), i]));
        const amountItem = byName.get('amount')!;
        assert.ok(String(amountItem.detail).includes('required'), String(amountItem.detail));
        assert.ok(String(amountItem.sortText) < String(byName.get('hold')!.sortText));
        const sig = byName.get('e_signature')!;
        assert.strictEqual(sig.detail, 'E-signature (电子签名)');
        assert.ok(sig.insertText instanceof vscode.SnippetString && sig.insertText.value.startsWith('e_signature: '), String(sig.insertText));
      },
    );
  });

  test('a typed word at the start of a line gets field names too', async () => {
    const doc = await open(LICENSE);
    const line = lineOf(doc, 'e_signature:');
    await edited(doc, setLine(doc, line, 'e_sig'), async () => {
      const names = (await completions(doc, new vscode.Position(line, 5))).map(labelOf);
      assert.ok(names.includes('e_signature'), names.join(', '));
      assert.ok(!names.includes('phone'), names.join(', '));
    });
  });

  test('enum values after `key: `, categories with their labels after `category: `', async () => {
    const doc = await open(LICENSE);
    const perf = lineOf(doc, 'performance_status:');
    const cat = lineOf(doc, 'category:');
    await edited(
      doc,
      (e) => {
        e.replace(doc.uri, doc.lineAt(perf).range, 'performance_status: ');
        e.replace(doc.uri, doc.lineAt(cat).range, 'category: ');
      },
      async () => {
        const values = (await completions(doc, new vscode.Position(perf, 20), ' ')).map(labelOf);
        assert.ok(values.includes('completed') && values.includes('performing'), values.join(', '));
        const cats = await completions(doc, new vscode.Position(cat, 10), ' ');
        const contract = cats.find((i) => labelOf(i) === 'contract');
        assert.ok(contract, cats.map(labelOf).join(', '));
        assert.strictEqual(contract.detail, 'Contracts (合同信息)');
        assert.ok(cats.some((i) => labelOf(i) === 'transaction'));
      },
    );
  });

  test('list items inside `[ … ]` leave out those already there', async () => {
    const doc = await open(LICENSE);
    const line = lineOf(doc, 'contains_pi:');
    const text = 'pi_kinds: [health, ';
    await edited(doc, setLine(doc, line, text), async () => {
      const values = (await completions(doc, new vscode.Position(line, text.length), ' ')).map(labelOf);
      // Only what PIPL Art. 28 calls sensitive: contact details are personal information, not sensitive.
      assert.ok(values.includes('financial-account') && values.includes('specific-identity') && values.includes('minor'), values.join(', '));
      assert.ok(!values.includes('health') && !values.includes('contact'), values.join(', '));
    });
  });

  test('field names in one document of a YAML stream follow that record', async () => {
    const doc = await open(INSTALLMENTS);
    // The third document: the only one without archive_no, so its names differ from the others'.
    const line = lineOf(doc, 'currency:', 2) + 1;
    await edited(
      doc,
      (e) => e.insert(doc.uri, new vscode.Position(line, 0), '\n'),
      async () => {
        const names = (await completions(doc, new vscode.Position(line, 0))).map(labelOf);
        assert.ok(names.includes('bank_account'), names.join(', '));
        assert.ok(names.includes('archive_no'), names.join(', '));
        for (const absent of ['currency', 'invoice_no', 'contract_no', 'contact_person'])
          assert.ok(!names.includes(absent), `${absent} in ${names.join(', ')}`);
      },
    );
  });

  test('no field names in the Markdown body', async () => {
    const doc = await open(LICENSE);
    const last = doc.lineCount - 1;
    assert.strictEqual(doc.lineAt(last).text, '');
    const items = await completions(doc, new vscode.Position(last, 0));
    assert.ok(!items.some((i) => i.kind === vscode.CompletionItemKind.Field), items.map(labelOf).join(', '));
  });
});
