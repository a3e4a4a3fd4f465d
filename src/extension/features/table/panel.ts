import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { langOf, type Lang } from '../../../core/model/lang';
import type { RecordEntry } from '../../../core/model/records';
import {
  buildView,
  recordKey,
  selectRows,
  type SelectMode,
  tableColumns,
  TABLE_GROUPINGS,
  visibleColumns,
  type Column,
  type TableBulkOperation,
  type TableBulkPlanner,
  type TableGroupBy,
  type TableQuery,
  type TableSource,
  type TableView,
} from '../../../core/table';
import type { FolderIndex } from '../../index/folder-index';
import type { Services } from '../../services';
import { applyCell, bulkEdit, checkCell, currentRecord, type BulkResult, type CellCheck } from './edits';
import { exportTableCsv, exportTableXlsx, printTable, type TableOutput } from './output';
import { DISPOSITIONS, tableSource } from './source';
import { dispositionLabel } from '../../disposition-label';
import { askRename } from './rename';
import { pageStrings } from './strings';
import { str, tablePage, type TableMessage } from './protocol';

interface Remembered {
  visible?: string[];
  widths?: Record<string, number>;
  sort?: TableQuery['sort'];
  groupBy?: TableGroupBy;
}

const STATE_KEY = 'recordsCurator.table';

/**
 * The records table: a webview that shows a window of the view the host keeps (filtered, grouped, sorted in
 * slices), edits a cell through the one edit path and sets a field across the selected rows.
 */
