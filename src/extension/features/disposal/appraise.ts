/**
 * "Appraise Batch": the appraisal opinion (鉴定意见书, 会计档案管理办法 Arts. 16–17) of a draft destruction
 * batch, written as its own document in the disposal folder and named in the batch's appraisal_ref — the same
 * document `records-curator batch appraise` writes. A draft opinion of the batch is written anew (its records
 * may have changed); a signed (final) one is never replaced. The appraisers sign the printed opinion and set
 * its status to final; only then can the batch be approved.
 */
import * as vscode from 'vscode';
import { findOpinion, opinionText, readOpinion } from '../../../core/disposal/appraisal';
import { nextBatchId, type BatchDetails } from '../../../core/disposal/document';
import { setFieldEdits } from '../../../core/fix/fixes';
import { scalarText } from '../../../core/model/records';
import { today } from '../../../core/retention/dates';
import { GuardedEdit } from '../../guarded-edit';
import { documentLanguage } from '../../settings';
import type { Batches } from './batches';
import { batchAt, writable } from './commands';

/** The opinion written (its workspace-relative path), or undefined when there was nothing to appraise. */
export async function appraiseBatch(batches: Batches, arg: unknown, details: BatchDetails = {}): Promise<string | undefined> {
  if (!writable()) return undefined;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.kind !== 'destruction-batch' || b.batch.status !== 'draft') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft destruction batch (in {0}) to appraise it.', 'disposal/'));
    return undefined;
  }
  const text = batches.textOf(b.uri)!;
  const ctx = batches.contextOf(b.folder);
  const ref = scalarText(b.batch.data.appraisal_ref).trim();
  const existing = ref ? findOpinion(ctx, ref) : undefined;
  if (existing?.opinion.status === 'final') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t("Appraisal opinion {0} is signed and is not replaced; to appraise again, empty the batch's appraisal_ref.", ref),
    );
    return undefined;
  }
  const day = today();
  const id = existing
    ? ref
    : nextBatchId(
        'JD',
        day.slice(0, 4),
        (ctx.documents?.() ?? []).map((d) => readOpinion(d.text)?.id ?? ''),
      );
  const opinion = opinionText(text, ctx, id, day, documentLanguage(), details)!;
  const rel = existing?.path ?? `${b.folder.schema.disposal.folder}/${id}.md`;
  const edit = new GuardedEdit();
  if (existing) {
    const doc = await vscode.workspace.openTextDocument(b.folder.uriOf(rel));
    edit.replace(b.folder, rel, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), opinion);
  } else edit.createFile(b.folder, rel, opinion);
  if (ref !== id) {
    const doc = await vscode.workspace.openTextDocument(b.uri);
    for (const e of setFieldEdits(b.path, text, [{ record: 0, field: 'appraisal_ref', value: id }]))
      edit.replace(b.folder, b.path, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  }
  if (!(await edit.apply())) return undefined;
  await vscode.workspace.saveAll(false);
  await batches.refresh(true);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Wrote the appraisal opinion {0}. Once the appraisers have signed it, set its status to final, then approve the batch.', rel),
  );
  return rel;
}
