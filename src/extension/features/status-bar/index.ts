import * as vscode from 'vscode';
import { today } from '../../../core/retention/dates';
import { dayWindow } from '../../../core/retention/disposition';
import { forEachInSlices } from '../../../core/async/slices';
import { dispositionStateOf } from '../../index/dispositions';
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
      const w = dayWindow(today(), dueWithinDays());
      let records = 0;
      let errors = 0;
      let due = 0;
      // In slices: 100,000 records take tens of milliseconds, and a newer change may arrive meanwhile.
      for (const folder of services.index.all()) {
        const current = { isCurrent: () => mine === latest };
        // Over a snapshot: an entry replaced during the pass moves to the end of the index and would count twice.
        await forEachInSlices(
          () => [...folder.index.entries()],
          (e) => {
            if (!e.records.length) for (const f of e.findings) if (f.severity === 'error') errors++;
            for (const r of e.records) {
              records++;
              const c = folder.index.problemCounts(r).errors;
              errors += c;
              if (!c && dispositionStateOf(folder, r, w) === 'due') due++;
            }
          },
          current,
        );
      }
      if (mine !== latest) return; // a newer update is on its way
      Object.assign(counts, { records, errors, due });
      item.text = `$(archive) ${records}  $(error) ${errors}  $(trash) ${due}`;
      item.tooltip = vscode.l10n.t('{0} records, {1} errors, {2} due for destruction — open the Records view', records, errors, due);
      item.show();
    };
    context.subscriptions.push(
      item,
      services.index.onDidChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void update(), 300);
      }),
    );
    void services.index.whenReady().then(update);
    return { statusCounts: counts };
  },
};
