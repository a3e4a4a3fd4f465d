import * as vscode from 'vscode';
import { dueWithinDays } from './settings';

/** A disposition as every view names it (the Records view's groups and tooltips, the table's column). */
export function dispositionLabel(state: string): string {
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
