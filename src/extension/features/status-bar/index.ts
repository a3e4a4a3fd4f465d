import * as vscode from 'vscode';
import { today } from '../../../core/retention/dates';
import { dispositionOf } from '../../../core/retention/disposition';
import type { Feature } from '../../feature';
import { dueWithinDays } from '../../settings';

export interface StatusCounts {
  records: number;
  errors: number;
  due: number;
}

/** Records, errors and records due for destruction, always in sight; a click opens the Records view. */
export const statusBarFeature: Feature = {
  id: 'status-bar',
  activate(context, services) {
    const item = vscode.window.createStatusBarItem('recordsCurator.summary', vscode.StatusBarAlignment.Left, 20);
    item.name = vscode.l10n.t('Records summary');
    item.command = 'workbench.view.extension.recordsCurator';
    const counts: StatusCounts = { records: 0, errors: 0, due: 0 };
    let timer: NodeJS.Timeout | undefined;
    const update = () => {
      const day = today();
      const soon = dueWithinDays();
      let records = 0;
      let errors = 0;
      let due = 0;
      for (const folder of services.index.all()) {
        for (const r of folder.index.records()) {
          records++;
          const c = folder.index.problemCounts(r).errors;
          errors += c;
          if (!c && dispositionOf(r.data, folder.schema, day, soon).state === 'due') due++;
        }
        for (const e of folder.index.entries()) if (!e.records.length) errors += e.findings.filter((f) => f.severity === 'error').length;
      }
      Object.assign(counts, { records, errors, due });
      item.text = `$(archive) ${records}  $(error) ${errors}  $(trash) ${due}`;
      item.tooltip = vscode.l10n.t('{0} records, {1} errors, {2} due for destruction — open the Records view', records, errors, due);
      item.show();
    };
    context.subscriptions.push(item, services.index.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(update, 300);
    }));
    void services.index.whenReady().then(update);
    return { statusCounts: counts };
  },
};
