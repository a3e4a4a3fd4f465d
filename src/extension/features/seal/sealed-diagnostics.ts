/**
 * With the key store unlocked, the sealed values are checked as plain ones are — formats, check digits — by
 * the core's open-check (`check --keys`): opened in memory, the findings quoting them masked, kept in a
 * collection of their own that is emptied when the store is locked. Nothing opened reaches the index or its cache.
 */
import * as vscode from 'vscode';
import type { FileEntry } from '../../../core/model/records';
import { checkSealedValues } from '../../../core/seal/open-check';
import { readKeyRegistry } from '../../../core/seal/registry';
import { isSealed } from '../../../core/values/sealed';
import { toDiagnostic } from '../../diagnostic';
import type { FolderIndex } from '../../index/folder-index';
import type { Keys } from './keys';
import type { SealHost } from './types';

/** Only files whose records hold a sealed value are read again. */
const holdsSealed = (e: FileEntry) => e.records.some((r) => r.data !== undefined && Object.values(r.data).some(isSealed));

export class SealedDiagnostics {
  private readonly collection = vscode.languages.createDiagnosticCollection('records-sealed');
  private readonly passes = new Map<FolderIndex, number>();
  private readonly docs: vscode.Uri;

  constructor(
    host: SealHost,
    private readonly keys: Keys,
  ) {
    this.docs = vscode.Uri.joinPath(host.context.extensionUri, 'docs', 'rules');
    host.context.subscriptions.push(
      this.collection,
      keys.onDidChange(() => {
        this.collection.clear();
        this.passes.clear();
        if (keys.unlocked) for (const f of host.services.index.all()) void this.check(f);
      }),
      host.services.index.onDidChange((e) => keys.session(e.folder) && void this.check(e.folder, e.paths)),
    );
  }

  /** Checks the folder (or these paths of it) again; a newer pass for the folder makes an older one drop its results. */
  async check(folder: FolderIndex, paths?: readonly string[]): Promise<void> {
    const session = this.keys.session(folder);
    if (!session) return;
    const pass = (this.passes.get(folder) ?? 0) + 1;
    if (!paths) this.passes.set(folder, pass);
    const entries = paths ? paths.map((p) => folder.index.get(p)).filter((e) => e !== undefined) : [...folder.index.entries()];
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const result = await checkSealedValues({
      root: folder.root,
      files: entries.filter(holdsSealed),
      options: folder.options(),
      registry: readKeyRegistry(folder.root),
      open: (fp, v) => session.open(fp, v),
      openAny: (v) => session.openAny(v),
      textOf: (p) => open.get(folder.uriOf(p).toString())?.getText(),
    });
    if (!paths && this.passes.get(folder) !== pass) return;
    if (this.keys.session(folder) !== session) return; // locked meanwhile
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const p of paths ?? entries.map((e) => e.path)) byPath.set(p, []);
    if (!paths) this.collection.forEach((uri) => folder.relative(uri) !== undefined && byPath.set(folder.relative(uri)!, []));
    for (const { path, finding } of result.findings) byPath.set(path, [...(byPath.get(path) ?? []), toDiagnostic(finding, this.docs)]);
    this.collection.set([...byPath].map(([p, d]) => [folder.uriOf(p), d]));
  }
}
