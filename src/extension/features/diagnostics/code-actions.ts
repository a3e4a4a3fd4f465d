import * as vscode from 'vscode';
import { plural } from '../../plural';
import { combineFixes } from '../../../core/fix/apply-fixes';
import type { TextEdit } from '../../../core/fix/fixes';
import { tryReadFileInside } from '../../../core/io/safe-fs';
import type { Finding } from '../../../core/model/findings';
import { decodeRecordBytes } from '../../../core/parse/decode';
import { LineIndex } from '../../../core/parse/lines';
import { GuardedEdit } from '../../guarded-edit';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { findingFor, toRange } from '../../diagnostic';
import { ALIAS_CODES, aliasRenames } from '../../../core/check/alias-renames';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('recordsCurator');
/** Renaming an alias (客户 → customer): nothing is wrong, so a rewrite the person asks for, not a quick fix. */
const TO_SCHEMA_NAMES = vscode.CodeActionKind.RefactorRewrite.append('recordsCurator');

/** A quick fix edits only the document it is offered in, which VS Code applies itself. */
function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], position: (offset: number) => vscode.Position): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(position(e.start), position(e.end)), e.newText);
  return edit;
}

/**
 * Quick fixes from the fixes the findings carry: each diagnostic's own, all of one code in the file, all in
 * the file, and Fix All on save. The provider only turns them into WorkspaceEdits (through the core's
 * combineFixes, which leaves out a fix that would not read back as meant).
 */
export class RecordsCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL, TO_SCHEMA_NAMES];

  constructor(private readonly ws: WorkspaceIndex) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    const folder = this.ws.folderOf(doc.uri);
    const rel = folder?.relative(doc.uri);
    if (!folder || rel === undefined || !folder.isRecordPath(rel)) return [];
    const text = doc.getText();
    const make = (label: string | undefined, kind: vscode.CodeActionKind, findings: Finding[], diagnostics?: vscode.Diagnostic[]) => {
      const combined = combineFixes(
        rel,
        text,
        findings.map((f) => ({ record: f.record, fix: f.fix! })),
      );
      if (!combined.applied.length) return undefined;
      const action = new vscode.CodeAction(label ?? combined.applied[0].title, kind);
      action.edit = toWorkspaceEdit(doc.uri, combined.edits, (o) => doc.positionAt(o));
      action.diagnostics = diagnostics;
      // One field inserted: the cursor goes to its placeholder, so the value is typed right there.
      const cursor = combined.applied.length === 1 && findings.length === 1 ? combined.applied[0].cursor : undefined;
      if (cursor) action.command = { command: 'recordsCurator.selectInDocument', title: '', arguments: [doc.uri, cursor.start, cursor.end] };
      return action;
    };
    const some = (a: vscode.CodeAction | undefined): a is vscode.CodeAction => a !== undefined;
    const all = folder.findingsOfDocument(rel, doc).filter((f) => f.fix);
    const renames = (): vscode.CodeAction[] => {
      if (context.only && !context.only.intersects(TO_SCHEMA_NAMES)) return [];
      // With field-alias or value-alias turned on, their quick fixes already offer the renames.
      if (all.some((f) => ALIAS_CODES.includes(f.code))) return [];
      // Only on a line that may hold an alias: the file is checked again, as if the alias rules were on.
      const line = doc.lineAt(range.start.line).text;
      const { keys, values } = folder.schema.aliases;
      const key = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(line)?.[1];
      if (key === undefined || !(keys.has(key) || values.has(keys.get(key) ?? key))) return [];
      const found = aliasRenames(rel, text, folder.options());
      const here = found.filter((f) => toRange(f).start.line === range.start.line);
      const out = here.map((f) => make(undefined, TO_SCHEMA_NAMES, [f]));
      if (here.length && found.length > 1)
        out.push(make(vscode.l10n.t("Use the schema's names throughout this file ({0})", found.length), TO_SCHEMA_NAMES, found));
      return out.filter(some);
    };
    if (context.only && FIX_ALL.contains(context.only)) return [make(vscode.l10n.t('Fix all record problems'), FIX_ALL, all)].filter(some);
    if (!all.length) return renames();
    const actions: vscode.CodeAction[] = [];
    const codes = new Set<string>();
    for (const d of context.diagnostics) {
      const f = findingFor(d, all);
      if (!f) continue;
      const a = make(undefined, vscode.CodeActionKind.QuickFix, [f], [d]);
      if (!a) continue;
      a.isPreferred = true;
      actions.push(a);
      codes.add(f.code);
    }
    for (const code of codes) {
      const same = all.filter((f) => f.code === code);
      if (same.length > 1) actions.push(...[make(vscode.l10n.t('Fix all {0} problems in this file', code), vscode.CodeActionKind.QuickFix, same)].filter(some));
    }
    if (actions.length && all.length > 1)
      actions.push(...[make(vscode.l10n.t('Fix all fixable problems in this file'), vscode.CodeActionKind.QuickFix, all)].filter(some));
    return [...actions, ...renames()];
  }
}

