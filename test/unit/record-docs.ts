/**
 * fast-check generators of record files in many YAML styles (block, indented block, one-line and multi-line
 * flow mappings, block scalars with every chomping and explicit indentation, comments, quoted and Chinese
 * keys, CRLF and LF, YAML streams, Markdown bodies with other line endings), remembering where every
 * document and every value lies, so tests can check that an edit touched only what it had to.
 */
import fc from 'fast-check';

export type Eol = '\n' | '\r\n';

export const PLAIN = ['alpha', 'Beta', 'x1', '张伟', '合同', '上门服务', 'FW-2026-001', 'Z001-WS·2026-D10-HT-0001', '2026-03-01', 'a b', 'a-b_c', '客户 名称'];
export const TRICKY = [
  'a: b',
  '#x',
  'x #y',
  'true',
  'null',
  '123',
  '0x1F',
  '1.5',
  '.inf',
  'a, b',
  '{x}',
  '[y]',
  "it's",
  'say "hi"',
  '',
  ' lead',
  'trail ',
  '-',
  '- x',
  '?',
  '*a',
  '&b',
  '!t',
  '%p',
  '@q',
  '`r',
  '|',
  '>',
  'a\nb',
  'tab\there',
  '中文：冒号',
  'yes',
  'No',
  '~',
  'x:',
  ':x',
  '---',
  '...',
  'a\r\nb',
];

type Value =
  | { kind: 'inline'; text: string }
  | { kind: 'empty' }
  | { kind: 'blockList'; items: string[] }
  | { kind: 'blockScalar'; header: string; lines: string[]; extraFirst: boolean; blank: number; headerComment: boolean };

interface Field {
  key: string;
  keyText: string;
  value: Value;
  comment: boolean;
  commentLineBefore: boolean;
}

type Style = 'block' | 'flow1' | 'flowN' | 'flowFirst' | 'empty';

export interface DocSpec {
  style: Style;
  indent: number;
  eol: Eol;
  fields: Field[];
  trailingComma: boolean;
  sep: ', ' | ',';
  pad: boolean;
  leadingComment: boolean;
  trailingComment: boolean;
  endMarker: boolean;
}

/** Where a document and its values lie in the text it was rendered into. */
export interface DocLayout {
  /** From its `---` marker (or first line) to just before the next document's marker. */
  start: number;
  end: number;
  eol: Eol;
  /** Per key: the text a replacement of the value may rewrite (for a block list or empty value, from the colon). */
  values: Map<string, { start: number; end: number }>;
  blank: boolean;
}

const single = (s: string) => `'${s.replace(/'/g, "''")}'`;
const noBreak = (s: string) => !/[\n\r\t]/.test(s);

const inlineValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(...PLAIN).map((text) => ({ kind: 'inline' as const, text })),
  fc.constantFrom(...PLAIN, ...TRICKY).map((s) => ({ kind: 'inline' as const, text: JSON.stringify(s) })),
  fc.constantFrom(...PLAIN, ...TRICKY.filter(noBreak)).map((s) => ({ kind: 'inline' as const, text: single(s) })),
  fc.constantFrom('42', '-1.5', '0', 'true', 'false', '~', 'null').map((text) => ({ kind: 'inline' as const, text })),
  fc.constantFrom('[a, 张伟]', '[]', '[1, [2, 3]]', '{x: 1, y: [a]}', '{}', '{客户: 张伟}').map((text) => ({ kind: 'inline' as const, text })),
);

/** A flow pair's value: also none at all (`{a}`) or nothing after the colon (`{a: }`). */
const IMPLICIT = '\u0000implicit';
const flowValue: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: inlineValue, weight: 6 },
  { arbitrary: fc.constantFrom('', IMPLICIT).map((text): Value => ({ kind: 'inline', text })), weight: 1 },
);

const blockScalar: fc.Arbitrary<Value> = fc
  .record({
    header: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '|2-', '|+2', '>2+'),
    lines: fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 3 }),
    extra: fc.boolean(),
    blank: fc.nat(2),
    headerComment: fc.boolean(),
  })
  .map(({ header, lines, extra, blank, headerComment }): Value => ({
    // A more indented first line needs the explicit indentation indicator.
    kind: 'blockScalar',
    header,
    lines,
    extraFirst: extra && /\d/.test(header),
    blank,
    headerComment,
  }));

const blockValue: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: inlineValue, weight: 4 },
  { arbitrary: fc.constant<Value>({ kind: 'empty' }), weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 3 }).map((items): Value => ({ kind: 'blockList', items })), weight: 1 },
  { arbitrary: blockScalar, weight: 2 },
);

// No alias of a field here (客户 is customer, 档号 archive_no): the models compare keys as written.
const KEYS = ['id', 'title', 'category', 'status', 'customer', 'notes', 'date', '客户备注', '档号备注', '经办人', 'a: b'];

