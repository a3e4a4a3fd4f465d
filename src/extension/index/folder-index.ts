import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { writeFileInside } from '../../core/io/safe-fs';
import { removeOrphanedTemporaries } from './cache-temporaries';
import type { Lang } from '../../core/model/lang';
import { cacheKey, writeCache, writeCacheAsync } from '../../core/index/cache';
import { indexText, type IndexOptions } from '../../core/index/index-file';
import { createMatcher, type RecordMatcher } from '../../core/index/matcher';
import { indexPath } from '../../core/index/read-file';
import { canList } from '../../core/index/walk';
import { configureIndex } from '../../core/index/configure';
import { RecordIndex } from '../../core/index/record-index';
import { indexOptions, loadCacheFile, scanFolder } from '../../core/index/scan';
import type { Finding } from '../../core/model/findings';
import type { FileEntry } from '../../core/model/records';
import { defaultSchemaText, SCHEMA_PATH, type SchemaProblem } from '../../core/schema/load';
import type { Schema, SeveritySetting } from '../../core/model/schema';
import { yieldToEventLoop } from '../../core/async/slices';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import { BASELINE_PATH, fileBaseline, readBaseline, withBaseline, type FileBaseline } from '../../core/check/baseline';
import { KEYS_PATH } from '../../core/values/sealed';

const VERSION = process.env.RC_VERSION ?? 'dev';

export interface FolderIndexOptions {
  folder: vscode.WorkspaceFolder;
  lang: Lang;
  cacheDir: vscode.Uri | undefined;
  log: vscode.LogOutputChannel;
  settings(): { include: string[]; exclude: string[]; rules: Record<string, SeveritySetting> };
  /** A full build starts (true) or ends (false). */
  onBuilding?(building: boolean): void;
}

/**
 * The records of one workspace folder: built once (from the cache when it is still valid), then kept
 * current from file events and from unsaved editor text.
 */
export class FolderIndex implements vscode.Disposable {
  readonly index: RecordIndex;
  readonly root: string;
  schema!: Schema;
  schemaText: string | undefined;
  schemaProblems: SchemaProblem[] = [];
  schemaFromWorkspace = false;
  private matcher!: RecordMatcher;
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;
  private generation = 0;
  /** Paths whose current entry comes from an unsaved editor. */
  private readonly dirty = new Set<string>();
  private readonly schemaListeners = new Set<() => void>();
  /** `.records/baseline.json` as last read (check --update-baseline writes it); undefined: not read yet. */
  private baselineRead: { fb?: FileBaseline } | undefined;

  constructor(private readonly o: FolderIndexOptions) {
    this.root = o.folder.uri.fsPath;
    this.index = new RecordIndex(o.lang);
    this.loadSchema();
  }

  /** The schema changed, or the baseline: every finding of the folder is to be published again. */
  onDidChangeSchema(l: () => void): vscode.Disposable {
    this.schemaListeners.add(l);
    return new vscode.Disposable(() => this.schemaListeners.delete(l));
  }

  /** A file's findings as `check` reports them: those the folder's baseline knows marked known. */
  known(path: string, findings: readonly Finding[]): readonly Finding[] {
    this.baselineRead ??= { fb: ((b) => b && fileBaseline(b))(readBaseline(this.root).baseline) };
    return this.baselineRead.fb ? withBaseline(path, findings, this.baselineRead.fb, this.index.lang).findings : findings;
  }

  get baseline(): FileBaseline | undefined {
    this.known('', []);
    return this.baselineRead?.fb;
  }

  private loadSchema(): void {
    const loaded = readWorkspaceSchema(this.root);
    this.schema = loaded.schema;
    this.schemaText = loaded.text;
    this.schemaProblems = loaded.problems;
    this.schemaFromWorkspace = loaded.fromWorkspace;
    const s = this.o.settings();
    this.matcher = createMatcher([...this.schema.include, ...s.include], [...this.schema.exclude, ...s.exclude]);
  }

  /** Rule severities from settings (they win over the schema's `rules:` in this editor). */
  severities(): Map<string, SeveritySetting> {
    return new Map(Object.entries(this.o.settings().rules));
  }

