import * as vscode from 'vscode';
import { certificateHtml, certificateMarkdown, certificateReadiness, type Verification } from '../../../core/disposal/certificate';
import { batchFiles } from '../../../core/disposal/files';
import { audit, gitVersion, verificationOf } from '../../../core/git/audit';
import { docLang } from '../../../core/text/bilingual';
import { VERSION } from '../../../core/version';
import { gitPath } from '../../git';
import type { Batches } from './batches';
import { batchAt, writable } from './commands';
import { saveChosenFile } from '../../output-file';

export interface CertificateResult {
  uri?: vscode.Uri;
  /** Whether it is the certificate (verified) or the destruction record (not yet verified). */
  verified: boolean;
  /** What is missing before a certificate can be produced. */
  missing: string[];
}

/**
 * "Export Certificate of Destruction": verified now (the purge check of this batch in the repository and every
 * remote), and produced only when everything holds; otherwise the reasons, and the choice of a destruction
 * record that says in its title it is not yet verified.
 */
export async function exportCertificate(
  batches: Batches,
  arg: unknown,
  target?: vscode.Uri,
  options?: { unverified?: boolean; confirm?: boolean },
): Promise<CertificateResult | undefined> {
  if (!writable()) return undefined;
  await batches.refresh();
  const b = batchAt(batches, arg);
  const text = b && batches.textOf(b.uri);
  if (!b || !text || b.batch.kind !== 'destruction-batch' || b.batch.status !== 'executed') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only an executed destruction batch has a certificate.'));
    return undefined;
  }
  const git = await gitPath();
  const schema = b.folder.schema;
  let v: Verification | undefined;
  if (git) {
    const a = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying the destruction in the repository and its remotes…') },
      () => audit(git, b.folder.root, batchFiles(b.folder.root, schema.disposal.folder), schema, { batch: b.path, allRemotes: true }),
    );
    if (a) v = verificationOf(a, `records-curator ${VERSION}; ${await gitVersion(git, b.folder.root)}`);
  }
  const readiness = certificateReadiness(text, schema, v);
  const zh = vscode.env.language.startsWith('zh');
  const missing = readiness.missing.map((m) => (zh ? m.zh : m.en));
  if (!readiness.ready && !options?.unverified) {
    if (options?.confirm === false) return { verified: false, missing };
    const record = vscode.l10n.t('Save Unverified Record');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('No certificate of destruction yet. What is missing:'),
      { modal: true, detail: missing.map((m) => `• ${m}`).join('\n') },
      record,
    );
    if (answer !== record) return { verified: false, missing };
  }
  const name = `${String(b.batch.data.batch_id)}-${readiness.ready ? 'certificate' : 'record-unverified'}`;
  const base = b.folder.uriOf(`${schema.disposal.folder}/${name}`);
  const uri =
    target ?? (await vscode.window.showSaveDialog({ defaultUri: base.with({ path: base.path + '.html' }), filters: { HTML: ['html'], Markdown: ['md'] } }));
  if (!uri) return { verified: readiness.ready, missing };
  // A certificate is bilingual unless the setting asks for one language.
  const setting = vscode.workspace.getConfiguration('recordsCurator').get<string>('documentLanguage', 'auto');
  const lang = docLang(setting, 'both');
  const content = uri.path.endsWith('.md') ? certificateMarkdown(text, schema, lang, v, readiness) : certificateHtml(text, schema, lang, v, readiness);
  if (!content) return undefined;
  if (!(await saveChosenFile(uri, content))) return undefined;
  return { uri, verified: readiness.ready, missing };
}
