import * as vscode from 'vscode';

interface GitApi {
  git: { path: string };
}

async function builtinGit(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<{ getAPI?(version: 1): GitApi }>('vscode.git');
  try {
    const exports = ext ? (ext.isActive ? ext.exports : await ext.activate()) : undefined;
    return exports?.getAPI?.(1);
  } catch {
    return undefined; // disabled or failed: fall back to git on PATH
  }
}

/**
 * The git binary the built-in Git extension uses, or undefined when git may not run: in an untrusted
 * workspace no git process is started at all (a repository's own config can run commands).
 */
export async function gitPath(): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  return (await builtinGit())?.git.path || 'git';
}
