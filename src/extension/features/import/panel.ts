/**
 * The import view: the mapping guessed (or saved) for a file, editable column by column, and the preview of
 * what importing under it would do, planned again by the core after every change. Import writes what the
 * preview shows — planned once more against the folder as it is then; when that differs, the preview is
 * updated and nothing is written until the person looks again.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { ImportMapping } from '../../../core/import/mapping';
import type { ImportResult, ImportSession } from '../../../core/import/session';
import { langOf } from '../../../core/model/lang';
import type { FileChange } from '../../../core/io/changes';
import { today } from '../../../core/retention/dates';
import type { FolderIndex } from '../../index/folder-index';
import { applyImport } from './apply';
import { columnSamples, importModel, type ImportModel } from './model';
import { importPage } from './page';
import { ImportPlanner } from './planner';
import { viewStrings } from './strings';

export type ImportMessage =
  | { type: 'ready' }
  | { type: 'column'; header: string; field: string }
  | { type: 'category' | 'key' | 'pattern'; value: string }
  | { type: 'import' }
  | { type: 'open' };

export interface ImportOutcome {
  written: boolean;
  created: string[];
  edited: string[];
  message?: string;
}

const sameChanges = (a: readonly FileChange[], b: readonly FileChange[]) =>
  a.length === b.length && a.every((c, i) => c.path === b[i].path && Buffer.compare(Buffer.from(c.after ?? []), Buffer.from(b[i].after ?? [])) === 0);

export class ImportPanel {
  readonly panel: vscode.WebviewPanel;
  /** The plan the view shows (undefined while the mapping cannot be planned: `error` says why). */
  session: ImportSession | undefined;
  error: string | undefined;
  private mapping: ImportMapping | undefined;
  private edited = false;
  private origin: 'saved' | 'guessed' = 'guessed';
  private headers: string[] = [];
  private samples: string[][] = [];
  private busy = false;
  private done: string | undefined;
  private generation = 0;
  private planned: Promise<void> = Promise.resolve();
  private readonly lang = langOf(vscode.env.language);
  private readonly planner = new ImportPlanner();

  constructor(
    private readonly folder: FolderIndex,
    private readonly file: vscode.Uri,
    private readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly category: string | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const title = vscode.l10n.t('Import {0}', fileName);
    this.panel = vscode.window.createWebviewPanel('recordsCurator.import', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      // Nothing is loaded from disk or the network: the style and the script are inline, under the nonce.
      localResourceRoots: [],
      // Shown again, the page asks for the model afresh ('ready').
      retainContextWhenHidden: false,
    });
    const nonce = crypto.randomBytes(16).toString('base64');
    this.panel.webview.html = importPage(nonce, this.panel.webview.cspSource, vscode.env.language, title);
    this.panel.webview.onDidReceiveMessage((m: ImportMessage) => void this.receive(m));
    this.panel.onDidDispose(() => this.planner.dispose());
  }

  /** The core's plan, worked out in the import worker; `fresh`: against the folder read again. */
  private async prepare(fresh: boolean): Promise<ImportResult> {
    try {
      return await this.planner.plan({
        root: this.folder.root,
        lang: this.folder.index.lang,
        severities: this.folder.severities(),
        fresh,
        fileName: this.fileName,
        bytes: this.bytes,
        // Once the mapping is edited here, its category is the one chosen here.
        category: this.mapping ? undefined : this.category,
        mapping: this.mapping,
        today: today(),
      });
    } catch (err) {
      this.log.error('import: planning failed', err);
      return { ok: false, message: vscode.l10n.t('The import could not be planned: {0}', err instanceof Error ? err.message.split('\n')[0] : String(err)) };
    }
  }

  /** Plans the import under the current mapping (the first time: the saved or guessed one). */
  plan(fresh = false): Promise<void> {
    const generation = ++this.generation;
    this.busy = true;
    this.post();
    this.planned = (async () => {
      const result = await this.prepare(fresh);
      if (generation !== this.generation) return;
      this.busy = false;
      if (result.ok) {
        const s = result.session;
        if (!this.mapping) this.origin = s.mappingFrom === 'saved' ? 'saved' : 'guessed';
        this.session = s;
        this.error = undefined;
        this.mapping = s.mapping;
        if (s.table.headers.length || !this.headers.length) {
          this.headers = s.table.headers;
          this.samples = columnSamples(s.table);
        }
      } else {
        this.session = undefined;
        this.error = result.line ? `${this.fileName}:${result.line}: ${result.message}` : result.message;
      }
      this.post();
    })();
    return this.planned;
  }

  /** What the view shows now (also what tests read). */
  model(): ImportModel {
    const mapping = this.mapping ?? { category: this.category, key: 'id', pattern: '', columns: new Map(), defaults: new Map() };
    const m = importModel({
      file: vscode.workspace.asRelativePath(this.file),
      schema: this.folder.schema,
      lang: this.lang,
      isMail: /\.(eml|mbox)$/i.test(this.fileName),
      mapping,
      mappingFrom: this.edited ? 'edited' : this.origin,
      mappingPath: this.session?.mappingPath ?? '',
      session: this.session,
      error: this.error,
      busy: this.busy,
      headers: this.headers,
      samples: this.samples,
    });
    m.done = this.done;
    return m;
  }

  private post(): void {
    void this.panel.webview.postMessage({ type: 'model', model: this.model(), strings: viewStrings() });
  }

  /** A message from the view (or a test acting as the person would). */
  async receive(m: ImportMessage): Promise<void> {
    if (m.type === 'ready') {
      this.post();
      return;
    }
    if (m.type === 'import') {
      await this.importNow();
      return;
    }
    if (m.type === 'open') {
      const first = this.session?.plan.created[0] ?? this.session?.plan.updated[0];
      if (first && this.done) await vscode.window.showTextDocument(this.folder.uriOf(first.path), { viewColumn: vscode.ViewColumn.Beside });
      return;
    }
    await this.planned;
    if (!this.mapping || this.done) return;
    // What the page sends is checked like any input: text only, a column the file has.
    const text = (v: unknown): v is string => typeof v === 'string' && v.length < 1000;
    if (m.type === 'column' ? !text(m.header) || !text(m.field) : !text(m.value)) return;
    const next: ImportMapping = { ...this.mapping, columns: new Map(this.mapping.columns), defaults: new Map(this.mapping.defaults) };
    if (m.type === 'column') {
      if (!this.mapping.columns.has(m.header)) return;
      next.columns.set(m.header, m.field === '' ? null : m.field);
      // The key follows a column that gave it and now gives another field, or none.
      const keyGiven = [...next.columns.values(), ...next.defaults.keys()].includes(next.key);
      if (!keyGiven && this.mapping.columns.get(m.header) === next.key && m.field) next.key = m.field;
    } else if (m.type === 'category') next.category = m.value || undefined;
    else if (m.type === 'key') next.key = m.value;
    else next.pattern = m.value.trim();
    this.mapping = next;
    this.edited = true;
    await this.plan();
  }

  /** Writes what the preview shows, after planning once more against the folder as it is now. */
  async importNow(): Promise<ImportOutcome> {
    const none = (message?: string): ImportOutcome => ({ written: false, created: [], edited: [], message });
    if (!vscode.workspace.isTrusted) {
      const message = vscode.l10n.t('Importing writes files, which is off in Restricted Mode. Trust the workspace first.');
      void vscode.window.showWarningMessage(message);
      return none(message);
    }
    await this.planned;
    const shown = this.session;
    if (!shown || this.done || !shown.changes.length) return none();
    await this.plan(true);
    const now = this.session;
    if (!now || !sameChanges(shown.changes, now.changes)) {
      const message = vscode.l10n.t('The folder changed since the preview; the preview is updated. Look at it and import again.');
      void vscode.window.showWarningMessage(message);
      return none(message);
    }
    const outcome = await applyImport(this.folder, now.changes, vscode.l10n.t('Importing {0}', this.fileName), this.log);
    if (!outcome.ok) {
      if (outcome.message) void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported: {0}', outcome.message));
      return none(outcome.message);
    }
    const counts = this.model().counts;
    this.done = vscode.l10n.t(
      'Imported: {0} created, {1} updated. Undo in the editor of an imported record takes the whole import back.',
      counts.created,
      counts.updated,
    );
    this.log.info(`import ${this.fileName}: ${now.changes.length} files written (${counts.created} created, ${counts.updated} updated)`);
    this.post();
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}: {1} created, {2} updated.', this.fileName, counts.created, counts.updated));
    const rel = (u: vscode.Uri) => this.folder.relative(u) ?? u.fsPath;
    return { written: true, created: outcome.created.map(rel), edited: outcome.edited.map(rel) };
  }
}
