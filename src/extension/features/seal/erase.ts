/**
 * Crypto-erasure when an approved destruction batch whose method names crypto-erase is executed in the
 * editor — the core's plan and statement, as `batch execute --keys` and `keys destroy`: the keys of its
 * customers overwritten and deleted in the key store, tombstones in .records/keys.yaml, and a statement of
 * what was verified (the key absent from the store and its registered backups; no plain version in history).
 */
import * as vscode from 'vscode';
import { eraseKeys, erasureStatement, planCryptoErase, ERASE_REFUSAL_TEXT } from '../../../core/disposal/crypto-erase';
import { plainVersions } from '../../../core/git/sealed-history';
import { indexText } from '../../../core/index/index-file';
import type { RecordEntry } from '../../../core/model/records';
import { today } from '../../../core/retention/dates';
import { readKeyRegistry } from '../../../core/seal/registry';
import { bi } from '../../../core/text/bilingual';
import { KEYS_PATH } from '../../../core/values/sealed';
import { currentText } from '../../current-text';
import { gitPath } from '../../git';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';
import type { Erasure, KeyAccess } from '../../services';
import { seals, storeOf, type Keys } from './keys';

const lang = () => (vscode.env.language.startsWith('zh') ? 'zh' : 'en');

/** The folder's records as they are after the execution: the deleted files gone, the cut ones read again. */
function recordsNow(folder: FolderIndex, touched: readonly string[]): RecordEntry[] {
  const out: RecordEntry[] = [];
  for (const e of folder.index.entries()) {
    if (!touched.includes(e.path)) {
      out.push(...e.records);
      continue;
    }
    let now: ReturnType<typeof currentText>;
    try {
      now = currentText(folder.uriOf(e.path));
    } catch {
      continue; // deleted by the batch
    }
    if (now) out.push(...indexText(e.path, now.text, { mtimeMs: -1, size: -1 }, folder.options()).records);
  }
  return out;
}

export function keyAccess(keys: Keys): KeyAccess {
  return {
    async prepareErase(folder) {
      const registry = vscode.workspace.textDocuments.find((d) => d.uri.toString() === folder.uriOf(KEYS_PATH).toString());
      const problem = !seals(folder)
        ? vscode.l10n.t('This folder seals nothing ({0} is missing): there is no key to destroy.', KEYS_PATH)
        : registry?.isDirty
          ? vscode.l10n.t('Save or revert {0} first: crypto-erasure writes tombstones into it.', KEYS_PATH)
          : storeOf(folder).problem;
      if (problem)
        return { refusal: vscode.l10n.t('This batch destroys keys (crypto-erase), and they cannot be destroyed now: {0} Nothing was destroyed.', problem) };
      return {
        warning: vscode.l10n.t(
          "Then the keys of the batch's customers are destroyed in the key store (crypto-erase): their sealed values can never be opened again, in any copy. That cannot be undone.",
        ),
      };
    },

    async eraseForBatch(folder, batchPath, touched): Promise<Erasure | undefined> {
      const { store, problem } = storeOf(folder);
      if (!store) {
        void vscode.window.showErrorMessage(vscode.l10n.t('No key was destroyed: {0}', problem ?? ''));
        return undefined;
      }
      const batch = currentText(folder.uriOf(batchPath));
      const registry = readKeyRegistry(folder.root);
      const plan = planCryptoErase(batch?.text ?? '', folder.schema, registry, recordsNow(folder, touched));
      if (!plan.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('No key was destroyed: the batch is not an executed crypto-erase batch ({0}).', plan.reason));
        return undefined;
      }
      const refused = plan.refused.map((r) => `${r.customer}: ${bi(lang(), ERASE_REFUSAL_TEXT[r.reason])}${r.records ? ` (${r.records.join(', ')})` : ''}`);
      const day = today();
      const { erased, change } = eraseKeys(store, registry, plan.targets, batchPath, day);
      for (const e of erased) keys.forget(folder, e.fingerprint);
      // The tombstones: one edit of .records/keys.yaml, saved, as the batch itself is.
      const uri = folder.uriOf(KEYS_PATH);
      const doc = await vscode.workspace.openTextDocument(uri);
      const edit = new GuardedEdit();
      edit.replace(folder, KEYS_PATH, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), Buffer.from(change.after!).toString('utf8'));
      const written = erased.length === 0 || ((await edit.apply()) && (await doc.save()));
      if (!written)
        void vscode.window.showErrorMessage(
          vscode.l10n.t('The keys were destroyed, but {0} could not be written: add their tombstones before sealing anything again.', KEYS_PATH),
        );
      const git = await gitPath();
      const plain = git ? await plainVersions(git, folder.root, batchPath, folder.schema, new Set(erased.map((e) => e.customer))) : undefined;
      const statement = erasureStatement({ batchPath, batchId: plan.batchId, today: day, erased, refused: plan.refused, plain });
      const shown = await vscode.workspace.openTextDocument({ language: 'markdown', content: statement.text });
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      const names = erased.map((e) => e.customer);
      if (statement.complete && written)
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Crypto-erased: the keys of {0} are destroyed; their sealed values open nowhere now.', names.join(', ')),
        );
      else
        void vscode.window.showWarningMessage(
          names.length
            ? vscode.l10n.t('Keys destroyed for {0}, but the erasure is not complete: see the statement for what is left.', names.join(', '))
            : vscode.l10n.t('No key was destroyed: {0}', refused.join('; ')),
        );
      return { erased: names, refused, complete: statement.complete && written, statement: shown };
    },
  };
}
