import * as vscode from 'vscode';
import { dueWithinDays } from '../../settings';

/** A disposition as every view names it. */
export function dispositionText(state: string): string {
  switch (state) {
    case 'due':
      return vscode.l10n.t('Due for disposal');
    case 'due-soon':
      return vscode.l10n.t('Due within {0} days', dueWithinDays());
    case 'errors':
      return vscode.l10n.t('With errors: correct first');
    case 'pending':
      return vscode.l10n.t('In a batch (pending)');
    case 'hold':
      return vscode.l10n.t('On hold');
    case 'pending-destruction':
      return vscode.l10n.t('Pending destruction');
    case 'active':
      return vscode.l10n.t('Active');
    case 'retention':
      return vscode.l10n.t('Retention running (storage only)');
    case 'transferred':
      return vscode.l10n.t('Transferred');
    case 'destroyed':
      return vscode.l10n.t('Destroyed');
    default:
      return state;
  }
}

/** Everything the page says, in the display language (the page itself has no l10n). */
export function pageStrings(): Record<string, string> {
  return {
    filter: vscode.l10n.t('Filter: words or field=value (客户=华远, category=contract)'),
    groupBy: vscode.l10n.t('Group by'),
    none: vscode.l10n.t('Nothing'),
    category: vscode.l10n.t('Category'),
    customer: vscode.l10n.t('Customer'),
    disposition: vscode.l10n.t('Disposition'),
    columns: vscode.l10n.t('Columns…'),
    exportCsv: vscode.l10n.t('Export CSV…'),
    print: vscode.l10n.t('Print…'),
    grid: vscode.l10n.t('Records Table'),
    open: vscode.l10n.t('Open the record'),
    status: vscode.l10n.t('Problems and disposition'),
    errors: vscode.l10n.t('{0} errors'),
    warnings: vscode.l10n.t('{0} warnings'),
    noProblems: vscode.l10n.t('No problems'),
    count: vscode.l10n.t('{0} of {1} records'),
    selected: vscode.l10n.t('{0} selected'),
    selectAll: vscode.l10n.t('Select all filtered'),
    clearSelection: vscode.l10n.t('Clear selection'),
    field: vscode.l10n.t('Field'),
    value: vscode.l10n.t('Value'),
    setField: vscode.l10n.t('Set for the selection…'),
    removeField: vscode.l10n.t('Remove from the selection…'),
    filterColumn: vscode.l10n.t('Filter {0}'),
    editHint: vscode.l10n.t('Enter to save, Escape to cancel'),
    editing: vscode.l10n.t('Editing {0}'),
    refused: vscode.l10n.t('Not saved: {0}'),
    readOnly: vscode.l10n.t('Restricted Mode: the table is read-only.'),
    loading: vscode.l10n.t('Loading…'),
    empty: vscode.l10n.t('No records match the filter.'),
    moveUp: vscode.l10n.t('Move up'),
    moveDown: vscode.l10n.t('Move down'),
    done: vscode.l10n.t('Done'),
    resize: vscode.l10n.t('Resize {0}'),
    yes: vscode.l10n.t('true'),
    no: vscode.l10n.t('false'),
  };
}
