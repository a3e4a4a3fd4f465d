/**
 * A rule's fix, as the finding carries it: the rule says what (a value, a text, fields to add), this says
 * how in the record's own style — edits the editor turns into a WorkspaceEdit and `check --fix` writes. The
 * edits are read back when they are applied (apply-fixes.ts), not here: the index makes many, applies few.
 */
import type { Fix, FixSpec } from '../model/findings';
import { fill, type Lang } from '../model/lang';
import type { ParsedFile, ParsedRecord, Span } from '../model/parsed';
import type { Bilingual, Schema } from '../model/schema';
import { EditSession } from './edit-session';
import { placeholderFor, startsFlow } from './fixes';
import { yamlScalar } from './scalars';
import { UnsafeEditError } from './unsafe-edit';

const CHANGE: Bilingual = { en: 'Change to {v}', zh: '改为 {v}' };
const INSERT: Bilingual = { en: 'Insert missing field {f}', zh: '插入缺少的字段 {f}' };

export interface FixSite {
  text: string;
  kind: 'markdown' | 'yaml';
  parsed: ParsedFile;
  record: ParsedRecord;
  /** The finding's span: what a value or text fix replaces. */
  span: Span;
  /** The field the finding is about, if any. */
  field?: string;
  schema: Schema;
  lang: Lang;
}

const title = (t: Bilingual, lang: Lang, params: Record<string, string>) => fill(lang === 'zh' ? t.zh : t.en, params);

/** The finding's fix, or undefined when it cannot be made in this record (it is then not offered). */
export function buildFix(site: FixSite, spec: FixSpec): Fix | undefined {
  const { text, span, field, lang } = site;
  const fields = field === undefined ? [] : [field];
  if ('value' in spec) {
    const flow = startsFlow(text, site.record.contentSpan.start, site.record.contentSpan.end);
    return {
      title: title(spec.title ?? CHANGE, lang, { v: spec.value }),
      edits: [{ start: span.start, end: span.end, newText: yamlScalar(text.slice(span.start, span.end), spec.value, flow) }],
      fields,
    };
  }
  if ('text' in spec)
    return { title: title(spec.title ?? CHANGE, lang, { v: spec.text }), edits: [{ start: span.start, end: span.end, newText: spec.text }], fields };
  const fresh = spec.insert.filter((n) => !site.record.fields.has(n));
  if (!fresh.length) return undefined;
  try {
    const session = new EditSession(text, site.kind, site.parsed);
    const editor = session.editor(site.record);
    const order = [...site.schema.fields.keys()];
    const sorted = fresh.sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
    const edits = editor.insert(sorted.map((n) => placeholderFor(site.schema.fields.get(n), n)));
    session.check(site.record, edits);
    return { title: title(spec.title ?? INSERT, lang, { f: sorted.join(', ') }), edits, fields: sorted };
  } catch (e) {
    if (e instanceof UnsafeEditError) return undefined; // the record's style leaves no safe place for the field
    throw e;
  }
}
