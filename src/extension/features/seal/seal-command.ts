/**
 * "Seal Sensitive Fields": the core's seal plan (planSeal, as `records-curator seal`) for the current record,
 * the Records view's selection, a file or folder of the Explorer, or a scope picked — applied as one
 * undoable WorkspaceEdit, shown for review first (the quick fix "Seal" applies its one value at once). Only
 * the values change; comments, quotes and line ends stay. Sealing needs only the customers' public
 * recipients; a customer with no key gets one in the key store, written before the edit that seals to it.
 */
import * as vscode from 'vscode';
import { today } from '../../../core/retention/dates';
import type { AgeIdentity } from '../../../core/seal/age';
import { writeCustomerKey, type KeyStore } from '../../../core/seal/key-store';
import { planSeal, type SealRefusal } from '../../../core/seal/plan';
import { fingerprintOf, readKeyRegistry, registryText, type CustomerKey } from '../../../core/seal/registry';
import { KEYS_PATH } from '../../../core/values/sealed';
import { currentText } from '../../current-text';
import { codeOf, findingFor } from '../../diagnostic';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { plural } from '../../plural';
import { pickRecords } from '../../selection';
import { ageLib, storeOf, storeText, type Keys } from './keys';
import type { SealHost, SealOne, SealResult } from './types';

/** What to seal in one folder: these files, and — when given — only these values of them. */
interface Target {
  folder: FolderIndex;
  files: Set<string>;
  only?: (path: string, record: number, field: string) => boolean;
}

const isSealOne = (a: unknown): a is SealOne => !!a && typeof a === 'object' && 'field' in a && (a as SealOne).uri instanceof vscode.Uri;

async function targetsOf(host: SealHost, arg: unknown, nodes: unknown[] | undefined): Promise<Target[] | undefined> {
  const ws = host.services.index;
  if (isSealOne(arg)) {
    const folder = ws.folderOf(arg.uri);
    const rel = folder?.relative(arg.uri);
    if (!folder || rel === undefined) return [];
    return [{ folder, files: new Set([rel]), only: (p, r, f) => p === rel && r === arg.record && f === arg.field }];
  }
  if (arg instanceof vscode.Uri) {
    // The Explorer's file or folder (several when more are selected).
    const out = new Map<FolderIndex, Set<string>>();
    for (const uri of nodes?.length ? nodes.filter((n): n is vscode.Uri => n instanceof vscode.Uri) : [arg]) {
      const folder = ws.folderOf(uri);
      if (!folder) continue;
      const rel = folder.relative(uri);
      const files = out.get(folder) ?? new Set<string>();
      for (const p of folder.index.paths()) if (rel === undefined || p === rel || p.startsWith(`${rel}/`)) files.add(p);
      out.set(folder, files);
    }
    return [...out].map(([folder, files]) => ({ folder, files }));
  }
  const editor = vscode.window.activeTextEditor;
  if (!arg && editor) {
    // The record the cursor is in.
    const at = ws.recordAt(editor.document.uri, editor.selection.active.line);
    if (at) {
      const { file, index } = at.record;
      return [{ folder: at.folder, files: new Set([file]), only: (p, r) => p === file && r === index }];
    }
  }
  const picked = await pickRecords(ws, host.services.ui.recordsTree, arg, nodes, vscode.l10n.t('Seal Sensitive Fields'));
  if (!picked) return undefined;
  return picked.map(({ folder, records }) => {
    const chosen = new Set(records.map((r) => `${r.file}\u0000${r.index}`));
    return { folder, files: new Set(records.map((r) => r.file)), only: (p: string, r: number) => chosen.has(`${p}\u0000${r}`) };
  });
}

/** The text of an open editor (unsaved changes included): what is sealed, and what the edit applies to. */
function openText(folder: FolderIndex, rel: string): string | undefined {
  const uri = folder.uriOf(rel).toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText();
}

function refusalText(r: SealRefusal['reason'], storeProblem: string | undefined): string {
  switch (r) {
    case 'no-customer':
      return vscode.l10n.t('the record names no customer, so no key can be chosen');
    case 'no-key':
      return storeProblem
        ? vscode.l10n.t('the customer has no key yet, and none can be made: {0}', storeProblem)
        : vscode.l10n.t('the customer has no key yet');
    case 'destroyed':
      return vscode.l10n.t("the customer's key was destroyed (crypto-erased); nothing is sealed to it again");
    case 'not-scalar':
      return vscode.l10n.t('the value is a list or mapping: write it as one value to seal it');
    case 'read-back':
      return vscode.l10n.t('the file would not read back the same with only this value changed');
  }
}

