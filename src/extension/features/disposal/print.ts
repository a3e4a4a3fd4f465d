/**
 * "Print Disposal Document": the destruction or transfer register, the appraisal opinion or the custody plan
 * of the active (or selected) document of the disposal folder, as the standalone printable page
 * `records-curator print` writes — counted to today (已保管, 会计档案管理办法 Art. 18(1)) — saved where the user
 * says and opened in the browser to print and sign.
 */
import * as vscode from 'vscode';
import { paperHtml, paperMarkdown } from '../../../core/disposal/paper';
import { documentPaper } from '../../../core/disposal/printed';
import { today } from '../../../core/retention/dates';
import { documentLanguage } from '../../settings';
import type { Batches } from './batches';
import { saveChosenFile } from '../../output-file';

export async function printDocument(batches: Batches, arg: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await batches.refresh();
  const uri = arg instanceof vscode.Uri ? arg : ((arg as { batch?: { uri: vscode.Uri } })?.batch?.uri ?? vscode.window.activeTextEditor?.document.uri);
  const doc = uri && batches.documentAt(uri);
  const printed = doc && documentPaper(batches.textOf(uri) ?? '', batches.contextOf(doc.folder), today(), documentLanguage());
  if (!uri || !doc || !printed) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a batch, an appraisal opinion or a custody plan (in {0}) to print it.', 'disposal/'));
    return undefined;
  }
  const base = uri.with({ path: uri.path.replace(/\.md$/i, '-print.html') });
  const out = target ?? (await vscode.window.showSaveDialog({ defaultUri: base, filters: { HTML: ['html'], Markdown: ['md'] } }));
  if (!out) return undefined;
  const text = out.path.endsWith('.md') ? paperMarkdown(printed.paper) : paperHtml(printed.paper, documentLanguage());
  if (!(await saveChosenFile(out, text))) return undefined;
  if (!target && out.path.endsWith('.html')) void vscode.env.openExternal(out);
  return out;
}
