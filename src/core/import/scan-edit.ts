/**
 * Scans added to a record's `attachments` list, and its `pages` set, in the record's own style: a block list
 * gets `- item` lines at its items' indentation, a flow list (`[a.pdf]`) gets `, item` inside its brackets, a
 * single path becomes a flow list of it and the new ones, a record without the field gets it where the
 * schema's order puts it. Comments, quotes and every other field stay byte for byte; the edited text is read
 * back and must hold exactly the old data with the new items and pages (fix/edit-session), or nothing is
 * written.
 */
import { isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Pair, type YAMLSeq } from 'yaml';
import { EditSession } from '../fix/edit-session';
import { insertInOrder } from '../fix/record-editor';
import { lineEnd, lineStart, quoteStyle, yamlScalar } from '../fix/scalars';
import { applyEdits, type NewField, type TextEdit } from '../fix/text-edit';
import { refuse, UnsafeEditError } from '../fix/unsafe-edit';
import { recordKind } from '../model/records';
import type { Lang } from '../model/lang';
import type { Bilingual, Schema } from '../model/schema';
import { say } from '../text/bilingual';
import { YAML_OPTIONS } from '../parse/yaml-record';

export type AttachEdit = { ok: true; text: string } | { ok: false; reason: string };

/** Why a record cannot take the import's edit, in the index's language (the edit session's own checks say theirs). */
export const EDIT_MSG = {
  documents: { en: 'the documents of the file do not line up', zh: '文件中的各个文档对不上' },
  noBracket: { en: 'cannot find the "]" of the attachments list', zh: '找不到 attachments 列表的“]”' },
  notPaths: { en: 'the attachments list holds something other than paths', zh: 'attachments 列表中有不是路径的内容' },
  indentation: { en: 'cannot find the indentation of the attachments list', zh: '找不到 attachments 列表的缩进' },
  noRecord: { en: 'the file has no such record', zh: '文件中没有这条记录' },
  yaml: { en: 'its YAML does not read cleanly ({why})', zh: '其 YAML 无法正确读取（{why}）' },
  notMapping: { en: 'it is not a mapping of fields', zh: '它不是字段的映射' },
  noList: { en: 'cannot find the attachments list', zh: '找不到 attachments 列表' },
} satisfies Record<string, Bilingual>;

const flowList = (items: readonly string[]) => `[${items.map((i) => yamlScalar('', i, true)).join(', ')}]`;

/** The parsed document holding record `index`, and where its source starts in `text`. */
function documentOf(session: EditSession, index: number, start: number, end: number, lang: Lang): { doc: Document.Parsed; base: number } {
  if (session.kind === 'markdown') return { doc: parseDocument(session.text.slice(start, end), YAML_OPTIONS), base: start };
  const doc = parseAllDocuments(session.text, YAML_OPTIONS)[index] as Document.Parsed | undefined;
  if (!doc) refuse(index, say(lang, EDIT_MSG.documents));
  return { doc, base: 0 };
}

function pairOf(doc: Document.Parsed, field: string, keys: ReadonlyMap<string, string>): Pair | undefined {
  const map = doc.contents;
  if (!map || !('items' in map)) return undefined;
  let found: Pair | undefined;
  for (const p of map.items as Pair[]) {
    if (!isScalar(p.key)) continue;
    const k = String(p.key.value);
    if (k === field || (!found && keys.get(k) === field)) found = p;
  }
  return found;
}

