import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LabelsPanel } from '../../src/extension/features/labels/panel';
import { activated, eventually, workspaceRoot } from './helpers';

suite('labels', () => {
  test('a customer name that is HTML renders as text on a label, under a strict CSP with a nonce', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const folder = api.services.index.all()[0];
    const rel = 'other/2026/xss.md';
    fs.writeFileSync(
      path.join(workspaceRoot().fsPath, rel),
      [
        '---',
        'id: QT-2026-950',
        'category: other',
        'customer: "<img src=x onerror=alert(1)>"',
        'customer_type: organization',
        'title: "<script>alert(2)</script> 标题"',
        'date: 2026-03-01',
        'reason: 测试',
        'retention: Y',
        'archive_no: Z109-WS·2026-Y-QT-0001',
        '---',
        '',
      ].join('\n'),
    );
    await eventually(() => folder.index.get(rel), 'the record indexed');
    const t = api.recordsTree!;
    const other = t.getChildren().find((n) => t.getTreeItem(n).label === 'Other')!;
    const node = await eventually(
      () =>
        t
          .getChildren(other)
          .flatMap((c) => t.getChildren(c))
          .find((n) => n.kind === 'record' && n.record.file === rel),
      'the record in the tree',
    );
    const panel = await vscode.commands.executeCommand<LabelsPanel>('recordsCurator.generateLabels', node, [node]);
    const html = panel.html();
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name is shown, escaped');
    assert.ok(!/<img/i.test(html), 'no img element');
    assert.ok(!html.includes('<script>alert'), 'no injected script');
    // The attribute is HTML-escaped; the browser reads it decoded.
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(csp.startsWith("default-src 'none'") && nonce, csp);
    for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.ok(
      !/https?:\/\//.test(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')),
      'no remote content (the CSP names only the webview source)',
    );
    assert.match(html, /Z109-WS·2026-Y-QT-0001/);
    assert.match(html, /归档章|Filing stamp|全宗号/);
    panel.panel.dispose();
    fs.rmSync(path.join(workspaceRoot().fsPath, rel));
    await eventually(() => !folder.index.get(rel), 'the record to go');
  });
});
