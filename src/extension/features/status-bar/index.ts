import * as vscode from 'vscode';
import { today } from '../../../core/retention/dates';
import { dayWindow } from '../../../core/retention/disposition';
import { dispositionStateOf, prepareDispositions } from '../../index/dispositions';
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
    let latest = 0;
    const update = async () => {
      const mine = ++latest;
      // New records' dispositions first, in slices; the count below is then lookups and string comparisons.
      await prepareDispositions(services.index.all());
      if (mine !== latest) return; // a newer update is on its way
      const w = dayWindow(today(), dueWithinDays());
      let records = 0;
      let errors = 0;
      let due = 0;
      for (const folder of services.index.all()) {
        for (const r of folder.index.records()) {
          records++;
          const c = folder.index.problemCounts(r).errors;
          errors += c;
          if (!c && dispositionStateOf(folder, r, w) === 'due') due++;
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
      timer = setTimeout(() => void update(), 300);
    }));
    void services.index.whenReady().then(update);
    return { statusCounts: counts };
  },
};