/** Edits that append `items` to a list node. */
function appendToList(text: string, seq: YAMLSeq.Parsed, base: number, items: readonly string[], eol: string, index: number, lang: Lang): TextEdit[] {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    const close = base + seq.range[1] - 1;
    if (text[close] !== ']') refuse(index, say(lang, EDIT_MSG.noBracket));
    if (!last) return [{ start: close, end: close, newText: items.map((i) => yamlScalar('', i, true)).join(', ') }];
    if (!isScalar(last) || !last.range) refuse(index, say(lang, EDIT_MSG.notPaths));
    const at = base + last.range[1];
    return [{ start: at, end: at, newText: items.map((i) => `, ${yamlScalar('', i, true)}`).join('') }];
  }
  if (!isScalar(last) || !last.range) refuse(index, say(lang, EDIT_MSG.notPaths));
  const start = base + last.range[0];
  const lead = text.slice(lineStart(text, start), start);
  if (!/^[ \t]*-[ \t]+$/.test(lead)) refuse(index, say(lang, EDIT_MSG.indentation));
  // After the last item's line, keeping a comment that ends it.
  const at = lineEnd(text, base + last.range[1]);
  return [{ start: at, end: at, newText: items.map((i) => eol + lead + yamlScalar('', i)).join('') }];
}

/**
 * The text of the record file with `items` added to record `index`'s attachments and, when given, `pages`
 * set; a single path the record has counts as a list of one.
 */
export function attachToRecord(
  rel: string,
  text: string,
  index: number,
  items: readonly string[],
  pages: number | undefined,
  schema: Schema,
  lang: Lang = 'en',
): AttachEdit {
  const kind = recordKind(rel) ?? 'markdown';
  try {
    const session = new EditSession(text, kind, undefined, schema.aliases);
    const record = session.record(index) ?? refuse(index, say(lang, EDIT_MSG.noRecord));
    const problem = record.problems.find((p) => p.code !== 'duplicate-key');
    if (problem) refuse(index, say(lang, EDIT_MSG.yaml, { why: problem.message }));
    if (!record.data) refuse(index, say(lang, EDIT_MSG.notMapping));
    const editor = session.editor(record);
    const eol = session.eol(record);
    const old = record.data.attachments;
    const before = old === undefined || old === null ? [] : Array.isArray(old) ? old : [old];
    if (before.some((v) => typeof v !== 'string')) refuse(index, say(lang, EDIT_MSG.notPaths));
    const set = new Map<string, unknown>();
    const edits: TextEdit[] = [];
    const inserts: (NewField & { field: string })[] = [];
    if (items.length) {
      set.set('attachments', [...(before as string[]), ...items]);
      const all = [...(before as string[]), ...items];
      if (Array.isArray(old) && old.length) {
        const { doc, base } = documentOf(session, index, record.contentSpan.start, record.contentSpan.end, lang);
        const pair = pairOf(doc, 'attachments', schema.aliases.keys);
        if (!pair || !isSeq(pair.value)) refuse(index, say(lang, EDIT_MSG.noList));
        edits.push(...appendToList(text, pair.value as YAMLSeq.Parsed, base, items, eol, index, lang));
      } else {
        const replaced = editor.replace('attachments', (original) =>
          typeof old === 'string'
            ? `[${yamlScalar(quoteStyle(original), old, true)}, ${all
                .slice(1)
                .map((i) => yamlScalar('', i, true))
                .join(', ')}]`
            : flowList(all),
        );
        if (replaced) edits.push(...replaced);
        else inserts.push({ field: 'attachments', key: 'attachments', block: flowList(all), flow: flowList(all) });
      }
    }
    if (pages !== undefined) {
      set.set('pages', pages);
      const replaced = editor.replace('pages', () => String(pages));
      if (replaced) edits.push(...replaced);
      else inserts.push({ field: 'pages', key: 'pages', block: String(pages), flow: String(pages) });
    }
    if (inserts.length) edits.push(...insertInOrder(editor, record, [...schema.fields.keys()], inserts));
    session.check(record, edits);
    const plan = session.verify(edits, new Map([[index, { set, loose: new Set<string>() }]]), true);
    if (!plan.ok) return { ok: false, reason: plan.reason };
    return { ok: true, text: applyEdits(text, plan.edits) };
  } catch (err) {
    if (err instanceof UnsafeEditError) return { ok: false, reason: err.reason };
    throw err;
  }
}
