import * as vscode from 'vscode';
import { planApproval } from '../../../core/disposal/approve';
import { batchItem, screenForDestruction, type BatchItem, type ExclusionReason } from '../../../core/disposal/batch';
import { certificateHtml, certificateMarkdown } from '../../../core/disposal/certificate';
import { destructionBatchText, nextBatchId, transferBatchText } from '../../../core/disposal/document';
import { planExecution } from '../../../core/disposal/execute';
import { setFieldEdits } from '../../../core/fix/fixes';
import { hasFilterRepo, reachable } from '../../../core/git/purge';
import { purgeReport } from '../../../core/git/report';
import { isGitRepo } from '../../../core/git/run';
import type { RecordEntry } from '../../../core/model/records';
import { today } from '../../../core/retention/dates';
import { isHold } from '../../../core/retention/disposition';
import type { FolderIndex } from '../../index/folder-index';
import { gitPath } from '../../git';
import { tryReadFileInside } from '../../../core/io/safe-fs';
import { GuardedEdit } from '../../guarded-edit';
import { currentText } from '../archive/assign';
import { documentLanguage } from '../../settings';
import { batchContext, type Batches, type KnownBatch } from './batches';
import { docLang } from '../../../core/text/bilingual';

const REASONS: Record<ExclusionReason, () => string> = {
  hold: () => vscode.l10n.t('on hold'),
  'within-retention': () => vscode.l10n.t('still within retention'),
  waiting: () => vscode.l10n.t('retention has not started (its event is not recorded)'),
  errors: () => vscode.l10n.t('has errors; fix them first'),
  already: () => vscode.l10n.t('already destroyed, transferred or in a batch'),
};

function writable(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
  return false;
}

const existingIds = (batches: Batches) => batches.all().map((b) => String(b.batch.data.batch_id ?? ''));

/** The file as it is on disk (never through a link): its fingerprint is what a later check compares with. */
function bytesOf(folder: FolderIndex, rel: string): Uint8Array {
  return tryReadFileInside(folder.root, rel) ?? new Uint8Array();
}

function itemsOf(folder: FolderIndex, records: readonly RecordEntry[], day: string): BatchItem[] {
  return records.map((r) => batchItem(r, folder.schema, bytesOf(folder, r.file), day));
}

/** Writes a new file (never replacing one) through a checked WorkspaceEdit, and opens it. */
async function createFile(folder: FolderIndex, rel: string, text: string, also?: GuardedEdit): Promise<vscode.Uri | undefined> {
  const edit = also ?? new GuardedEdit();
  const uri = edit.createFile(folder, rel, text);
  if (!(await edit.apply())) return undefined;
  await vscode.window.showTextDocument(uri);
  return uri;
}

export interface CreatedBatch {
  uri?: vscode.Uri;
  items: number;
  excluded: { path: string; reason: ExclusionReason }[];
}

/** "Create Destruction Batch": the due or selected records, screened; what is refused is said, with why. */
export async function createDestructionBatch(picked: { folder: FolderIndex; records: RecordEntry[] }[], batches: Batches, log: vscode.LogOutputChannel): Promise<CreatedBatch> {
  const result: CreatedBatch = { items: 0, excluded: [] };
  if (!writable()) return result;
  const day = today();
  for (const { folder, records } of picked) {
    const { items, excluded } = screenForDestruction(records, folder.schema, day, (r) => folder.index.problemCounts(r).errors);
    const listed = batches.pending();
    const fresh = items.filter((r) => !listed.has(`${folder.root}\u0000${r.file}#${r.index}`));
    for (const r of items) if (!fresh.includes(r)) excluded.push({ record: r, reason: 'already' });
    result.excluded.push(...excluded.map((e) => ({ path: e.record.file, reason: e.reason })));
    if (excluded.length) {
      log.info(vscode.l10n.t('Not in the destruction batch:') + '\n  ' + excluded.map((e) => `${e.record.file}: ${REASONS[e.reason]()}${e.until ? ` (${vscode.l10n.t('until {0}', e.until)})` : ''}`).join('\n  '));
      const first = excluded.slice(0, 3).map((e) => `${e.record.file} — ${REASONS[e.reason]()}`).join('; ');
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} records left out: {1}', excluded.length, first), vscode.l10n.t('Show Why')).then((b) => b && log.show(true));
    }
    if (!fresh.length) continue;
    const id = nextBatchId('XH', day.slice(0, 4), existingIds(batches));
    const uri = await createFile(folder, `${folder.schema.disposal.folder}/${id}.md`, destructionBatchText(id, itemsOf(folder, fresh, day), folder.schema, documentLanguage(), day));
    if (uri) {
      result.uri = uri;
      result.items = fresh.length;
    }
  }
  if (!result.uri && !result.excluded.length) void vscode.window.showInformationMessage(vscode.l10n.t('No records are due for destruction.'));
  batches.refreshSoon();
  return result;
}

