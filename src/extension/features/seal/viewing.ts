/**
 * Looking at a sealed value with the key store unlocked: the hover shows it masked (138****5678) with a link
 * "Show full value", and "Unseal for Viewing" picks a field and shows it masked, the whole value in a modal
 * dialog on request. The value is opened in memory for that moment: never written to the file, the output
 * channel, the index cache or a log.
 */
import * as vscode from 'vscode';
import { recordKind } from '../../../core/model/records';
import { parseRecordText } from '../../../core/parse/record-file';
import { writtenKey } from '../../../core/fix/finding-fix';
import { readKeyRegistry } from '../../../core/seal/registry';
import { isSealed, maskValue } from '../../../core/values/sealed';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import type { Keys } from './keys';

interface SealedValue {
  folder: FolderIndex;
  record: number;
  /** The schema's name, and the key as the file writes it (手机). */
  field: string;
  key: string;
  customer: string | undefined;
  value: string;
  start: number;
  end: number;
}

type Opened = { state: 'open'; value: string } | { state: 'locked' | 'no-key' | 'missing' | 'key' | 'damaged' | 'form' } | { state: 'erased'; on: string };

/** The sealed values of a document; of a YAML stream, those of the record at `line` when given. */
function sealedValues(ws: WorkspaceIndex, doc: vscode.TextDocument, line?: number): SealedValue[] {
  const folder = ws.folderOf(doc.uri);
  const rel = folder?.relative(doc.uri);
  if (!folder || rel === undefined || !folder.isRecordPath(rel)) return [];
  const text = doc.getText();
  const out: SealedValue[] = [];
  const { records } = parseRecordText(text, recordKind(rel) ?? 'markdown', { aliases: folder.schema.aliases });
  for (const r of records) {
    if (!r.data) continue;
    if (line !== undefined && records.length > 1) {
      const first = doc.positionAt(r.span.start).line;
      if (line < first || line > doc.positionAt(r.span.end).line) continue;
    }
    const customer = typeof r.data.customer === 'string' ? r.data.customer : undefined;
    for (const [field, spans] of r.fields) {
      const value = r.data[field];
      if (isSealed(value))
        out.push({ folder, record: r.index, field, key: writtenKey(r, field), customer, value, start: spans.value.start, end: spans.value.end });
    }
  }
  return out;
}

function reasonText(o: Exclude<Opened, { state: 'open' }>, customer: string): string {
  switch (o.state) {
    case 'locked':
      return vscode.l10n.t('The key store is locked.');
    case 'no-key':
      return vscode.l10n.t('{0} has no key in {1}.', customer, '.records/keys.yaml');
    case 'erased':
      return vscode.l10n.t("{0}'s key was destroyed on {1} (crypto-erased): the value can no longer be opened.", customer, o.on);
    case 'missing':
      return vscode.l10n.t("The key store does not hold {0}'s key.", customer);
    case 'key':
      return vscode.l10n.t("It is not sealed to {0}'s key (copied from another record, or sealed to an unknown recipient).", customer);
    case 'damaged':
      return vscode.l10n.t('It was changed after sealing: its authentication fails.');
    case 'form':
      return vscode.l10n.t('It is not a whole sealed value (cut short or edited).');
  }
}

export class Viewing {
  /** The one value shown in full, asked for by its hover's link: for a minute, or until the store is locked. */
  private revealed: { uri: string; start: number; until: number } | undefined;

  constructor(
    private readonly ws: WorkspaceIndex,
    private readonly keys: Keys,
  ) {
    keys.onDidChange(() => (this.revealed = undefined));
  }

  private async open(s: SealedValue): Promise<Opened> {
    const key = s.customer === undefined ? undefined : readKeyRegistry(s.folder.root).customers.get(s.customer);
    if (!key) return { state: 'no-key' };
    if (key.destroyed) return { state: 'erased', on: key.destroyed };
    const session = this.keys.session(s.folder);
    if (!session) return { state: 'locked' };
    const r = await session.open(key.fingerprint, s.value);
    if (!r) return { state: 'missing' };
    return r.ok ? { state: 'open', value: r.value } : { state: r.reason };
  }

