import * as vscode from 'vscode';
import { langOf } from '../../../core/model/lang';
import { today } from '../../../core/retention/dates';
import { describeChange, describeKey, describeValue, setUpHeader } from '../../../core/schema/describe';
import type { Proposal, Proposed } from '../../../core/schema/infer';
import { defaultSchema, SCHEMA_PATH } from '../../../core/schema/load';
import { FONDS_PATTERN, renderSchema } from '../../../core/schema/render';
import { folderScope, GuardedEdit } from '../../guarded-edit';
import { inferFolderAsync } from './scan';

/** For tests and automation: answers to the steps, so the flow runs without a person (as a person would). */
export interface SetUpAnswers {
  /** Keep only these changes (by index in the proposal); all of them when absent. */
  changes?: number[];
  fonds?: string;
  /** Write without waiting for the Write button under the preview. */
  write?: boolean;
}

export interface SetUpResult {
  proposal?: Proposal;
  written: boolean;
  uri?: vscode.Uri;
}

function changeItem(c: Proposed, lang: 'en' | 'zh', index: number): vscode.QuickPickItem & { index: number } {
  const kind = {
    'field-alias': vscode.l10n.t('alias'),
    'value-alias': vscode.l10n.t('alias'),
    'new-field': vscode.l10n.t('new field'),
    'not-required': vscode.l10n.t('not required'),
  }[c.kind];
  return { label: describeChange(c, lang), description: kind, picked: true, index };
}

/**
 * Set Up Records Curator: read the folder's records, show what they use and the changes to the built-in
 * schema that fit them (each may be declined), ask for the fonds code, show the schema, write it.
 */
export async function runSetUp(log: vscode.LogOutputChannel, answers?: SetUpAnswers): Promise<SetUpResult> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
    return { written: false };
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Set up which folder?') }) : folders[0];
  if (!folder) return { written: false };
  const target = vscode.Uri.joinPath(folder.uri, ...SCHEMA_PATH.split('/'));
  if (await exists(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists; it was not changed.', SCHEMA_PATH));
    await vscode.window.showTextDocument(target);
    return { written: false };
  }
  const lang = langOf(vscode.env.language);
  const proposal = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the records of {0}…', folder.name), cancellable: true },
    (progress, token) => inferFolderAsync(folder, defaultSchema(), token, (done, total) => progress.report({ message: `${done} / ${total}` })),
  );
  if (!proposal) return { written: false };
  log.info(`set up: ${proposal.records} records in ${proposal.files} files, ${proposal.changes.length} changes proposed`);

  // 1. What the records use: every key, category and value, and how each is (or would be) read.
  if (!answers && !(await showFound(proposal, lang))) return { proposal, written: false };

  // 2. The changes to the built-in schema, each ticked and each may be declined.
  let changes = proposal.changes;
  if (answers) changes = answers.changes ? answers.changes.map((i) => proposal.changes[i]).filter((c) => c !== undefined) : changes;
  else if (changes.length) {
    const picked = await vscode.window.showQuickPick(
      changes.map((c, i) => changeItem(c, lang, i)),
      {
        canPickMany: true,
        ignoreFocusOut: true,
        title: vscode.l10n.t('Set Up Records Curator (2/4): changes to the built-in schema that fit the records'),
        placeHolder: vscode.l10n.t('Untick what should stay as the built-in schema has it'),
      },
    );
    if (!picked) return { proposal, written: false };
    changes = picked.map((p) => proposal.changes[p.index]);
  }

  // 3. The fonds code: archive numbers start with it, and the built-in Z001 is only a placeholder.
  const fonds =
    answers?.fonds ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Set Up Records Curator (3/4): fonds code (全宗号)'),
        prompt: vscode.l10n.t('The code your archive gave the company; every archive number starts with it (e.g. Z109).'),
        placeHolder: 'Z109',
        ignoreFocusOut: true,
        validateInput: (v) => (FONDS_PATTERN.test(v.trim()) ? undefined : vscode.l10n.t('Letters and digits only, e.g. Z109')),
      })
    )?.trim();
  if (!fonds || !FONDS_PATTERN.test(fonds)) return { proposal, written: false };

  // 4. The schema as it will be written, in an editor: it can still be changed there before it is written.
  const text = setUpHeader(proposal, lang, today()) + renderSchema(changes, fonds);
  log.info('set up: preview');
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (!answers?.write) {
    const write = vscode.l10n.t('Write {0}', SCHEMA_PATH);
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Set Up Records Curator (4/4): this is the schema for {0}. Write it?', folder.name),
      write,
      vscode.l10n.t('Cancel'),
    );
    if (choice !== write) return { proposal, written: false };
  }
  log.info('set up: writing');
  const edit = new GuardedEdit();
  edit.createFile(folderScope(folder), SCHEMA_PATH, doc.getText());
  if (!(await edit.apply(log))) return { proposal, written: false };
  log.info('set up: written');
  // The preview was only a preview: closed without a "save?" question, and the written file opened.
  if (vscode.window.activeTextEditor?.document === doc) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.window.showTextDocument(target);
  return { proposal, written: true, uri: target };
}

/** Step 1: the keys, categories and values the records write, with counts and readings; any pick goes on. */
async function showFound(p: Proposal, lang: 'en' | 'zh'): Promise<boolean> {
  const go: vscode.QuickPickItem = { label: `$(arrow-right) ${vscode.l10n.t('Continue: the changes that fit these records')}`, alwaysShow: true };
  const items: vscode.QuickPickItem[] = [go, { label: vscode.l10n.t('Field names'), kind: vscode.QuickPickItemKind.Separator }];
  // What needs attention first: names the built-in schema does not read as they are.
  const order = { slip: 0, new: 1, label: 2, alias: 3, own: 4 } as const;
  for (const k of [...p.keys].sort((a, b) => order[a.reading] - order[b.reading])) {
    items.push({ label: k.key, description: String(k.records), detail: describeKey(k, lang) });
  }
  const categories = p.values.filter((v) => v.field === 'category');
  const values = p.values.filter((v) => v.field !== 'category');
  if (categories.length) items.push({ label: vscode.l10n.t('Categories'), kind: vscode.QuickPickItemKind.Separator });
  for (const v of categories) items.push({ label: v.value, description: String(v.records), detail: describeValue(v, lang) });
  if (values.length) items.push({ label: vscode.l10n.t('Values'), kind: vscode.QuickPickItemKind.Separator });
  for (const v of values) items.push({ label: `${v.field}: ${v.value}`, description: String(v.records), detail: describeValue(v, lang) });
  const pick = await vscode.window.showQuickPick(items, {
    ignoreFocusOut: true,
    matchOnDetail: true,
    title: vscode.l10n.t('Set Up Records Curator (1/4): {0} records in {1} files — what they use', p.records, p.files),
    placeHolder: vscode.l10n.t('How each name the records use is read; Enter to go on'),
  });
  return pick !== undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