export class TablePanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly lang: Lang = langOf(vscode.env.language);
  private columns: Column[];
  private remembered: Remembered;
  private query: TableQuery;
  private current: TableView | undefined;
  private generation = 0;
  private lastWindow = { start: 0, count: 60 };
  private readonly selected = new Set<string>();
  private anchor = -1;
  private rebuildTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private built: Promise<void> = Promise.resolve();
  /** Messages posted to the page, newest last (what tests read of the page's side). */
  readonly posted: { type: string; [k: string]: unknown }[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
    readonly folder: FolderIndex,
    /** A planner per edit: it reads the batches (which lock records) when it plans. */
    private readonly planner: () => TableBulkPlanner,
    opening: { filter?: string; scope?: ReadonlySet<string> },
  ) {
    this.remembered = context.workspaceState.get<Remembered>(STATE_KEY) ?? {};
    this.columns = tableColumns(folder.schema, this.lang);
    this.scope = opening.scope;
    this.query = {
      filter: opening.filter ?? '',
      columnFilters: {},
      sort: this.remembered.sort,
      groupBy: TABLE_GROUPINGS.includes(this.remembered.groupBy ?? 'none') ? (this.remembered.groupBy ?? 'none') : 'none',
    };
    this.panel = vscode.window.createWebviewPanel('recordsCurator.table', vscode.l10n.t('Records Table'), vscode.ViewColumn.Active, {
      enableScripts: true,
      // Nothing is loaded from disk or the network: the style and the one script are inline, under the nonce.
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.panel.webview.onDidReceiveMessage((m: TableMessage) => void this.handle(m), undefined, this.disposables);
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    // Typing in a record, a file saved or changed on disk: the table follows, once things settle.
    services.index.onDidChange((c) => c.folder === folder && this.rebuildSoon(), undefined, this.disposables);
    this.disposables.push(
      folder.onDidChangeSchema(() => {
        this.columns = tableColumns(folder.schema, this.lang);
        this.postInit();
        this.rebuildSoon();
      }),
    );
    const nonce = crypto.randomBytes(16).toString('base64');
    this.panel.webview.html = tablePage(nonce, this.panel.webview.cspSource, this.lang);
    this.built = this.rebuild();
  }

  /** Records picked in the Records view that no filter text describes: the table shows just them. */
  private scope: ReadonlySet<string> | undefined;

  get view(): TableView | undefined {
    return this.current;
  }

  /** Resolves when the view asked for last is built (tests wait on it). */
  whenBuilt(): Promise<void> {
    return this.built;
  }

  get readOnly(): boolean {
    return !vscode.workspace.isTrusted;
  }

  visible(): Column[] {
    return visibleColumns(this.columns, this.remembered.visible);
  }

  selection(): RecordEntry[] {
    return (this.current?.rows ?? []).filter((r) => this.selected.has(recordKey(r)));
  }

  private source(): TableSource {
    return tableSource(this.folder, this.services, this.lang, this.columns, this.scope);
  }

  private rebuildSoon(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.built = this.rebuild();
    }, 300);
  }

  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    const view = await buildView(this.source(), this.query, { isCurrent: () => generation === this.generation });
    if (!view || generation !== this.generation) return;
    this.current = view;
    // A selected record that is gone (deleted, filtered out) is not selected any more.
    if (this.selected.size) {
      const live = new Set(view.rows.map(recordKey));
      for (const k of this.selected) if (!live.has(k)) this.selected.delete(k);
    }
    this.post({
      type: 'view',
      generation,
      lineCount: view.lineCount,
      total: view.rows.length,
      all: this.folder.index.size,
      query: this.query,
      selected: this.selected.size,
    });
    this.postWindow();
  }

  private post(m: { type: string; [k: string]: unknown }): void {
    this.posted.push(m);
    if (this.posted.length > 50) this.posted.splice(0, this.posted.length - 50);
    void this.panel.webview.postMessage(m);
  }

  private postInit(): void {
    const cols = this.columns.map((c) => ({
      key: c.key,
      label: this.lang === 'zh' ? c.label.zh : c.label.en,
      type: c.type,
      options: c.options,
      editable: c.editable && !this.readOnly,
    }));
    const dispositions = Object.fromEntries(DISPOSITIONS.map((d) => [d, dispositionLabel(d)]));
    this.post({
      type: 'init',
      columns: cols,
      visible: this.visible().map((c) => c.key),
      widths: this.remembered.widths ?? {},
      strings: pageStrings(),
      dispositions,
      readOnly: this.readOnly,
      operations: this.planner().operations,
      query: this.query,
    });
  }

  private postWindow(): void {
    const view = this.current;
    if (!view) return;
    const lines = view
      .window(this.lastWindow.start, this.lastWindow.count, this.visible())
      .map((l) => (l.kind === 'row' ? { ...l, selected: this.selected.has(l.key) } : l));
    this.post({ type: 'rows', generation: this.generation, start: this.lastWindow.start, lines });
  }

  private remember(change: Partial<Remembered>): void {
    this.remembered = { ...this.remembered, ...change };
    void this.context.workspaceState.update(STATE_KEY, this.remembered);
  }

  private requery(change: Partial<TableQuery>): Promise<void> {
    this.query = { ...this.query, ...change };
    return (this.built = this.rebuild());
  }

  private find(key: string): RecordEntry | undefined {
    const at = key.lastIndexOf('#');
    return at < 0 ? undefined : currentRecord(this.folder, key.slice(0, at), Number(key.slice(at + 1)));
  }

  /** One message from the page (tests send the same). */
  async handle(m: TableMessage): Promise<unknown> {
    switch (m.type) {
      case 'ready':
        this.postInit();
        await this.built;
        if (this.current) {
          this.post({
            type: 'view',
            generation: this.generation,
            lineCount: this.current.lineCount,
            total: this.current.rows.length,
            all: this.folder.index.size,
            query: this.query,
            selected: this.selected.size,
          });
          this.postWindow();
        }
        return undefined;
      case 'window':
        this.lastWindow = { start: Math.max(0, Math.floor(Number(m.start) || 0)), count: Math.min(200, Math.max(0, Math.floor(Number(m.count) || 0))) };
        this.postWindow();
        return undefined;
      case 'sort': {
        const s = this.query.sort;
        const sort = s?.key !== m.key ? { key: m.key, descending: false } : !s.descending ? { key: m.key, descending: true } : undefined;
        this.remember({ sort });
        return this.requery({ sort });
      }
      case 'filter':
        return this.requery({ filter: str(m.text).slice(0, 1000) });
      case 'columnFilter':
        return this.requery({ columnFilters: { ...this.query.columnFilters, [m.key]: str(m.text).slice(0, 200) } });
      case 'group':
        if (!TABLE_GROUPINGS.includes(m.by)) return undefined;
        this.remember({ groupBy: m.by });
        return this.requery({ groupBy: m.by });
      case 'columns': {
        const known = new Set(this.columns.map((c) => c.key));
        const visible = (Array.isArray(m.visible) ? m.visible : []).filter((k) => typeof k === 'string' && known.has(k));
        const widths: Record<string, number> = {};
        for (const [k, w] of Object.entries(m.widths ?? {})) if (known.has(k) && Number.isFinite(w)) widths[k] = Math.min(800, Math.max(40, Math.round(w)));
        this.remember({ visible: visible.length ? visible : undefined, widths });
        this.postWindow();
        return undefined;
      }
      case 'open':
        return this.open(m.key);
      case 'check':
      case 'edit':
        return this.cell(m);
      case 'select':
        this.select(m.key, m.line, m.mode);
        return undefined;
      case 'selectAll':
        for (const r of this.current?.rows ?? []) this.selected.add(recordKey(r));
        this.selectionChanged();
        return undefined;
      case 'clearSelection':
        this.selected.clear();
        this.selectionChanged();
        return undefined;
      case 'bulk':
        if (m.op === 'rename') return this.rename(str(m.field), str(m.to), m.preview !== false);
        return this.bulk(m.op === 'remove' ? { op: 'remove', field: m.field } : { op: 'set', field: m.field, value: str(m.value) }, m.preview !== false);
      case 'export':
        return m.format === 'xlsx' ? this.exportXlsx() : this.exportCsv();
      case 'print':
        return this.print();
      default:
        return undefined;
    }
  }

  private select(key: string, line: number, mode: SelectMode): void {
    if (!this.current) return;
    this.anchor = selectRows(this.current, this.selected, this.anchor, key, line, mode);
    this.selectionChanged();
  }

  private selectionChanged(): void {
    this.post({ type: 'selection', selected: this.selected.size });
    this.postWindow();
  }

  private async open(key: string): Promise<void> {
    const r = this.find(key);
    if (!r) return;
    const doc = await vscode.workspace.openTextDocument(this.folder.uriOf(r.file));
    // At the front matter: the record's first line.
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(r.line, 0, r.line, 0), preview: true });
  }

  private async cell(m: Extract<TableMessage, { type: 'check' | 'edit' }>): Promise<CellCheck & { applied?: boolean }> {
    const r = this.find(m.key);
    const column = this.columns.find((c) => c.key === m.field);
    let result: CellCheck & { applied?: boolean };
    if (!r || !column?.editable) result = { ok: false, findings: [], reason: vscode.l10n.t('This cell cannot be edited.') };
    else if (this.readOnly) result = { ok: false, findings: [], reason: vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.') };
    else if (m.type === 'check') result = checkCell(this.folder, this.planner(), r, m.field, str(m.value));
    else result = await applyCell(this.folder, this.planner(), r, m.field, str(m.value), this.services.log);
    this.post({ type: m.type === 'check' ? 'checked' : 'edited', seq: m.seq, ...result });
    return result;
  }

  /**
   * Renames a field's key in every selected record (asking which and to what when they are not given): one
   * WorkspaceEdit, previewed first. Any key the records have may be renamed, known to the schema or not (a
   * misspelt `custmer`); archive numbers are refused by the bulk core, as for every bulk edit.
   */
  async rename(field: string, to: string, preview: boolean): Promise<BulkResult | undefined> {
    const records = this.selectedForBulk();
    if (!records) return undefined;
    if (!field || !to) {
      const asked = await askRename(records, this.folder.schema, this.lang);
      if (!asked) return undefined;
      ({ field, to } = asked);
    }
    return this.bulk({ op: 'rename', field, to }, preview);
  }

  /** The selection, or undefined (and why, said) when nothing may be edited in bulk. */
  private selectedForBulk(): RecordEntry[] | undefined {
    if (this.readOnly) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
      return undefined;
    }
    const records = this.selection();
    if (!records.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select rows first (click, Shift+click, Ctrl+click, or Select all filtered).'));
      return undefined;
    }
    return records;
  }

  /** Sets, removes or renames a field in every selected record: one WorkspaceEdit, previewed first. */
  async bulk(op: TableBulkOperation, preview: boolean): Promise<BulkResult | undefined> {
    const records = this.selectedForBulk();
    if (!records) return undefined;
    const planner = this.planner();
    if (!planner.operations.includes(op.op)) return undefined;
    // A rename takes any key the records have; setting and removing, the fields the table edits.
    const column = this.columns.find((c) => c.key === op.field);
    if (op.op !== 'rename' && !column?.editable) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} cannot be changed in the table.', op.field));
      return undefined;
    }
    if (op.op === 'set' && op.field === 'id' && records.length > 1) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A record id names one record: set it on one record at a time.'));
      return undefined;
    }
    return bulkEdit(this.folder, records, op, planner, this.services.log, { preview });
  }

  private exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.current ? exportTableCsv(this.output(this.current), target) : Promise.resolve(undefined);
  }

  private exportXlsx(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.current ? exportTableXlsx(this.output(this.current), target) : Promise.resolve(undefined);
  }

  /** What is shown as CSV (or, for a target ending .xlsx, a workbook), written to `target` (tests and automation). */
  exportTo(target: vscode.Uri): Promise<vscode.Uri | undefined> {
    return target.path.toLowerCase().endsWith('.xlsx') ? this.exportXlsx(target) : this.exportCsv(target);
  }

  /** What is shown as a page to print, opened in the browser; `target`: tests and automation (not opened). */
  print(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.current ? printTable(this.output(this.current), target) : Promise.resolve(undefined);
  }

  private output(view: TableView): TableOutput {
    return { folder: this.folder, view, columns: this.visible(), lang: this.lang, filter: this.query.filter, readOnly: this.readOnly };
  }

  dispose(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