  async hover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const offset = doc.offsetAt(pos);
    const s = sealedValues(this.ws, doc).find((v) => offset >= v.start && offset <= v.end);
    if (!s) return undefined;
    const o = await this.open(s);
    const md = new vscode.MarkdownString();
    md.supportThemeIcons = true;
    md.supportHtml = false;
    md.isTrusted = { enabledCommands: ['recordsCurator.showSealedValue', 'recordsCurator.unlockKeyStore'] };
    // Record text (field, customer, value) goes in as text, never as Markdown.
    md.appendMarkdown('$(lock) **');
    md.appendText(vscode.l10n.t('Sealed'));
    md.appendMarkdown('** · ');
    md.appendText(`${s.key} · ${s.customer ?? '?'}`);
    md.appendMarkdown('\n\n');
    const link = (title: string, command: string, args?: unknown[]) =>
      `[${title.replace(/[[\]\\]/g, '\\$&')}](command:${command}${args ? `?${encodeURIComponent(JSON.stringify(args))}` : ''})`;
    if (o.state === 'open') {
      const r = this.revealed;
      const full = r !== undefined && r.uri === doc.uri.toString() && r.start === s.start && Date.now() < r.until;
      md.appendMarkdown('**');
      md.appendText(full ? o.value : maskValue(o.value));
      md.appendMarkdown('**');
      if (full) {
        md.appendMarkdown('\n\n');
        md.appendText(vscode.l10n.t('Opened in memory for this hover; written nowhere.'));
      } else md.appendMarkdown(` · ${link(vscode.l10n.t('Show full value'), 'recordsCurator.showSealedValue', [doc.uri.toString(), s.start])}`);
    } else {
      md.appendText(reasonText(o, s.customer ?? '?'));
      if (o.state === 'locked') md.appendMarkdown(` ${link(vscode.l10n.t('Unlock Key Store…'), 'recordsCurator.unlockKeyStore')}`);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
  }

  /** The hover's "Show full value": that value, in that hover, shown again in full. */
  async showFull(uri: string, start: number): Promise<boolean> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const folder = doc && this.ws.folderOf(doc.uri);
    if (!doc || !folder || typeof start !== 'number' || !this.keys.session(folder)) return false;
    this.revealed = { uri, start, until: Date.now() + 60_000 };
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (editor) {
      const at = doc.positionAt(start + 1);
      editor.selection = new vscode.Selection(at, at);
      // The hover that was clicked in is closed first: asked to show while one is open, the editor only focuses it.
      await vscode.commands.executeCommand('editor.action.hideHover');
      await vscode.commands.executeCommand('editor.action.showHover');
    }
    return true;
  }

  /** "Unseal for Viewing": the record at the cursor, a field picked, masked; the whole value in a modal, on request. */
  async unsealForViewing(unlock: () => Promise<boolean>, uri?: vscode.Uri, options?: { field?: string; record?: number }): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a record with sealed values first.'));
      return undefined;
    }
    // The record the cursor is in (from the palette, or the editor's context menu on that same document).
    const here = editor && (!uri || editor.document.uri.toString() === uri.toString());
    const line = options?.record === undefined && here ? editor.selection.active.line : undefined;
    let values = sealedValues(this.ws, doc, line);
    if (options?.record !== undefined) values = values.filter((v) => v.record === options.record);
    if (!values.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This record has no sealed value.'));
      return undefined;
    }
    if (!this.keys.session(values[0].folder)) {
      const go = vscode.l10n.t('Unlock Key Store…');
      if ((await vscode.window.showWarningMessage(vscode.l10n.t('The key store is locked.'), go)) !== go || !(await unlock())) return undefined;
    }
    let s = options?.field === undefined ? undefined : values.find((v) => v.field === options.field || v.key === options.field);
    if (!s && options?.field === undefined) {
      s =
        values.length === 1
          ? values[0]
          : (
              await vscode.window.showQuickPick(
                values.map((v) => ({ label: v.key, description: v.key === v.field ? v.customer : `${v.field} · ${v.customer ?? ''}`, v })),
                { title: vscode.l10n.t('Unseal for Viewing'), placeHolder: vscode.l10n.t('Which sealed value?') },
              )
            )?.v;
    }
    if (!s) return undefined;
    const o = await this.open(s);
    if (o.state !== 'open') {
      void vscode.window.showWarningMessage(`${s.key}: ${reasonText(o, s.customer ?? '?')}`);
      return undefined;
    }
    const masked = maskValue(o.value);
    const full = vscode.l10n.t('Show Full Value');
    void vscode.window.showInformationMessage(`${s.key}: ${masked}`, full).then(async (b) => {
      if (b !== full) return;
      // Re-opened now: the value is held no longer than the dialog that shows it.
      const again = await this.open(s);
      if (again.state === 'open')
        void vscode.window.showInformationMessage(`${s.key}: ${again.value}`, {
          modal: true,
          detail: vscode.l10n.t('Opened in memory to show here; written nowhere.'),
        });
    });
    return masked;
  }
}
