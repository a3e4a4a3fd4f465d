/**
 * The seal of a disposal document once it has done its work: an executed batch is a register kept
 * permanently (会计档案管理办法 Annex items 13, 15), and nothing in it may change afterwards — 档案法 Art. 21
 * ¶2 (secondary) forbids altering archives. Execution writes `sealed:`, the SHA-256 of what the document says: its front
 * matter as data (every field but `sealed`, keys in order) and its body, with the checklist's boxes read as
 * unticked — ticking them after the destruction is the supervisors' and signatories' part, not a change. A
 * check recomputes it; a document whose seal no longer matches was changed after execution.
 */
import { createHash } from 'crypto';
import { parseRecordText } from '../parse/record-file';
import { setFieldEdits, type TextEdit } from '../fix/fixes';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  return v;
}

/** The digest a seal holds, or undefined when the text has no readable front matter. */
export function sealDigest(text: string): string | undefined {
  const rec = parseRecordText(text, 'markdown').records[0];
  if (!rec?.data) return undefined;
  const data: Record<string, unknown> = { ...rec.data };
  delete data.sealed;
  const body = (rec.bodySpan ? text.slice(rec.bodySpan.start) : '').replace(/\r\n/g, '\n').replace(/^([ \t]*[-*] )\[[xX]\]/gm, '$1[ ]');
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(canonical(data)))
    .update('\n')
    .update(body)
    .digest('hex')}`;
}

/** The edit that seals `text` (adds or replaces `sealed:`). */
export function sealEdits(text: string): TextEdit[] {
  const digest = sealDigest(text);
  return digest ? setFieldEdits('document.md', text, [{ record: 0, field: 'sealed', value: digest }]) : [];
}

/** Whether a sealed document still says what it said when sealed: 'unsealed' when it carries no seal. */
export function sealState(text: string): 'intact' | 'changed' | 'unsealed' {
  const rec = parseRecordText(text, 'markdown').records[0];
  const seal = typeof rec?.data?.sealed === 'string' ? rec.data.sealed : undefined;
  if (!seal) return 'unsealed';
  return sealDigest(text) === seal ? 'intact' : 'changed';
}
