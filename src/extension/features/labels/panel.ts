import * as crypto from 'crypto';
import { today } from '../../../core/retention/dates';
import * as vscode from 'vscode';
import { plural } from '../../plural';
import {
  boxesFor,
  compareArchiveNo,
  renderBoxNotesHtml,
  renderCatalogueCsv,
  renderCatalogueHtml,
  renderLabelsCsv,
  renderLabelsHtml,
  renderToolbar,
  type GoneItem,
  type LabelKind,
} from '../../../core/labels';
import type { LabelPreset } from '../../../core/labels/styles';
import { PREVIEW_DOCUMENTS, type PreviewDocument } from '../../../core/labels/toolbar';
import type { DocLang } from '../../../core/text/bilingual';
import { field, type RecordEntry } from '../../../core/model/records';
import type { FolderIndex } from '../../index/folder-index';
import { saveChosenFile } from '../../output-file';

export interface LabelState {
  preset: LabelPreset;
  language: DocLang;
  kinds: LabelKind[];
  /** What the preview shows (labels by default). */
  document?: PreviewDocument;
}

type Message = { type: 'print' | 'exportHtml' | 'exportCsv' | 'exportCatalogue' | 'options' } & Partial<LabelState>;

/**
 * The print preview: labels, the catalogue (归档文件目录) with its covers, or the box note sheets (备考表), in a
 * webview with a strict CSP; record text is escaped by the renderers. `gone`: items destroyed since they were
 * numbered, still listed in the catalogue and counted in their boxes.
 */
export class LabelsPanel {
  readonly panel: vscode.WebviewPanel;
  private state: LabelState;

  private readonly records: RecordEntry[];

  constructor(
    private readonly folder: FolderIndex,
    records: readonly RecordEntry[],
    state: LabelState,
    private readonly perBox: number,
    private readonly gone: readonly GoneItem[] = [],
  ) {
    this.state = state;
    // Sheets come out in filing order.
    this.records = [...records].sort((a, b) => compareArchiveNo(field(a, 'archive_no') ?? '', field(b, 'archive_no') ?? ''));
    this.panel = vscode.window.createWebviewPanel('recordsCurator.labels', vscode.l10n.t('Labels ({0})', records.length), vscode.ViewColumn.Active, {
      enableScripts: true,
      // Nothing is loaded from disk or the network: styles and the one script are inline, under the nonce.
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.panel.webview.onDidReceiveMessage((m: Message) => void this.onMessage(m));
    this.render();
  }

  /** The HTML the webview shows (also what tests read). */
  html(): string {
    return this.panel.webview.html;
  }

  /** Shows another document (what the toolbar's Document list does). */
  show(document: PreviewDocument): void {
    this.state.document = document;
    this.render();
  }

  private title(): string {
    const d = this.state.document ?? 'labels';
    if (d === 'catalogue') return vscode.l10n.t('Archive catalogue');
    if (d === 'box-notes') return vscode.l10n.t('Box note sheets');
    return plural(this.records.length, vscode.l10n.t('Labels — {0} record', this.records.length), vscode.l10n.t('Labels — {0} records', this.records.length));
  }

  private boxes() {
    return boxesFor(
      this.records,
      this.folder.schema,
      this.perBox,
      this.gone.map((g) => g.archiveNo),
    );
  }

  /** The current document as HTML, for the webview (`nonce`) or as a standalone file. */
  private document(nonce?: string): string {
    const schema = this.folder.schema;
    const common = { language: this.state.language, title: this.title(), nonce, cspSource: nonce ? this.panel.webview.cspSource : undefined };
    const d = this.state.document ?? 'labels';
    if (d === 'catalogue') return renderCatalogueHtml(this.records, schema, { ...common, gone: this.gone });
    if (d === 'box-notes') return renderBoxNotesHtml(this.boxes(), this.records, schema, { ...common, gone: this.gone });
    return renderLabelsHtml(this.records, schema, { ...common, kinds: this.state.kinds, preset: this.state.preset, boxes: this.boxes() });
  }

  private render(): void {
    const nonce = crypto.randomBytes(16).toString('base64');
    this.panel.webview.html = this.document(nonce).replace('<!--toolbar-->', renderToolbar(nonce, this.state.language, this.state));
  }

  private async onMessage(m: Message): Promise<void> {
    if (m.preset) this.state.preset = m.preset;
    if (m.language) this.state.language = m.language;
    if (m.document && PREVIEW_DOCUMENTS.includes(m.document)) this.state.document = m.document;
    if (m.kinds) this.state.kinds = m.kinds.filter((k): k is LabelKind => k === 'record' || k === 'stamp' || k === 'spine');
    const name = this.state.document === 'catalogue' ? 'catalogue' : this.state.document === 'box-notes' ? 'box-notes' : 'labels';
    if (m.type === 'options') this.render();
    else if (m.type === 'exportHtml') await this.export('html', () => this.standaloneHtml(), name);
    else if (m.type === 'exportCsv')
      await this.export(
        'csv',
        () =>
          this.state.document === 'catalogue'
            ? renderCatalogueCsv(this.records, this.folder.schema, this.state.language, this.gone)
            : renderLabelsCsv(this.records, this.folder.schema, this.state.language),
        name === 'box-notes' ? 'labels' : name,
      );
    else if (m.type === 'exportCatalogue') await this.exportCatalogue();
  }

  standaloneHtml(): string {
    return this.document().replace('<!--toolbar-->', '');
  }

  private async exportCatalogue(): Promise<void> {
    const pick = await vscode.window.showQuickPick(['CSV', 'HTML'], { title: vscode.l10n.t('Export the archive catalogue as') });
    if (!pick) return;
    const sorted = this.records;
    const schema = this.folder.schema;
    const language = this.state.language;
    if (pick === 'CSV') await this.export('csv', () => renderCatalogueCsv(sorted, schema, language, this.gone), 'catalogue');
    else
      await this.export(
        'html',
        () => renderCatalogueHtml(sorted, schema, { language, title: vscode.l10n.t('Archive catalogue'), gone: this.gone }).replace('<!--toolbar-->', ''),
        'catalogue',
      );
  }

  /** Writes an export where the user says; the save dialog asks before replacing a file. */
  private async export(ext: 'html' | 'csv', content: () => string, name = 'labels'): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
      return;
    }
    // The local day, not UTC's (which is yesterday until 08:00 in China).
    const day = today().replace(/-/g, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.folder.uriOf(''), `${name}-${day}.${ext}`),
      filters: ext === 'html' ? { HTML: ['html'] } : { CSV: ['csv'] },
      title: vscode.l10n.t('Export'),
    });
    if (!target) return;
    if (!(await saveChosenFile(target, content()))) return;
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target)));
  }
}
