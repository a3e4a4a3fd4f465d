import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { indexBatchContext, nonRecordFindings } from '../../../core/check/folder';
import { healthStats, renderHealthHtml, type HealthStats } from '../../../core/health';
import { today } from '../../../core/retention/dates';
import { t } from '../../../core/text/bilingual';
import type { Feature } from '../../feature';
import type { Services } from '../../services';
import { documentLanguage, dueWithinDays } from '../../settings';
import { pendingIn } from '../../index/dispositions';
import { scalarText } from '../../../core/model/records';
import { saveChosenFile } from '../../output-file';

export interface HealthPanel {
  panel: vscode.WebviewPanel;
  stats: HealthStats;
  html(): string;
}

async function statsOf(services: Services): Promise<HealthStats | undefined> {
  const folder = services.index.all()[0];
  if (!folder) return undefined;
  const review = services.ui.review?.status;
  const unreviewed = review?.kind === 'ready' ? review.folders.reduce((n, f) => n + f.changes.length, 0) : undefined;
  // The same findings outside records as `check` counts: the schema file's and the batches'.
  const batches = services.ui.batches;
  const texts = batches?.texts(folder) ?? [];
  const others = nonRecordFindings({
    schemaText: folder.schemaFromWorkspace ? folder.schemaText : undefined,
    schemaProblems: folder.schemaProblems,
    batches: texts,
    batchContext: indexBatchContext(folder.root, folder.index, folder.index.lang, folder.schema, () => texts),
  });
  return healthStats({
    index: folder.index,
    schema: folder.schema,
    today: today(),
    soonDays: dueWithinDays(),
    unreviewed,
    backup: services.ui.backup?.state,
    others,
    // Listed in a batch: pending, as in the Records and Disposal views and the status bar.
    pending: pendingIn(folder.root, batches?.pending()),
    // The findings the baseline knows count as `check` counts them.
    baseline: folder.baseline,
  });
}

/**
 * "Health Report" (定期检查): records per category and disposition, completeness, what falls due by month,
 * personal-information warnings, unreviewed changes and backup — every chart element opens its records;
 * exportable as a dated standalone HTML page for the compliance file.
 */
export const healthFeature: Feature = {
  id: 'health',
  activate(context, services) {
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.healthReport', async (options?: { exportTo?: vscode.Uri }) => {
        await services.index.whenReady();
        await services.ui.review?.refresh();
        const stats = await statsOf(services);
        if (!stats) return undefined;
        const folder = services.index.all()[0];
        const date = today();
        // The report is a document for the compliance file: its language follows the documents' setting.
        const lang = documentLanguage();
        const title = t(lang, '档案健康报告', 'Records Health Report');
        const render = (nonce?: string, cspSource?: string) => renderHealthHtml(stats, { language: documentLanguage(), title, date, nonce, cspSource });
        const exportTo = async (target?: vscode.Uri) => {
          if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
            return undefined;
          }
          const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: folder.uriOf(`health-report-${date}.html`), filters: { HTML: ['html'] } }));
          if (!uri) return undefined;
          if (!(await saveChosenFile(uri, render()))) return undefined;
          return uri;
        };
        if (options?.exportTo) return exportTo(options.exportTo);
        // The tab says what the page says: the report's title in the documents' language (中文 for Chinese documents).
        const panel = vscode.window.createWebviewPanel('recordsCurator.health', title, vscode.ViewColumn.Active, {
          enableScripts: true,
          localResourceRoots: [],
        });
        const nonce = crypto.randomBytes(16).toString('base64');
        panel.webview.html = render(nonce, panel.webview.cspSource);
        panel.webview.onDidReceiveMessage(async (m: { type: string; key?: string }) => {
          if (m.type === 'export') {
            const uri = await exportTo();
            if (uri) void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(uri)));
          } else if (m.type === 'open' && m.key) {
            const keys = stats.members[m.key] ?? [];
            const records = keys
              .map((k) => {
                const [file, index] = [k.slice(0, k.lastIndexOf('#')), Number(k.slice(k.lastIndexOf('#') + 1))];
                return folder.index.get(file)?.records.find((r) => r.index === index);
              })
              .filter((r) => r !== undefined);
            if (!records.length) return;
            const pick =
              records.length === 1
                ? { r: records[0] }
                : await vscode.window.showQuickPick(
                    records.map((r) => ({
                      label: scalarText(r.data?.title) || r.file,
                      description: scalarText(r.data?.archive_no ?? r.data?.id),
                      detail: r.file,
                      r,
                    })),
                    { title: m.key, matchOnDetail: true },
                  );
            if (pick)
              await vscode.window.showTextDocument(folder.uriOf(pick.r.file), {
                selection: new vscode.Range(pick.r.line, 0, pick.r.line, 0),
                viewColumn: vscode.ViewColumn.Beside,
              });
          }
        });
        context.subscriptions.push(panel);
        const result: HealthPanel = { panel, stats, html: () => panel.webview.html };
        return result;
      }),
    );
  },
};
