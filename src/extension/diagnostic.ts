import * as vscode from 'vscode';
import type { Finding } from '../core/model/findings';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const SOURCE = 'records-curator';

export function toRange(f: Finding): vscode.Range {
  return new vscode.Range(f.start.line, f.start.col, f.end.line, f.end.col);
}

/** A finding as the Problems panel shows it, its code linking to the rule's page. */
export function toDiagnostic(f: Finding, docs: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.code, target: vscode.Uri.joinPath(docs, `${f.code}.md`) };
  return d;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** The finding behind a diagnostic: same code and range. */
export function findingFor(d: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const code = codeOf(d);
  return findings.find((f) => f.code === code && toRange(f).isEqual(d.range));
}
