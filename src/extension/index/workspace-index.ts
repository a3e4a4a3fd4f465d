import fg from 'fast-glob';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { langOf } from '../../core/model/lang';
import type { IndexChange } from '../../core/index/record-index';
import type { RecordEntry } from '../../core/model/records';
import type { SeveritySetting } from '../../core/model/schema';
import { defaultSchema, SCHEMA_PATH } from '../../core/schema/load';
import { FolderIndex } from './folder-index';
import { sniffFolder } from './sniff';
import { BASELINE_PATH } from '../../core/check/baseline';

export interface WorkspaceChange extends IndexChange {
  folder: FolderIndex;
}

/** One FolderIndex per workspace folder, fed by file watchers and editor events. */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<WorkspaceChange>();
  readonly onDidChange = this.emitter.event;
  private readonly docTimers = new Map<string, NodeJS.Timeout>();
  private ready: Promise<void> = Promise.resolve();
  private builds = 0;
  private readonly buildingEmitter = new vscode.EventEmitter<boolean>();
  /**
   * Folders without a schema file, with how many of the files looked at read like records: those with some
   * are indexed under the built-in schema (and offered Set Up), the others are left alone until a schema
   * appears — a folder of notes or code is not a records folder because it has Markdown in it.
   */
  readonly withoutSchema = new Map<string, { folder: vscode.WorkspaceFolder; looksLikeRecords: number }>();
  private readonly withoutSchemaEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeWithoutSchema = this.withoutSchemaEmitter.event;
  /** Fires true when a full build starts while none runs, false when the last one ends. */
  readonly onDidChangeBuilding = this.buildingEmitter.event;

  /** Whether a full build (first index, rebuild, new schema) is running in any folder. */
  get building(): boolean {
    return this.builds > 0;
  }

  private setBuilding(on: boolean): void {
    this.builds += on ? 1 : -1;
    if ((on && this.builds === 1) || (!on && this.builds === 0)) this.buildingEmitter.fire(on);
  }

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
    // A folder created or deleted outside VS Code may be one event for the folder, not one per file in it.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    // The baseline (check --update-baseline): which findings are known.
    const baseline = vscode.workspace.createFileSystemWatcher(`**/${BASELINE_PATH}`);
    const onFile = (uri: vscode.Uri) => {
      const folder = this.folderOf(uri);
      if (folder) folder.queue(uri);
      else this.wakeOn(uri);
    };
    this.disposables.push(
      watcher,
      folders,
      this.emitter,
      this.buildingEmitter,
      this.withoutSchemaEmitter,
      folders.onDidDelete((uri) => this.queueTree(uri)),
      folders.onDidCreate((uri) => void this.queueCreatedFolder(uri)),
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      baseline,
      baseline.onDidCreate(onFile),
      baseline.onDidChange(onFile),
      baseline.onDidDelete(onFile),
      // Folders deleted or renamed in the Explorer: the watcher reports the folder, not the files in it.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.queueTree(u))),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach(({ oldUri, newUri }) => {
          this.queueTree(oldUri);
          this.queueTree(newUri);
        }),
      ),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.folderOf(doc.uri)?.revertToDisk(doc.uri)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.folderOf(doc.uri)?.saved(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.syncFolders()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['include', 'exclude', 'rules'].some((k) => e.affectsConfiguration(`recordsCurator.${k}`))) void this.rebuildAll('settings changed');
      }),
    );
    this.syncFolders();
  }

  /** Resolves when every folder has been indexed once. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  all(): FolderIndex[] {
    return [...this.folders.values()];
  }

  folderOf(uri: vscode.Uri): FolderIndex | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /** The record at a position of a document, if any. */
  recordAt(uri: vscode.Uri, line?: number): { folder: FolderIndex; record: RecordEntry } | undefined {
    const folder = this.folderOf(uri);
    const rel = folder?.relative(uri);
    const entry = rel === undefined ? undefined : folder?.index.get(rel);
    if (!folder || !entry || !entry.records.length) return undefined;
    const record = (line === undefined ? undefined : entry.records.find((r) => line >= r.line && line <= r.endLine)) ?? entry.records[0];
    return { folder, record };
  }

  private queueTree(uri: vscode.Uri): void {
    const folder = this.folderOf(uri);
    if (!folder) return;
    const rel = folder.relative(uri);
    if (rel === undefined) return;
    for (const p of [...folder.index.paths()]) if (p === rel || p.startsWith(rel + '/')) folder.queue(folder.uriOf(p));
    folder.queue(uri);
  }

  private async queueCreatedFolder(uri: vscode.Uri): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder) return;
    try {
      if (!(await fs.promises.stat(uri.fsPath)).isDirectory()) return;
      const files = await fg('**/*.{md,markdown,yaml,yml}', { cwd: uri.fsPath, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
      for (const f of files) folder.queue(vscode.Uri.joinPath(uri, ...f.split('/')));
    } catch {
      // gone again before we looked: nothing to index
    }
  }

  private onEdit(doc: vscode.TextDocument): void {
    const folder = this.folderOf(doc.uri);
    if (!folder) return;
    const key = doc.uri.toString();
    clearTimeout(this.docTimers.get(key));
    // Typing is batched: the index follows a pause of 150 ms, not every keystroke.
    this.docTimers.set(
      key,
      setTimeout(() => {
        this.docTimers.delete(key);
        if (doc.isClosed) return;
        if (doc.isDirty) folder.updateFromDocument(doc);
        else folder.revertToDisk(doc.uri);
      }, 150),
    );
  }

  private syncFolders(): void {
    const lang = langOf(vscode.env.language);
    const current = new Set((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString()));
    for (const [key, f] of this.folders) {
      if (!current.has(key)) {
        f.dispose();
        this.folders.delete(key);
      }
    }
    for (const key of [...this.withoutSchema.keys()]) if (!current.has(key)) this.withoutSchema.delete(key);
    const builds: Promise<void>[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      if (folder.uri.scheme !== 'file' || this.folders.has(key) || this.withoutSchema.has(key)) continue;
      if (!fs.existsSync(vscode.Uri.joinPath(folder.uri, ...SCHEMA_PATH.split('/')).fsPath)) {
        builds.push(this.sniff(folder, lang));
        continue;
      }
      builds.push(this.open(folder, lang));
    }
    this.ready = Promise.all([this.ready, ...builds]).then(() => undefined);
  }

  /** A folder without a schema: indexed under the built-in one if it looks like records, else left until one appears. */
  private async sniff(folder: vscode.WorkspaceFolder, lang: ReturnType<typeof langOf>): Promise<void> {
    const key = folder.uri.toString();
    let hits = 0;
    try {
      hits = await sniffFolder(folder, defaultSchema());
    } catch (err) {
      this.log.error(`looking at ${folder.uri.fsPath} failed`, err);
    }
    this.withoutSchema.set(key, { folder, looksLikeRecords: hits });
    this.log.info(`${folder.uri.fsPath}: no ${SCHEMA_PATH}; ${hits} of the files looked at read like records`);
    this.withoutSchemaEmitter.fire();
    if (hits > 0) await this.open(folder, lang);
  }

  /** A schema file created in a folder that was left alone: index it now. */
  private wakeOn(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || this.folders.has(folder.uri.toString())) return;
    if (path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') !== SCHEMA_PATH) return;
    this.withoutSchema.delete(folder.uri.toString());
    this.withoutSchemaEmitter.fire();
    this.ready = Promise.all([this.ready, this.open(folder, langOf(vscode.env.language))]).then(() => undefined);
  }

  private open(folder: vscode.WorkspaceFolder, lang: ReturnType<typeof langOf>): Promise<void> {
    const key = folder.uri.toString();
    {
      const fi = new FolderIndex({
        folder,
        lang,
        cacheDir: this.context.storageUri,
        log: this.log,
        onBuilding: (on) => this.setBuilding(on),
        settings: () => {
          const c = vscode.workspace.getConfiguration('recordsCurator', folder.uri);
          return {
            include: c.get<string[]>('include') ?? [],
            exclude: c.get<string[]>('exclude') ?? [],
            rules: c.get<Record<string, SeveritySetting>>('rules') ?? {},
          };
        },
      });
      fi.index.onDidChange((change) => this.emitter.fire({ ...change, folder: fi }));
      fi.onDidChangeSchema(() => {
        // A schema written by Set Up (or by hand) into a folder indexed under the built-in one.
        if (fi.schemaFromWorkspace && this.withoutSchema.delete(key)) this.withoutSchemaEmitter.fire();
        this.emitter.fire({ folder: fi });
      });
      this.folders.set(key, fi);
      this.emitter.fire({ folder: fi });
      return fi.build('opened').catch((err: unknown) => this.log.error(`indexing ${fi.root} failed`, err));
    }
  }

  rebuildAll(reason: string): Promise<void> {
    this.ready = Promise.all(this.all().map((f) => f.build(reason))).then(() => undefined);
    return this.ready;
  }

  dispose(): void {
    for (const t of this.docTimers.values()) clearTimeout(t);
    for (const f of this.folders.values()) f.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
