import * as vscode from 'vscode';
import { langOf } from '../../../core/model/lang';
import type { RecordEntry } from '../../../core/model/records';
import type { Feature } from '../../feature';
import type { FolderIndex } from '../../index/folder-index';
import { Batches } from './batches';
import { exportCertificate } from './certificate';
import { appraiseBatch } from './appraise';
import { printDocument } from './print';
import { approveBatch, createDestructionBatch, createTransferBatch } from './commands';
import { executeDestruction, executeTransfer } from './execute';
import { purgeCheck, purgeHistory } from './history';
import { DisposalTree, type DisposalNode } from './view';

/** A Disposal-view node, or one of the Records view's (whose shape only that view knows). */
type AnyNode = DisposalNode | { id: string };

/**
 * Retention, transfer and destruction: the Disposal view of what is due, batches that are records
 * themselves, their checks, execution with tombstones, and the git-history check that follows.
 */
export const disposalFeature: Feature = {
  id: 'disposal',
  activate(context, services) {
    const batches = new Batches(services.index, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
    services.ui.batches = batches;
    const tree = new DisposalTree(services.index, batches, langOf(vscode.env.language));
    const view = vscode.window.createTreeView('recordsCurator.disposal', { treeDataProvider: tree, canSelectMany: true });
    let timer: NodeJS.Timeout | undefined;
    const refresh = () => {
      clearTimeout(timer);
      // No badge: the activity bar adds the views' badges up, and its count is the records with problems.
      // What is due shows beside its group and in the status bar.
      timer = setTimeout(() => void tree.refresh(), 100);
    };

    /** Records a command acts on: the selection in either view, or — with none — what is due. */
    const selection = (node?: AnyNode, nodes?: AnyNode[]): { folder: FolderIndex; records: RecordEntry[] }[] => {
      const list = nodes?.length ? nodes : node ? [node] : [];
      const out = new Map<FolderIndex, RecordEntry[]>();
      // The record as the index has it now: the view's groups may be a regrouping behind (a hold just saved).
      const add = (f: FolderIndex, r: RecordEntry) => {
        const now = f.index.get(r.file)?.records.find((x) => x.index === r.index);
        if (now) out.set(f, [...(out.get(f) ?? []), now]);
      };
      // Records-view nodes all carry an id; Disposal-view nodes do not.
      const fromRecordsView = list.filter((n) => 'id' in n);
      if (fromRecordsView.length && services.ui.recordsTree)
        for (const p of services.ui.recordsTree.recordsOf(fromRecordsView)) p.records.forEach((r) => add(p.folder, r));
      for (const n of list.filter((x): x is DisposalNode => !('id' in x))) {
        if (n.kind === 'record') add(n.folder, n.record);
        else if (n.kind === 'group') for (const c of tree.groups().get(n.group) ?? []) if (c.kind === 'record') add(c.folder, c.record);
      }
      if (!list.length) for (const c of tree.groups().get('due') ?? []) if (c.kind === 'record') add(c.folder, c.record);
      return [...out].map(([folder, records]) => ({ folder, records }));
    };

    context.subscriptions.push(
      batches,
      view,
      services.index.onDidChange(refresh),
      batches.onDidChange(refresh),
      // A record listed in a batch shows as pending in the Records view too.
      batches.onDidChange(() => services.ui.recordsTree?.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('recordsCurator.disposal') && refresh()),
      vscode.commands.registerCommand('recordsCurator.createDestructionBatch', (node?: AnyNode, nodes?: AnyNode[]) =>
        createDestructionBatch(selection(node, nodes), batches, services.log),
      ),
      vscode.commands.registerCommand('recordsCurator.appraiseBatch', (arg?: unknown, details?: Record<string, string | string[]>) =>
        appraiseBatch(batches, arg, details),
      ),
      vscode.commands.registerCommand('recordsCurator.approveBatch', (arg?: unknown) => approveBatch(batches, arg)),
      vscode.commands.registerCommand('recordsCurator.printDocument', (arg?: unknown, target?: vscode.Uri) => printDocument(batches, arg, target)),
      vscode.commands.registerCommand('recordsCurator.executeDestruction', (arg?: unknown, options?: { confirm?: boolean }) =>
        executeDestruction(batches, arg, options, services.ui.keys),
      ),
      vscode.commands.registerCommand('recordsCurator.executeTransfer', (arg?: unknown, options?: { confirm?: boolean }) =>
        executeTransfer(batches, arg, options),
      ),
      vscode.commands.registerCommand(
        'recordsCurator.exportCertificate',
        (arg?: unknown, target?: vscode.Uri, options?: { unverified?: boolean; confirm?: boolean }) => exportCertificate(batches, arg, target, options),
      ),
      vscode.commands.registerCommand('recordsCurator.purgeHistory', (options?: { confirm?: boolean; filterRepo?: boolean }) => purgeHistory(batches, options)),
      vscode.commands.registerCommand(
        'recordsCurator.createTransferBatch',
        (node?: AnyNode, nodes?: AnyNode[], recipient?: { name: string; contact: string }) => {
          const picked = selection(node, nodes);
          return createTransferBatch(node || nodes?.length ? picked : [], batches, recipient);
        },
      ),
      vscode.commands.registerCommand('recordsCurator.purgeCheck', () => purgeCheck(batches)),
      vscode.commands.registerCommand('recordsCurator.showMoreDisposal', (node: DisposalNode) => tree.showMore(node)),
    );
    void services.index.whenReady().then(refresh);
    return { disposalTree: tree, batches };
  },
};