/** "Fix a Rule Across the Workspace": one WorkspaceEdit over every file, shown for review before it applies. */
export function registerWorkspaceFix(ws: WorkspaceIndex, log: vscode.LogOutputChannel): vscode.Disposable {
  // `preview: false` applies without the review step (automation and tests); people always get the preview.
  return vscode.commands.registerCommand('recordsCurator.fixRuleInWorkspace', async (code?: string, options?: { preview?: boolean }) => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
      return false;
    }
    const counts = new Map<string, { findings: number; files: Set<string> }>();
    for (const folder of ws.all()) {
      for (const path of folder.index.paths()) {
        for (const f of folder.index.findings(path)) {
          if (!f.fix) continue;
          const c = counts.get(f.code) ?? { findings: 0, files: new Set<string>() };
          c.findings++;
          c.files.add(`${folder.root}/${path}`);
          counts.set(f.code, c);
        }
      }
    }
    if (!counts.size) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No fixable record problems in the workspace.'));
      return false;
    }
    if (!code) {
      const pick = await vscode.window.showQuickPick(
        [...counts].map(([c, n]) => ({
          label: c,
          description: `${plural(n.findings, vscode.l10n.t('1 problem'), vscode.l10n.t('{0} problems', n.findings))} · ${plural(n.files.size, vscode.l10n.t('1 file'), vscode.l10n.t('{0} files', n.files.size))}`,
        })),
        { title: vscode.l10n.t('Fix a Rule Across the Workspace') },
      );
      code = pick?.label;
    }
    if (!code || !counts.has(code)) return false;
    const edit = new GuardedEdit();
    const refused: string[] = [];
    const meta: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('Fix {0}', code), needsConfirmation: false };
    for (const folder of ws.all()) {
      for (const path of [...folder.index.paths()]) {
        if (!folder.index.get(path)?.findings.some((f) => f.code === code && f.fix)) continue;
        const uri = folder.uriOf(path);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let text: string;
        let findings: Finding[];
        if (open) {
          text = open.getText();
          findings = folder.findingsOfDocument(path, open);
        } else {
          const bytes = tryReadFileInside(folder.root, path);
          const decoded = bytes && decodeRecordBytes(bytes);
          if (!decoded || !decoded.ok) continue;
          text = decoded.text;
          findings = folder.findingsOfText(path, text);
        }
        const list = findings.filter((f) => f.code === code && f.fix);
        if (!list.length) continue;
        const combined = combineFixes(
          path,
          text,
          list.map((f) => ({ record: f.record, fix: f.fix! })),
        );
        for (const r of combined.refused) refused.push(`${path}: ${r.reason}`);
        const lines = new LineIndex(text);
        const position = open
          ? (o: number) => open.positionAt(o)
          : (o: number) => {
              const p = lines.positionAt(o);
              return new vscode.Position(p.line, p.character);
            };
        for (const e of combined.edits) edit.replace(folder, path, new vscode.Range(position(e.start), position(e.end)), e.newText, meta);
      }
    }
    if (refused.length) {
      // Files whose fix would change what the record says are left as they are, and named.
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} files were left unchanged: the fix could not be made safely there. {1}', refused.length, refused.slice(0, 3).join('; ')),
      );
    }
    return edit.apply(log, { review: options?.preview !== false });
  });
}
