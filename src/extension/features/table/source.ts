import * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import { dayWindow, DISPOSITION_ORDER } from '../../../core/retention/disposition';
import { today } from '../../../core/retention/dates';
import { recordKey, type Column, type TableSource } from '../../../core/table';
import { shownDispositionOf } from '../../index/dispositions';
import type { FolderIndex } from '../../index/folder-index';
import type { Services } from '../../services';
import { dueWithinDays } from '../../settings';
import { dispositionLabel } from '../../disposition-label';

/** Dispositions in the order every view lists them: what needs doing first. */
export const DISPOSITIONS: readonly string[] = DISPOSITION_ORDER;

/** A folder's records as the table reads them: problem counts from the index, dispositions as every view shows them. */
export function tableSource(folder: FolderIndex, services: Services, lang: Lang, columns: readonly Column[], scope?: ReadonlySet<string>): TableSource {
  const window = dayWindow(today(), dueWithinDays());
  const pending = services.ui.batches?.pending();
  const records = () => (scope ? [...folder.index.records()].filter((r) => scope.has(recordKey(r))) : folder.index.records());
  return {
    records,
    schema: folder.schema,
    lang,
    columns,
    facts: { problems: (r) => folder.index.problemCounts(r), disposition: (r) => shownDispositionOf(folder, r, window, pending) },
    dispositionOrder: DISPOSITIONS,
    groupLabel: (by, key) => {
      if (by === 'disposition') return dispositionLabel(key);
      if (by === 'category') {
        const c = folder.schema.categories.get(key);
        return c ? (lang === 'zh' ? c.label.zh : c.label.en) : key || vscode.l10n.t('Uncategorised');
      }
      return key || vscode.l10n.t('No customer');
    },
  };
}
