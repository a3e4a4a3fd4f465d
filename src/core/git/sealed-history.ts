/**
 * After crypto-erasure: which versions of the batch's records, kept anywhere in the repository (the purge
 * check's content-addressed scan finds them all), still hold an erased customer's sensitive values in plain
 * text — versions from before sealing, which no key protects. Those still need the history purge.
 */
import type { PlainVersion } from '../disposal/crypto-erase';
import { batchFiles } from '../disposal/files';
import { recordKind } from '../model/records';
import type { Schema } from '../model/schema';
import { parseRecordText } from '../parse/record-file';
import { isMasked, isSealed } from '../values/sealed';
import { audit } from './audit';
import { runGit } from './run';

export async function plainVersions(
  git: string,
  root: string,
  batchPath: string,
  schema: Schema,
  customers: ReadonlySet<string>,
): Promise<(PlainVersion & { customer: string })[] | undefined> {
  const a = await audit(git, root, batchFiles(root, schema.disposal.folder), schema, { batch: batchPath });
  if (!a) return undefined;
  const out: (PlainVersion & { customer: string })[] = [];
  const seen = new Set<string>();
  for (const s of a.report.check.survivors) {
    if (!s.blob || seen.has(s.blob)) continue;
    seen.add(s.blob);
    const blob = await runGit(git, a.info.top, ['cat-file', 'blob', s.blob]);
    if (blob.code !== 0) continue;
    const parsed = parseRecordText(blob.stdout.replace(/^\uFEFF/, ''), recordKind(s.path) ?? 'markdown', { aliases: schema.aliases });
    const commit = s.places.find((p) => p.kind === 'commit');
    for (const r of parsed.records) {
      const customer = typeof r.data?.customer === 'string' ? r.data.customer : undefined;
      if (!r.data || customer === undefined || !customers.has(customer)) continue;
      const fields = [...r.fields.keys()].filter((n) => {
        const v = r.data?.[n];
        return schema.fields.get(n)?.sensitive && v !== null && v !== undefined && v !== '' && !isSealed(v) && !(typeof v === 'string' && isMasked(v));
      });
      if (fields.length) out.push({ commit: commit?.kind === 'commit' ? commit.commit : s.blob, path: s.path, fields, customer });
    }
  }
  return out;
}