export async function sealFields(
  host: SealHost,
  keys: Keys,
  arg?: unknown,
  nodes?: unknown[],
  options?: { preview?: boolean },
): Promise<SealResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
    return undefined;
  }
  const targets = await targetsOf(host, arg, nodes);
  if (!targets) return undefined;
  const quickFix = isSealOne(arg);
  const log = host.services.log;
  const age = ageLib();
  const edit = new GuardedEdit();
  const result: SealResult = { sealed: 0, refused: 0, files: 0, applied: false };
  const why: string[] = [];
  const made: { folder: FolderIndex; store: KeyStore; key: CustomerKey; id: AgeIdentity }[] = [];
  const label: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('Seal sensitive values'), needsConfirmation: false };
  for (const { folder, files, only } of targets) {
    const registry = readKeyRegistry(folder.root);
    // The registry's own problems (two customers sharing a key…) are said as they are; sealing goes on.
    for (const p of registry.problems) {
      log.warn(p);
      void vscode.window.showWarningMessage(p);
    }
    // The store is needed only to make a key for a customer who has none.
    let store: ReturnType<typeof storeOf> | undefined;
    const fresh = new Map<string, { key: CustomerKey; id: AgeIdentity }>();
    const plan = await planSeal({
      root: folder.root,
      files: [...files].map((p) => folder.index.get(p)).filter((e) => e !== undefined),
      schema: folder.schema,
      async keyOf(customer) {
        const known = registry.customers.get(customer) ?? fresh.get(customer)?.key;
        if (known) return known;
        store ??= storeOf(folder);
        if (!store.store) return undefined;
        // Made in memory: the key file is written only once the edit that seals to it is about to apply.
        const id = await age.newIdentity();
        const key: CustomerKey = { customer, recipient: id.recipient, fingerprint: fingerprintOf(id.recipient), created: today() };
        fresh.set(customer, { key, id });
        return key;
      },
      seal: (recipient, plain) => age.sealValue(recipient, plain),
      textOf: (p) => openText(folder, p),
      only,
    });
    for (const p of plan.changed) why.push(`${p}\t${vscode.l10n.t('changed since it was read; not sealed this time')}`);
    for (const r of plan.refused) why.push(`${r.path}:${r.line + 1}\t${r.key}\t${refusalText(r.reason, store?.problem)}`);
    result.refused += plan.refused.length + plan.changed.length;
    if (!plan.changes.length) continue;
    for (const change of plan.changes) {
      const current = currentText(folder.uriOf(change.path));
      if (!current) continue;
      for (const e of change.edits) edit.replace(folder, change.path, new vscode.Range(current.position(e.start), current.position(e.end)), e.newText, label);
    }
    result.sealed += plan.sealed.length;
    result.files += plan.changes.length;
    const used = [...fresh.values()].filter((f) => plan.sealed.some((t) => t.customer === f.key.customer));
    if (used.length) {
      const registryUri = folder.uriOf(KEYS_PATH);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === registryUri.toString());
      if (open?.isDirty) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Save or revert {0} first: sealing adds the new customer keys to it.', KEYS_PATH));
        return { ...result, applied: false };
      }
      const text = registryText([...registry.customers.values(), ...used.map((u) => u.key)]);
      if (registry.bytes) {
        const current = currentText(registryUri)!;
        edit.replace(folder, KEYS_PATH, new vscode.Range(current.position(0), current.position(current.text.length)), text, label);
      } else edit.createFile(folder, KEYS_PATH, text);
      for (const u of used) made.push({ folder, store: store!.store!, ...u });
    }
  }
  if (why.length) {
    // Paths, keys and reasons only: no value, plain or sealed, goes to the output channel.
    log.info(`${vscode.l10n.t('Not sealed:')}\n  ${why.join('\n  ')}`);
    if (quickFix) void vscode.window.showWarningMessage(vscode.l10n.t('Not sealed: {0}', why[0].split('\t').pop()!));
    else {
      const show = vscode.l10n.t('Show Why');
      const n = result.refused;
      void vscode.window
        .showWarningMessage(plural(n, vscode.l10n.t('1 value could not be sealed.'), vscode.l10n.t('{0} values could not be sealed.', n)), show)
        .then((b) => b === show && log.show(true));
    }
  }
  if (!result.sealed) {
    if (!why.length) void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to seal: no plain sensitive value in what was picked.'));
    return result;
  }
  // Keys first: a value sealed to a key that was never written could not be opened by anyone. A key written
  // for an edit that is then cancelled or undone seals nothing and harms nothing.
  for (const m of made) {
    try {
      await writeCustomerKey(age, m.store, m.id, `customer ${m.key.customer}`);
    } catch (err) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Nothing was sealed: the key of {0} could not be written: {1}', m.key.customer, storeText(err) ?? String(err)),
      );
      return result;
    }
  }
  result.applied = await edit.apply(log, { review: !quickFix && options?.preview !== false });
  if (result.applied) for (const m of made) keys.remember(m.folder, m.key.fingerprint, m.id.identity);
  return result;
}

/** The quick fix "Seal" of each plain-sensitive diagnostic: its finding says the field, and that it can be sealed. */
export function sealActions(ws: WorkspaceIndex, doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
  const folder = ws.folderOf(doc.uri);
  const rel = folder?.relative(doc.uri);
  if (!folder || rel === undefined) return [];
  const findings = folder.findingsOfDocument(rel, doc);
  return ctx.diagnostics.flatMap((d) => {
    const f = codeOf(d) === 'plain-sensitive' ? findingFor(d, findings) : undefined;
    const field = f?.data?.field;
    if (!f?.data?.seal || field === undefined) return [];
    const a = new vscode.CodeAction(vscode.l10n.t('Seal {0}', field), vscode.CodeActionKind.QuickFix);
    const arg: SealOne = { uri: doc.uri, record: f.record ?? 0, field };
    a.command = { command: 'recordsCurator.sealFields', title: a.title, arguments: [arg] };
    a.diagnostics = [d];
    a.isPreferred = true;
    return [a];
  });
}
