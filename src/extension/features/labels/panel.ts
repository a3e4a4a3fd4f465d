import * as crypto from 'crypto';
import * as vscode from 'vscode';
import {
  boxesFor,
  compareArchiveNo,
  renderCatalogueCsv,
  renderCatalogueHtml,
  renderLabelsCsv,
  renderLabelsHtml,
  renderToolbar,
  type LabelKind,
} from '../../../core/labels';
import type { LabelPreset } from '../../../core/labels/styles';
import type { DocLang } from '../../../core/text/bilingual';
import { field, type RecordEntry } from '../../../core/model/records';
import type { FolderIndex } from '../../index/folder-index';

export interface LabelState {
  preset: LabelPreset;
  language: DocLang;
  kinds: LabelKind[];
}

type Message = { type: 'print' | 'exportHtml' | 'exportCsv' | 'exportCatalogue' | 'options' } & Partial<LabelState>;

/** The print preview: labels in a webview with a strict CSP; record text is escaped by the renderers. */
export class LabelsPanel {
  readonly panel: vscode.WebviewPanel;
  private state: LabelState;

  private readonly records: RecordEntry[];

  constructor(
    private readonly folder: FolderIndex,
    records: readonly RecordEntry[],
    state: LabelState,
    private readonly perBox: number,
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

  private title(): string {
    return vscode.l10n.t('Labels — {0} records', this.records.length);
  }

  private render(): void {
    const nonce = crypto.randomBytes(16).toString('base64');
    const html = renderLabelsHtml(this.records, this.folder.schema, {
      kinds: this.state.kinds,
      preset: this.state.preset,
      language: this.state.language,
      title: this.title(),
      nonce,
      cspSource: this.panel.webview.cspSource,
      boxes: boxesFor(this.records, this.folder.schema, this.perBox),
    });
    this.panel.webview.html = html.replace('<!--toolbar-->', renderToolbar(nonce, this.state.language, this.state));
  }

  private async onMessage(m: Message): Promise<void> {
    if (m.preset) this.state.preset = m.preset;
    if (m.language) this.state.language = m.language;
    if (m.kinds) this.state.kinds = m.kinds.filter((k): k is LabelKind => k === 'record' || k === 'stamp' || k === 'spine');
    if (m.type === 'options') this.render();
    else if (m.type === 'exportHtml') await this.export('html', () => this.standaloneHtml());
    else if (m.type === 'exportCsv') await this.export('csv', () => renderLabelsCsv(this.records, this.folder.schema, this.state.language));
    else if (m.type === 'exportCatalogue') await this.exportCatalogue();
  }

  standaloneHtml(): string {
    return renderLabelsHtml(this.records, this.folder.schema, {
      kinds: this.state.kinds,
      preset: this.state.preset,
      language: this.state.language,
      title: this.title(),
      boxes: boxesFor(this.records, this.folder.schema, this.perBox),
    }).replace('<!--toolbar-->', '');
  }

  private async exportCatalogue(): Promise<void> {
    const pick = await vscode.window.showQuickPick(['CSV', 'HTML'], { title: vscode.l10n.t('Export the archive catalogue as') });
    if (!pick) return;
    const sorted = this.records;
    if (pick === 'CSV') await this.export('csv', () => renderCatalogueCsv(sorted, this.folder.schema, this.state.language), 'catalogue');
    else
      await this.export(
        'html',
        () =>
          renderCatalogueHtml(sorted, this.folder.schema, { language: this.state.language, title: vscode.l10n.t('Archive catalogue') }).replace(
            '<!--toolbar-->',
            '',
          ),
        'catalogue',
      );
  }

  /** Writes an export where the user says; the save dialog asks before replacing a file. */
  private async export(ext: 'html' | 'csv', content: () => string, name = 'labels'): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
      return;
    }
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.folder.uriOf(''), `${name}-${day}.${ext}`),
      filters: ext === 'html' ? { HTML: ['html'] } : { CSV: ['csv'] },
      title: vscode.l10n.t('Export'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(content(), 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target)));
  }
}