const keyArb = fc.record({ key: fc.constantFrom(...KEYS), form: fc.constantFrom('plain', 'double', 'single') }).map(({ key, form }) => ({
  key,
  keyText: key === 'a: b' || form === 'double' ? JSON.stringify(key) : form === 'single' ? single(key) : key,
}));

function fieldsArb(value: fc.Arbitrary<Value>, min: number): fc.Arbitrary<Field[]> {
  return fc.uniqueArray(
    fc
      .record({ k: keyArb, value, comment: fc.boolean(), commentLineBefore: fc.boolean() })
      .map(({ k, value: v, comment, commentLineBefore }) => ({ ...k, value: v, comment, commentLineBefore })),
    { selector: (f) => f.key, minLength: min, maxLength: 5 },
  );
}

const common = {
  eol: fc.constantFrom<Eol>('\n', '\r\n'),
  trailingComma: fc.boolean(),
  sep: fc.constantFrom<', ' | ','>(', ', ','),
  pad: fc.boolean(),
  leadingComment: fc.boolean(),
  trailingComment: fc.boolean(),
  endMarker: fc.boolean(),
  indent: fc.constantFrom(0, 2, 4),
};

/** The common case the fast path takes: plain keys at column 0, one-line values, maybe comments. */
const plainDoc = fc.record({
  ...common,
  style: fc.constant<Style>('block'),
  indent: fc.constant(0),
  leadingComment: fc.constant(false),
  fields: fc.uniqueArray(
    fc
      .record({
        key: fc.constantFrom(...KEYS.slice(0, -1)),
        value: fc.oneof(
          fc.constantFrom(...PLAIN).map((text) => ({ kind: 'inline' as const, text })),
          fc.constantFrom(...PLAIN).map((t) => ({ kind: 'inline' as const, text: JSON.stringify(t) })),
        ),
        comment: fc.boolean(),
      })
      .map((f): Field => ({ ...f, keyText: f.key, commentLineBefore: false })),
    { selector: (f) => f.key, minLength: 1, maxLength: 5 },
  ),
});

export const docArb: fc.Arbitrary<DocSpec> = fc.oneof(
  { arbitrary: plainDoc, weight: 2 },
  {
    // Often a block scalar last, where its chomping decides what the lines after it belong to.
    arbitrary: fc
      .record({ ...common, style: fc.constant<Style>('block'), fields: fieldsArb(blockValue, 1), last: fc.option(blockScalar) })
      .map(({ last, ...doc }) => (last ? { ...doc, fields: [...doc.fields.slice(0, -1), { ...doc.fields[doc.fields.length - 1], value: last }] } : doc)),
    weight: 4,
  },
  { arbitrary: fc.record({ ...common, style: fc.constantFrom<Style>('flow1', 'flowN', 'flowFirst'), fields: fieldsArb(flowValue, 0) }), weight: 3 },
);

export const frontMatterArb: fc.Arbitrary<DocSpec> = fc.oneof(
  { arbitrary: docArb, weight: 9 },
  { arbitrary: fc.record({ ...common, style: fc.constant<Style>('empty'), fields: fc.constant<Field[]>([]) }), weight: 1 },
);

/** Appends `doc` to `out` (at `base` in the file), returning where its values went. */
function renderDoc(doc: DocSpec, base: number, out: string[]): Map<string, { start: number; end: number }> {
  const { eol } = doc;
  const values = new Map<string, { start: number; end: number }>();
  let s = '';
  const pos = () => base + s.length;
  if (doc.leadingComment) s += `# 客户档案${eol}`;
  if (doc.style === 'block') {
    const ind = ' '.repeat(doc.indent);
    for (const f of doc.fields) {
      if (f.commentLineBefore) s += `${ind}# ${f.key}${eol}`;
      s += `${ind}${f.keyText}:`;
      const v = f.value;
      if (v.kind === 'inline') {
        s += ' ';
        const start = pos();
        s += v.text;
        values.set(f.key, { start, end: pos() });
        s += (f.comment ? '  # 注释' : '') + eol;
      } else if (v.kind === 'empty') {
        values.set(f.key, { start: pos(), end: pos() });
        s += (f.comment ? '   # 待填' : '') + eol;
      } else if (v.kind === 'blockList') {
        const start = pos();
        s += eol + v.items.map((i) => `${ind}  - ${i}${eol}`).join('');
        values.set(f.key, { start, end: pos() });
      } else {
        s += ' ';
        const start = pos();
        s += v.header + (v.headerComment ? '  # 说明' : '') + eol;
        s += v.lines.map((l, i) => `${ind}  ${i === 0 && v.extraFirst ? ' ' : ''}${l}${eol}`).join('') + eol.repeat(v.blank);
        values.set(f.key, { start, end: pos() });
      }
    }
  } else if (doc.style !== 'empty') {
    const n = doc.fields.length;
    const oneLine = n === 0 || doc.style === 'flow1' || (doc.style === 'flowFirst' && n < 2);
    const ind = ' '.repeat(doc.indent || 2);
    s += '{' + (oneLine && doc.pad ? ' ' : '') + (!oneLine && doc.style === 'flowN' ? eol : '');
    doc.fields.forEach((f, i) => {
      const v = f.value as Extract<Value, { kind: 'inline' }>;
      const lastPair = i === n - 1;
      if (!oneLine && (doc.style === 'flowN' || i > 0)) s += ind;
      s += f.keyText;
      // `{a}` has a null value without a colon; `{a: }` one with nothing after the colon.
      if (v.text !== IMPLICIT) s += ': ';
      values.set(f.key, { start: pos(), end: pos() + (v.text === IMPLICIT ? 0 : v.text.length) });
      if (v.text !== IMPLICIT) s += v.text;
      if (!lastPair || doc.trailingComma) s += oneLine ? doc.sep : ',';
      // A comment on the line of the closing brace would swallow it.
      if (!oneLine) s += (f.comment && !(lastPair && doc.style === 'flowFirst') ? '  # 注释' : '') + (lastPair && doc.style === 'flowFirst' ? '' : eol);
    });
    s += (oneLine && doc.pad ? ' ' : '') + '}' + (doc.fields[0]?.comment ? '  # 注释' : '') + eol;
  }
  if (doc.trailingComment) s += `# 完${eol}`;
  out.push(s);
  return values;
}