  /** How a single file is indexed here: the same options the full scan uses. */
  options(): IndexOptions {
    return { ...indexOptions({ root: this.root, schema: this.schema, lang: this.o.lang }), severities: this.severities() };
  }

  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    const rel = path.relative(this.root, uri.fsPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  uriOf(rel: string): vscode.Uri {
    return vscode.Uri.joinPath(this.o.folder.uri, ...rel.split('/'));
  }

  /** Only a file the index holds records in may be deleted by the tool (a batch's execution). */
  isDeletable(rel: string): boolean {
    return (this.index.get(rel)?.records.length ?? 0) > 0;
  }

  isRecordPath(rel: string): boolean {
    return this.matcher(rel);
  }

  /** What the last full build did: files listed, entries taken from the cache, files read. */
  lastBuild: { listed: number; reused: number; read: number; ms: number } | undefined;

  /** The index cache of this folder, in the extension's storage folder (undefined without one). */
  get cacheFile(): string | undefined {
    if (!this.o.cacheDir) return undefined;
    return path.join(this.o.cacheDir.fsPath, `index-${cacheKey([this.root]).slice(0, 12)}.json`);
  }

  private get key(): string {
    const s = this.o.settings();
    // Without a schema file the built-in one applies: a new version of it (aliases, fields) must not reuse old entries.
    // A folder with .records/keys.yaml seals: every plain sensitive value is a finding there, and none without it.
    const seals = fs.existsSync(path.join(this.root, KEYS_PATH));
    return cacheKey([VERSION, this.o.lang, this.schemaText ?? defaultSchemaText, s.include, s.exclude, s.rules, seals]);
  }

  /**
   * Full build with progress in the status bar. A call during a build gets one more build after it (the
   * one under way started before whatever asks now — a new schema, new settings); calls meanwhile share it.
   */
  build(reason: string): Promise<void> {
    if (this.building) {
      const after = () => {
        this.again = undefined;
        return this.build(reason);
      };
      this.again ??= this.building.then(after, after);
      return this.again;
    }
    this.o.onBuilding?.(true);
    this.building = this.doBuild(reason).finally(() => {
      this.building = undefined;
      this.o.onBuilding?.(false);
    });
    return this.building;
  }

  private again: Promise<void> | undefined;
  /** The cache key the index was last built with: entries are saved only under it. */
  private builtKey: string | undefined;

  private async doBuild(reason: string): Promise<void> {
    const gen = ++this.generation;
    const key = this.key;
    const started = Date.now();
    const file = this.cacheFile;
    // Read here, in slices, while the folder is listed in a worker.
    // No cache file at all: a first index, and the listing need not take stats to compare with one.
    const previous =
      file && fs.existsSync(file)
        ? loadCacheFile(file, key).then((m) => {
            if (!m) this.o.log.info('index cache is stale or unreadable; rebuilding');
            return m;
          })
        : undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing records') }, async (progress) => {
      let last = 0;
      // Filled while the scan delivers entries, swapped in at the end: the tree shows the old contents until then.
      configureIndex(this.index, this.schema, this.severities());
      const staging = this.index.staging();
      const result = await scanFolder({
        root: this.root,
        schema: this.schema,
        lang: this.o.lang,
        previous,
        severities: this.severities(),
        include: this.o.settings().include,
        exclude: this.o.settings().exclude,
        workerPath: path.join(__dirname, 'index-worker.js'),
        onEntries: (entries, reused) => staging.addAll(entries, reused),
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last > 200) {
            last = now;
            progress.report({ message: `${done}/${total}` });
          }
        },
      });
      if (gen !== this.generation) return; // a newer build replaced this one
      this.dirty.clear();
      this.index.adopt(staging);
      this.builtKey = key;
      this.lastBuild = { listed: result.listed, reused: result.reused, read: result.read, ms: Date.now() - started };
      this.o.log.info(
        `indexed ${this.index.size} records in ${result.listed} files of ${this.root} (${reason}): ${result.reused} from cache, ${result.read} read, ${Date.now() - started} ms`,
      );
      // Unsaved editors win over the disk.
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.updateFromDocument(doc);
      this.scheduleSave(result.read > 0 ? 1000 : 0);
    });
  }

  private scheduleSave(delay: number): void {
    if (delay === 0 && !this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), delay || 5000);
  }

  /**
   * Writes the cache in slices (40 MB at 100,000 records would hold the extension host half a second), to a
   * temporary file renamed into place, so a crash never leaves half a cache. Saves never overlap.
   */
  saveCache(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.saving = this.saving.then(() => this.writeCacheFile());
    return this.saving;
  }

  private saving: Promise<void> = Promise.resolve();

  private async writeCacheFile(): Promise<void> {
    const file = this.cacheFile;
    // Entries of an index built under another schema or settings must not be saved under the new key.
    if (!file || this.builtKey !== this.key) return;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await removeOrphanedTemporaries(file);
      await fs.promises.rm(tmp, { force: true });
      // Created exclusively and never through a link, like every file the tool writes (core/io).
      const handle = await fs.promises.open(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
      try {
        const dirty = this.dirty;
        const entries = function* (all: Iterable<FileEntry>) {
          for (const e of all) if (!dirty.has(e.path)) yield e;
        };
        await writeCacheAsync(this.key, entries(this.index.entries()), async (chunk) => {
          await handle.write(chunk);
        });
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, file);
    } catch (err) {
      this.o.log.warn(`could not write the index cache: ${String(err)}`);
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /** At shutdown a pending save is written at once, in one go: there is no later to slice it into. */
  private saveCacheNow(): void {
    const file = this.cacheFile;
    if (!file || this.builtKey !== this.key) return;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileInside(
        path.dirname(file),
        path.basename(file),
        writeCache(
          this.key,
          [...this.index.entries()].filter((e) => !this.dirty.has(e.path)),
        ),
        { overwrite: true },
      );
    } catch (err) {
      this.o.log.warn(`could not write the index cache: ${String(err)}`);
    }
  }

  /** A file event: queued and handled in one batch, so a `git checkout` of a thousand files is one update. */
  queue(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (rel === undefined) return;
    if (rel === SCHEMA_PATH) {
      this.schemaChanged();
      return;
    }
    if (rel === BASELINE_PATH) {
      // Every finding may be known or new now: listeners publish them all again (no rebuild is needed).
      this.baselineRead = undefined;
      for (const l of this.schemaListeners) l();
      return;
    }
    if (rel === KEYS_PATH) {
      // Created (keys init, the first seal) or deleted: every record's plain-sensitive findings change.
      if (this.key !== this.builtKey) void this.build('the key registry appeared or went');
      return;
    }
    if (!this.matcher(rel) && !this.index.get(rel)) return;
    this.pending.add(rel);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), 80);
  }

  private schemaChanged(): void {
    this.loadSchema();
    for (const l of this.schemaListeners) l();
    void this.build('schema changed');
  }

  private async flush(): Promise<void> {
    if (this.building) await this.building;
    const paths = [...this.pending];
    this.pending.clear();
    if (!paths.length) return;
    const opts = this.options();
    const updated: FileEntry[] = [];
    const removed: string[] = [];
    let rebuild = false;
    let sliceStart = Date.now();
    for (const rel of paths) {
      if (this.dirty.has(rel)) continue; // the open editor's text is what counts until it is saved or closed
      const current = this.index.get(rel);
      // A folder that could not be listed: once it can be, only a walk finds its records, so a full build
      // does (which also drops its finding); until then the finding stays.
      if (current?.skipped === 'folder') {
        rebuild ||= canList(this.root, rel);
        continue;
      }
      // Links, FIFOs and the like are described, never followed or opened for reading.
      const entry = this.matcher(rel) || current?.skipped ? indexPath(this.root, rel, opts) : undefined;
      if (entry) updated.push(entry);
      else removed.push(rel);
      // A link to a folder became the folder itself: its records, too, need a walk.
      if (!entry && current?.skipped === 'link') rebuild ||= canList(this.root, rel);
      if (Date.now() - sliceStart > 15) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    if (updated.length) this.index.set(updated);
    if (removed.length) this.index.delete(removed);
    this.scheduleSave(5000);
    if (rebuild) void this.build('a folder that could not be listed can be now');
  }

  /** Re-indexes an open document from its text (unsaved edits). */
  updateFromDocument(doc: vscode.TextDocument): void {
    const rel = this.relative(doc.uri);
    if (rel === undefined || !this.matcher(rel)) return;
    const opts = this.options();
    const entry = indexText(rel, doc.getText(), { mtimeMs: -1, size: -1 }, opts);
    this.dirty.add(rel);
    this.indexedVersions.set(rel, doc.version);
    this.index.set([entry]);
  }

  /** Which version of each unsaved document the index holds (typing is indexed after a pause). */
  private readonly indexedVersions = new Map<string, number>();

  /**
   * The findings of an open document as it is now: the index's when it holds this version (the usual case:
   * their fixes are offsets into this very text), else the document indexed afresh.
   */
  findingsOfDocument(rel: string, doc: vscode.TextDocument): Finding[] {
    const current = doc.isDirty ? this.indexedVersions.get(rel) === doc.version : !this.dirty.has(rel);
    return current ? this.index.findings(rel) : this.findingsOfText(rel, doc.getText());
  }

  /**
   * The findings of a text read just now (a file that may have changed since it was indexed): their fixes
   * are offsets into exactly this text. The workspace rules' findings carry no fixes, so none is missed.
   */
  findingsOfText(rel: string, text: string): Finding[] {
    return indexText(rel, text, { mtimeMs: -1, size: -1 }, this.options()).findings;
  }

  /** The editor closed or saved: the file on disk is the truth again. */
  revertToDisk(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (rel !== undefined) this.indexedVersions.delete(rel);
    if (rel === undefined || !this.dirty.delete(rel)) return;
    this.queue(uri);
  }

  /**
   * Saved in the editor: the disk changed, whether or not the index held the editor's text. Queued here, not
   * left to the file watcher: its events were seen to come half a minute late or not at all (seal tests).
   */
  saved(uri: vscode.Uri): void {
    this.revertToDisk(uri);
    this.queue(uri);
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saveCacheNow();
    }
  }
}
