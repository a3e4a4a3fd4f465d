import * as vscode from 'vscode';

/** Every word the import view's script shows, translated here (the script has no l10n of its own). */
export function viewStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Import {0}'),
    mappingFile: vscode.l10n.t('mapping {0} ({1})'),
    mapping: vscode.l10n.t('Mapping'),
    // A finding's severity, as the Problems panel names it.
    sev_error: vscode.l10n.t('error'),
    sev_warning: vscode.l10n.t('warning'),
    sev_info: vscode.l10n.t('info'),
    sev_hint: vscode.l10n.t('hint'),
    category: vscode.l10n.t('Category'),
    choose: vscode.l10n.t('— choose a category —'),
    fromColumn: vscode.l10n.t('— from the category column —'),
    key: vscode.l10n.t('Key field'),
    pattern: vscode.l10n.t('File pattern'),
    patternHint: vscode.l10n.t(
      'Where each new record is written, with {0} taken from its row; the key field tells a new row from an update on the next import.',
      '{field}',
    ),
    columnsCaption: vscode.l10n.t('Each column of the file and the schema field it is imported as'),
    column: vscode.l10n.t('Column'),
    field: vscode.l10n.t('Field'),
    samples: vscode.l10n.t('First values'),
    notImported: vscode.l10n.t('— not imported —'),
    fieldFor: vscode.l10n.t('Field for column {0}'),
    defaults: vscode.l10n.t('Fixed values for fields no column holds (edit them in the saved mapping):'),
    preview: vscode.l10n.t('Preview'),
    updating: vscode.l10n.t('Updating the preview…'),
    importButton: vscode.l10n.t('Import'),
    writes: vscode.l10n.t('{0} files are written (the records, the mapping and the import state), as one change Undo takes back'),
    nothing: vscode.l10n.t('Nothing to write'),
    created: vscode.l10n.t('New records ({0})'),
    updated: vscode.l10n.t('Records updated ({0})'),
    conflicts: vscode.l10n.t('Conflicts, left as they are ({0})'),
    rejected: vscode.l10n.t('Rows rejected ({0})'),
    personal: vscode.l10n.t('Personal information in plain text ({0})'),
    skipped: vscode.l10n.t('Rows skipped ({0})'),
    notes: vscode.l10n.t('Notes on the file ({0})'),
    more: vscode.l10n.t('… and {0} more'),
    line: vscode.l10n.t('line {0}'),
    lineKey: vscode.l10n.t('(line {0}, key {1})'),
    openFirst: vscode.l10n.t('Open the first record'),
  };
}
