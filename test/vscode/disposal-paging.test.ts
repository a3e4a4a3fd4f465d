import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DisposalNode } from '../../src/extension/features/disposal/view';
import { activated, eventually, workspaceRoot } from './helpers';

const DIR = 'communication/2012';
const COUNT = 620;

const call = (i: number) => `---
id: GT-2012-${String(i).padStart(4, '0')}
category: communication
customer: 分页测试客户 Paging Ltd
customer_type: organization
title: 旧电话记录 ${i} / Old call ${i}
date: 2012-03-${String((i % 28) + 1).padStart(2, '0')}
channel: phone
participants: [王工]
summary: 已过保管期限
retention: D3
---
`;

suite('Disposal view with many records due', () => {
  const abs = () => path.join(workspaceRoot().fsPath, DIR);
  suiteTeardown(async () => {
    fs.rmSync(abs(), { recursive: true, force: true });
    const a = await activated();
    await eventually(() => ![...a.services.index.all()[0].index.paths()].some((p) => p.startsWith(DIR + '/')), 'the test records to go');
  });

  test('a group shows 500 records and a "Show more" row; the row shows the rest, oldest first', async () => {
    const a = await activated();
    await a.services.index.whenReady();
    const tree = a.disposalTree!;
    fs.mkdirSync(abs(), { recursive: true });
    for (let i = 0; i < COUNT; i++) fs.writeFileSync(path.join(abs(), `call-${i}.md`), call(i));
    const due = (): DisposalNode => tree.getChildren().find((n) => n.kind === 'group' && n.group === 'due')!;
    await eventually(() => (tree.groups().get('due')?.length ?? 0) >= COUNT, `${COUNT} new records due`, 30000);
    const total = tree.groups().get('due')!.length;
    const first = tree.getChildren(due());
    assert.strictEqual(first.length, 501, 'a page of 500 and the Show more row');
    const more = first[500];
    assert.strictEqual(more.kind, 'more');
    assert.match(String(tree.getTreeItem(more).label), new RegExp(`Show more \\(${total - 500} remaining\\)`));
    const untils = first.slice(0, 500).map((n) => (n.kind === 'record' ? (n.until ?? '') : ''));
    assert.deepStrictEqual(untils, [...untils].sort(), 'oldest retention end first');
    await vscode.commands.executeCommand(tree.getTreeItem(more).command!.command, ...(tree.getTreeItem(more).command!.arguments ?? []));
    assert.strictEqual(tree.getChildren(due()).length, total, 'all of them after Show more');
    // The status bar counts every one of them, not the page.
    await eventually(() => a.statusCounts!.due === total, 'the status bar count');
  });
});