function batchAt(batches: Batches, arg: unknown): KnownBatch | undefined {
  const uri = arg instanceof vscode.Uri ? arg : (arg as { batch?: KnownBatch })?.batch?.uri ?? vscode.window.activeTextEditor?.document.uri;
  return uri ? batches.all().find((b) => b.uri.toString() === uri.toString()) : undefined;
}

/** "Approve Batch": only a complete draft; the listed records' fingerprints are taken now. */
export async function approveBatch(batches: Batches, arg: unknown): Promise<boolean> {
  if (!writable()) return false;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.status !== 'draft') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft batch (in {0}) to approve it.', 'disposal/'));
    return false;
  }
  const text = batches.textOf(b.uri)!;
  const plan = planApproval(text, batchContext(b.folder), today());
  if (!plan.ok) {
    if (plan.reason === 'incomplete') void vscode.window.showWarningMessage(vscode.l10n.t('Fill in before approving: {0}', plan.missing.join(', ')));
    else if (plan.reason === 'entries') {
      void vscode.window.showErrorMessage(vscode.l10n.t('The batch cannot be approved: {0}', plan.findings.slice(0, 3).map((f) => f.message).join('; ')));
    } else void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft batch (in {0}) to approve it.', 'disposal/'));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(b.uri);
  const edit = new GuardedEdit();
  for (const e of plan.edits) edit.replace(b.folder, b.path, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  const ok = await edit.apply();
  if (ok) await doc.save();
  await batches.refresh();
  return ok;
}

export interface Execution {
  deleted: string[];
  /** Paths still reachable in git history after the deletion (undefined: git could not be asked). */
  reachable?: string[];
  report?: vscode.TextDocument;
}

/** "Execute Destruction": an approved batch without problems, confirmed by the user; then the git report. */
export async function executeDestruction(batches: Batches, arg: unknown, options?: { confirm?: boolean }): Promise<Execution | undefined> {
  if (!writable()) return undefined;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.kind !== 'destruction-batch' || b.batch.status !== 'approved') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only an approved destruction batch can be executed.'));
    return undefined;
  }
  const batchText = batches.textOf(b.uri)!;
  const now = new Date();
  const offset = -now.getTimezoneOffset();
  const stamp = `${today(now)}T${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}${offset >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  // The plan is made, and every listed entry checked, before anyone is asked to confirm.
  const planned = planExecution(batchText, batchContext(b.folder), today(now), stamp);
  if (!planned.ok || batches.findingsCount(b.uri)) {
    const why = planned.ok ? '' : planned.findings.slice(0, 3).map((f) => f.message).join('; ');
    void vscode.window.showErrorMessage(vscode.l10n.t('The batch has problems (see the Problems panel); fix them before executing it.') + (why ? ` ${why}` : ''));
    return undefined;
  }
  const plan = planned.plan;
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && plan.before.has(b.folder.relative(d.uri) ?? ''));
  if (dirty.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Save or revert the unsaved changes to {0} first: a batch destroys the records as approved.', dirty.map((d) => b.folder.relative(d.uri)).join(', ')));
    return undefined;
  }
  if (options?.confirm !== false) {
    const destroy = vscode.l10n.t('Destroy');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Destroy the {0} records of {1}? Their files are deleted from the working tree and tombstones are written into the batch.', b.batch.items.length, String(b.batch.data.batch_id)),
      { modal: true }, destroy);
    if (answer !== destroy) return undefined;
  }
  const edit = new GuardedEdit();
  for (const p of plan.deleteFiles) edit.deleteFile(b.folder, p);
  const docs: vscode.TextDocument[] = [];
  for (const [p, cuts] of plan.cutDocuments) {
    const doc = await vscode.workspace.openTextDocument(b.folder.uriOf(p));
    docs.push(doc);
    for (const c of cuts) edit.replace(b.folder, p, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), c.newText);
  }
  const batchDoc = await vscode.workspace.openTextDocument(b.uri);
  docs.push(batchDoc);
  for (const e of plan.batchEdits) edit.replace(b.folder, b.path, new vscode.Range(batchDoc.positionAt(e.start), batchDoc.positionAt(e.end)), e.newText);
  // The files must still be what was checked and confirmed (an editor may have saved one meanwhile).
  for (const [p, bytes] of plan.before) {
    const now = tryReadFileInside(b.folder.root, p);
    if (!now || Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} changed while the destruction was confirmed; nothing was destroyed.', p));
      return undefined;
    }
  }
  if (!(await edit.apply())) return undefined;
  for (const d of docs) if (d.isDirty) await d.save();
  const result: Execution = { deleted: [...plan.deleteFiles, ...plan.cutDocuments.keys()] };
  await batches.refresh();
  const report = await historyReport(b.folder, plan.items.map((i) => i.path), String(b.batch.data.batch_id));
  if (report) {
    result.reachable = report.reachable;
    result.report = report.doc;
  }
  return result;
}

/** Which destroyed paths git history still holds; the report opens beside the batch. */
export async function historyReport(folder: FolderIndex, paths: readonly string[], batchId?: string): Promise<{ reachable: string[]; doc: vscode.TextDocument } | undefined> {
  const git = await gitPath();
  if (!git) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Git history is not checked in Restricted Mode: the destroyed files may still be in it.'));
    return undefined;
  }
  if (!(await isGitRepo(git, folder.root))) return undefined;
  const reach = await reachable(git, folder.root, [...new Set(paths)]);
  const { clean, markdown } = purgeReport(reach, await hasFilterRepo(git, folder.root), documentLanguage(), batchId);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const still = reach.filter((r) => r.commit).map((r) => r.path);
  if (clean) void vscode.window.showInformationMessage(vscode.l10n.t('No destroyed record is reachable in this repository\'s history.'));
  else void vscode.window.showWarningMessage(vscode.l10n.t('{0} destroyed files are still in git history. See the report for the commands that purge them.', still.length));
  return { reachable: still, doc };
}

/** "Check Git History for Destroyed Records": every executed batch's tombstones. */
export async function purgeCheck(batches: Batches): Promise<string[] | undefined> {
  await batches.refresh();
  const byFolder = new Map<FolderIndex, string[]>();
  for (const b of batches.all()) {
    if (b.batch.status !== 'executed') continue;
    const tomb = Array.isArray(b.batch.data.tombstones) ? (b.batch.data.tombstones as { path?: string }[]) : [];
    byFolder.set(b.folder, [...(byFolder.get(b.folder) ?? []), ...tomb.map((x) => String(x.path ?? '')).filter(Boolean)]);
  }
  if (!byFolder.size) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No executed destruction batch yet.'));
    return [];
  }
  const all: string[] = [];
  for (const [folder, paths] of byFolder) {
    const r = await historyReport(folder, paths);
    if (!r) return undefined;
    all.push(...r.reachable);
  }
  return all;
}

/** "Export Certificate of Destruction": HTML or Markdown, bilingual per the setting, for an executed batch. */
export async function exportCertificate(batches: Batches, arg: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!writable()) return undefined;
  await batches.refresh();
  const b = batchAt(batches, arg);
  const text = b && batches.textOf(b.uri);
  if (!b || !text || b.batch.status !== 'executed') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only an executed destruction batch has a certificate.'));
    return undefined;
  }
  const base = b.folder.uriOf(`${b.folder.schema.disposal.folder}/${String(b.batch.data.batch_id)}-certificate`);
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: base.with({ path: base.path + '.html' }), filters: { HTML: ['html'], Markdown: ['md'] } }));
  if (!uri) return undefined;
  // A certificate is bilingual unless the setting asks for one language.
  const setting = vscode.workspace.getConfiguration('recordsCurator').get<string>('documentLanguage', 'auto');
  const lang = docLang(setting, 'both');
  const content = uri.path.endsWith('.md') ? certificateMarkdown(text, b.folder.schema, lang) : certificateHtml(text, b.folder.schema, lang);
  if (!content) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

/** "Create Transfer Batch" (PIPL Art. 22): recipient, records, notice list; the records become transferred. */
export async function createTransferBatch(picked: { folder: FolderIndex; records: RecordEntry[] }[], batches: Batches, recipient?: { name: string; contact: string }): Promise<vscode.Uri | undefined> {
  if (!writable()) return undefined;
  const name = recipient?.name ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Create Transfer Batch'), prompt: vscode.l10n.t("The recipient's name (company or person)") }));
  if (!name) return undefined;
  const contact = recipient?.contact ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Create Transfer Batch'), prompt: vscode.l10n.t("The recipient's contact (address, phone or email), told to every person whose information moves") }));
  if (!contact) return undefined;
  const day = today();
  for (const { folder, records } of picked) {
    const eligible = records.filter((r) => !isHold(r.data?.hold) && !['destroyed', 'transferred'].includes(String(r.data?.status)));
    if (!eligible.length) continue;
    const id = nextBatchId('YJ', day.slice(0, 4), existingIds(batches));
    const edit = new GuardedEdit();
    const byFile = new Map<string, RecordEntry[]>();
    for (const r of eligible) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
    for (const [rel, list] of byFile) {
      const cur = currentText(folder.uriOf(rel));
      if (!cur) continue;
      for (const e of setFieldEdits(rel, cur.text, list.map((r) => ({ record: r.index, field: 'status', value: 'transferred' })))) {
        edit.replace(folder, rel, new vscode.Range(cur.position(e.start), cur.position(e.end)), e.newText);
      }
    }
    const uri = await createFile(folder, `${folder.schema.disposal.folder}/${id}.md`, transferBatchText(id, itemsOf(folder, eligible, day), { name, contact }, documentLanguage(), day), edit);
    if (uri) {
      batches.refreshSoon();
      return uri;
    }
  }
  return undefined;
}