export interface StreamSpec {
  docs: DocSpec[];
  firstMarker: boolean;
  /** Insert an empty document (only a comment) before document i, when set. */
  spacer: number;
  finalEol: boolean;
}

export const streamArb: fc.Arbitrary<StreamSpec> = fc.record({
  docs: fc.array(docArb, { minLength: 1, maxLength: 3 }),
  firstMarker: fc.boolean(),
  spacer: fc.integer({ min: -1, max: 3 }),
  finalEol: fc.boolean(),
});

/** The YAML stream's text, and per record (non-empty document, in order) its layout. */
export function renderStream(spec: StreamSpec): { text: string; docs: DocLayout[] } {
  const out: string[] = [];
  const docs: DocLayout[] = [];
  let length = 0;
  const push = (t: string) => {
    out.push(t);
    length += t.length;
  };
  spec.docs.forEach((doc, i) => {
    if (i === spec.spacer && i > 0) push(`---${doc.eol}# 空${doc.eol}`);
    const start = length;
    if (i > 0 || spec.firstMarker) push(`---${doc.eol}`);
    const parts: string[] = [];
    const values = renderDoc(doc, length, parts);
    push(parts[0]);
    if (doc.endMarker) push(`...${doc.eol}`);
    docs.push({ start, end: length, eol: doc.eol, values, blank: false });
  });
  let text = out.join('');
  const last = spec.docs[spec.docs.length - 1];
  if (!spec.finalEol && text.endsWith(last.eol)) {
    text = text.slice(0, -last.eol.length);
    docs[docs.length - 1].end = text.length;
  }
  return { text, docs };
}

export interface MarkdownSpec {
  front: DocSpec;
  bodyEol: Eol;
  body: string[];
  bodyFinalEol: boolean;
}

export const markdownArb: fc.Arbitrary<MarkdownSpec> = fc.record({
  front: frontMatterArb,
  bodyEol: fc.constantFrom<Eol>('\n', '\r\n'),
  body: fc.array(fc.constantFrom('# 标题', '正文 text', '---', '', 'key: value', '- item'), { maxLength: 4 }),
  bodyFinalEol: fc.boolean(),
});

/** The Markdown text; the front matter's layout covers the YAML between the fences. */
export function renderMarkdown(spec: MarkdownSpec): { text: string; front: DocLayout; closing: string } {
  const open = `---${spec.front.eol}`;
  const parts: string[] = [];
  const values = renderDoc({ ...spec.front, endMarker: false }, open.length, parts);
  const fm = parts[0];
  const body = spec.body.join(spec.bodyEol) + (spec.body.length && spec.bodyFinalEol ? spec.bodyEol : '');
  const closing = `---${spec.body.length || spec.bodyFinalEol ? spec.bodyEol : ''}${body}`;
  const text = open + fm + closing;
  return { text, closing, front: { start: open.length, end: open.length + fm.length, eol: spec.front.eol, values, blank: spec.front.style === 'empty' } };
}

/** Values to write: plain, needing quotes, and arbitrary strings (controls, any code point). */
export const setValueArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PLAIN, ...TRICKY), weight: 4 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
);

/** Keys that may be new to a record, some needing quotes. */
export const NEW_KEYS = ['archive_no', 'archived_at', '档号', 'status', 'approved_at', 'a: b', 'true', '#tag', '- x', "it's", '1', '客户 名称'];
