import * as fs from 'fs';
import * as vscode from 'vscode';
import { readBatch } from '../../../core/disposal/batch';
import { indexBatchContext } from '../../../core/check/folder';
import { checkDisposalDocument, type BatchContext } from '../../../core/disposal/check';
import { findBatchFiles } from '../../../core/disposal/files';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { toDiagnostic } from '../../diagnostic';
import type { BatchList, KnownBatch } from '../../services';
import { Slicer } from '../../../core/async/slicer';

/**
 * What the core's batch checks know of a folder: its root, its schema, the records its index holds, and the
 * disposal folder's documents (an opinion a batch names), as the editors have them when given.
 */
export function batchContext(folder: FolderIndex, documents?: () => { path: string; text: string }[]): BatchContext {
  return indexBatchContext(folder.root, folder.index, folder.index.lang, folder.schema, documents);
}

export type { KnownBatch } from '../../services';

/**
 * Destruction and transfer batches under each folder's `disposal/` (they are records about records, kept
 * out of the record index): found, watched, and checked, their findings in the Problems panel.
 */
export class Batches implements vscode.Disposable, BatchList {
  private list: KnownBatch[] = [];
  /** Every document of the disposal folders (batches, appraisal opinions, certificates): checked, and read by the checks. */
  private docs: { folder: FolderIndex; path: string; uri: vscode.Uri }[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('records-disposal');
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.diagnostics];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ws: WorkspaceIndex,
    private readonly rulesDocs: vscode.Uri,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const onFile = (uri: vscode.Uri) => {
      const folder = ws.folderOf(uri);
      const rel = folder?.relative(uri);
      if (folder && rel && rel.startsWith(folder.schema.disposal.folder + '/')) this.refreshSoon();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidChangeTextDocument((e) => onFile(e.document.uri)),
      // A listed record that changes (or is put on hold) changes its batch's findings.
      // A whole folder indexed anew (a new folder, a new schema) may bring batches; a record change does not.
      ws.onDidChange((e) => this.refreshSoon(!e.paths)),
    );
    void ws.whenReady().then(() => this.refresh());
  }

  all(): readonly KnownBatch[] {
    return this.list;
  }

  /** Records listed in batches that are not executed yet: pending destruction or transfer. */
  pending(): Map<string, KnownBatch> {
    const out = new Map<string, KnownBatch>();
    for (const b of this.list) {
      if (b.batch.status === 'executed') continue;
      for (const it of b.batch.items) out.set(`${b.folder.root}\u0000${it.path}#${it.index ?? 0}`, b);
    }
    return out;
  }

  /** `rescan`: the disposal folder changed, so look for batch files again; otherwise only recheck the known ones. */
  refreshSoon(rescan = true): void {
    this.rescan ||= rescan;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const again = this.rescan;
      this.rescan = false;
      void this.refresh(again);
    }, 150);
  }

  private rescan = false;
  private scanned = false;
  /** Parsed batch files by URI, kept while a file's size and time are unchanged (and it is not open). */
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; batch: KnownBatch['batch'] | undefined }>();

  /** Requests of refresh numbered in order; `settled`: the highest whose pass has ended. */
  private requested = 0;
  private settled = 0;
  private wantRescan = false;
  private running: Promise<void> | undefined;
  private readonly waiters: { upTo: number; resolve(): void; reject(err: unknown): void }[] = [];

  /**
   * Finds the batch files (when the disposal folder changed) and checks every batch against the index. A
   * record change only rechecks: reading the folder's files again on every saved record cost ~15 ms.
   *
   * Resolves once a pass that started after this call has ended, so its caller sees its own change; it never
   * waits behind passes asked for later. Calls during a pass share the next one.
   */
  refresh(rescan = true): Promise<void> {
    this.wantRescan ||= rescan;
    const upTo = ++this.requested;
    const settled = new Promise<void>((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
    this.running ??= this.runPasses().finally(() => (this.running = undefined));
    return settled;
  }

  private async runPasses(): Promise<void> {
    while (this.settled < this.requested) {
      const upTo = this.requested;
      const rescan = this.wantRescan;
      this.wantRescan = false;
      let failed: { err: unknown } | undefined;
      try {
        await this.pass(rescan);
      } catch (err) {
        failed = { err };
      }
      this.settled = upTo;
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.upTo > upTo) continue;
        this.waiters.splice(i, 1);
        if (failed) w.reject(failed.err);
        else w.resolve();
      }
    }
  }

  /** One check of every batch, in slices that yield to the event loop: ~200 batch files held the host 35 ms. */
  private async pass(rescan: boolean): Promise<void> {
    const slice = new Slicer();
    if (rescan || !this.scanned) {
      this.scanned = true;
      const found: KnownBatch[] = [];
      const docs: { folder: FolderIndex; path: string; uri: vscode.Uri }[] = [];
      for (const folder of this.ws.all()) {
        const dir = folder.schema.disposal.folder;
        for (const rel of findBatchFiles(folder.root, dir)) {
          const uri = folder.uriOf(rel);
          docs.push({ folder, path: rel, uri });
          const batch = this.batchAt(uri);
          if (batch) found.push({ folder, path: rel, uri, batch });
          await slice.step();
        }
      }
      this.list = found;
      this.docs = docs;
    }
    // One view of each folder per pass: every document read once, unsaved edits included. Findings are
    // published together at the end, so the Problems panel never shows half a pass.
    const contexts = new Map<FolderIndex, BatchContext>();
    const published: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const d of this.docs) {
      let ctx = contexts.get(d.folder);
      if (!ctx) {
        const texts = this.texts(d.folder);
        ctx = batchContext(d.folder, () => texts);
        contexts.set(d.folder, ctx);
      }
      const findings = checkDisposalDocument(this.textOf(d.uri) ?? '', ctx);
      published.push([d.uri, d.folder.known(d.path, findings).map((f) => toDiagnostic(f, this.rulesDocs))]);
      await slice.step();
    }
    this.diagnostics.clear();
    for (const [uri, diagnostics] of published) this.diagnostics.set(uri, diagnostics);
    this.emitter.fire();
  }

  private batchAt(uri: vscode.Uri): KnownBatch['batch'] | undefined {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(uri.fsPath);
    } catch {
      this.parsed.delete(key);
      return undefined;
    }
    const known = this.parsed.get(key);
    if (!open && known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.batch;
    const text = this.textOf(uri);
    const batch = text === undefined ? undefined : readBatch(text);
    if (!open) this.parsed.set(key, { mtimeMs: st.mtimeMs, size: st.size, batch });
    return batch;
  }

  /** The open editor's text (unsaved edits count) or the file's. */
  textOf(uri: vscode.Uri): string | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return fs.readFileSync(uri.fsPath, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }

  /** The disposal folder's documents (batches, opinions) with their text now (open editors' unsaved text included). */
  texts(folder: FolderIndex): { path: string; text: string }[] {
    return this.docs.filter((b) => b.folder === folder).map((b) => ({ path: b.path, text: this.textOf(b.uri) ?? '' }));
  }

  /** The document of a disposal folder at `uri` (a batch, an opinion, a plan…), as last scanned. */
  documentAt(uri: vscode.Uri): { folder: FolderIndex; path: string; uri: vscode.Uri } | undefined {
    return this.docs.find((d) => d.uri.toString() === uri.toString());
  }

  /** The batch check's view of a folder, with the disposal documents as the editors have them. */
  contextOf(folder: FolderIndex): BatchContext {
    const texts = this.texts(folder);
    return batchContext(folder, () => texts);
  }

  findingsCount(uri: vscode.Uri): number {
    return (this.diagnostics.get(uri) ?? []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
