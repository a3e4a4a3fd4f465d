import * as vscode from 'vscode';

interface GitExtensionApi {
  getAPI(version: 1): { git: { path: string } };
}

/**
 * The git binary the built-in Git extension uses, or undefined when git may not run: in an untrusted
 * workspace no git process is started at all (a repository's own config can run commands).
 */
export async function gitPath(): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const ext = vscode.extensions.getExtension<{ getAPI?: GitExtensionApi['getAPI'] }>('vscode.git');
  try {
    const api = ext ? (ext.isActive ? ext.exports : await ext.activate()) : undefined;
    const p = api?.getAPI?.(1).git.path;
    if (p) return p;
  } catch {
    // The Git extension is disabled or failed: fall back to git on PATH.
  }
  return 'git';
}
