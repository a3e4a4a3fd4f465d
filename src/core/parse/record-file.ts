/**
 * Reads record files: Markdown with YAML front matter, or YAML streams where every
 * document is one record. Only plain values and offsets leave this module, so the
 * caller can hold results for 100,000 files without holding YAML syntax trees.
 */
import { parseAllDocuments, parseDocument } from 'yaml';
import { fastReadMapping } from './fast-path';
import { findFrontMatter } from './front-matter';
import { YAML_OPTIONS, detachRecord, isEmptyDocument, readDocument, trimEnd } from './yaml-record';
import type { ParsedFile, ParsedRecord, ParseRecordOptions, Span } from '../model/parsed';

/** How many files the fast reader took whole (for tests: that the fast path is really used). */
export const parseStats = { fast: 0 };

export function parseRecordText(text: string, kind: 'markdown' | 'yaml', opts?: ParseRecordOptions): ParsedFile {
  const fast = opts?.yamlOnly !== true;
  const file = kind === 'markdown' ? parseMarkdown(text, fast) : parseYamlStream(text, fast);
  if (opts?.detach) file.records.forEach(detachRecord);
  return file;
}

function parseMarkdown(text: string, fast: boolean): ParsedFile {
  const fm = findFrontMatter(text);
  if (!fm) return { kind: 'markdown', isRecordFile: false, records: [] };
  const fence = { start: fm.openStart, end: fm.openEnd };
  const contentSpan = { start: fm.contentStart, end: fm.contentEnd };
  const record: ParsedRecord = {
    index: 0,
    span: { start: fm.openStart, end: fm.close ? fm.close.end : trimEnd(text, fm.openStart, text.length) },
    fence,
    contentSpan,
    data: undefined,
    fields: new Map(),
    problems: [],
  };
  if (!fm.close || fm.bodyStart === undefined) {
    // Parsing on would mean reading the whole Markdown body as YAML.
    record.problems.push({ code: 'yaml-syntax', message: 'front matter is not closed (no `---` or `...` line after it)', span: fence });
  } else {
    record.bodySpan = { start: fm.bodyStart, end: text.length };
    const content = text.slice(fm.contentStart, fm.contentEnd);
    const quick = fast ? fastReadMapping(content, fm.contentStart) : undefined;
    if (quick) {
      parseStats.fast++;
      record.data = quick.data;
      record.fields = quick.fields;
    } else {
      readDocument(parseDocument(content, YAML_OPTIONS), content, fm.contentStart, record);
    }
  }
  return { kind: 'markdown', isRecordFile: true, records: [record] };
}

/**
 * A stream of plain documents separated by `---` lines, read with the fast reader document by document.
 * Anything else (directives, `...`, a marker with content after it, a document the fast reader declines)
 * returns undefined and the yaml package reads the whole file.
 */
function fastStream(text: string): ParsedFile | undefined {
  if (!/^---[ \t]*\r?$/m.test(text) || /^(%|\.\.\.|---[ \t]*\S)/m.test(text)) return undefined;
  const segments: { marker?: number; start: number; end: number }[] = [];
  let marker: number | undefined;
  let segStart = 0;
  for (let p = 0; p <= text.length;) {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    const line = text.slice(p, nl).replace(/\r$/, '');
    if (/^---[ \t]*$/.test(line)) {
      segments.push({ marker, start: segStart, end: p });
      marker = p;
      segStart = nl + 1;
    }
    p = nl + 1;
  }
  segments.push({ marker, start: segStart, end: text.length });
  const records: ParsedRecord[] = [];
  let index = 0;
  for (const seg of segments) {
    const src = text.slice(Math.min(seg.start, text.length), seg.end);
    const blank = /^(\s*(#[^\n]*)?\n?)*\s*$/.test(src);
    if (blank) {
      // Before the first marker, comments are not a document; after a marker, an empty document counts.
      if (seg.marker !== undefined) index++;
      continue;
    }
    // A document without a marker that follows comment lines: where the yaml package starts it is subtle.
    if (seg.marker === undefined && /^\s*#/.test(src)) return undefined;
    const quick = fastReadMapping(src, seg.start);
    if (!quick) return undefined;
    const start = seg.marker ?? quick.contentStart;
    records.push({
      index: index++,
      span: { start, end: trimEnd(text, start, seg.end) },
      fence: yamlFence(text, start, quick.contentStart, seg.marker !== undefined),
      contentSpan: { start: quick.contentStart, end: quick.contentEnd },
      data: quick.data,
      fields: quick.fields,
      problems: [],
    });
  }
  return { kind: 'yaml', isRecordFile: records.length > 0, records };
}

function parseYamlStream(text: string, fast: boolean): ParsedFile {
  if (fast) {
    const stream = fastStream(text);
    if (stream) {
      parseStats.fast++;
      return stream;
    }
  }
  // The fast reader refuses `---`, `...` and directives, so it only ever accepts a single-document file.
  const quick = fast ? fastReadMapping(text, 0) : undefined;
  if (quick) {
    parseStats.fast++;
    const { contentStart: start, contentEnd: end } = quick;
    const record: ParsedRecord = {
      index: 0,
      span: { start, end: trimEnd(text, start, text.length) },
      fence: yamlFence(text, start, start, false),
      contentSpan: { start, end },
      data: quick.data,
      fields: quick.fields,
      problems: [],
    };
    return { kind: 'yaml', isRecordFile: true, records: [record] };
  }
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  const records: ParsedRecord[] = [];
  if (!('empty' in docs)) {
    docs.forEach((doc, index) => {
      // `a: 1\n---\n` holds a second, empty document; it is an artefact, not a record.
      const empty = isEmptyDocument(doc);
      if (empty && doc.errors.length === 0) return;
      const [start, , nodeEnd] = doc.range;
      const contents = empty ? null : doc.contents;
      const contentStart = contents ? contents.range[0] : start;
      const contentEnd = contents ? trimEnd(text, contentStart, contents.range[1]) : contentStart;
      const record: ParsedRecord = {
        index,
        span: { start, end: trimEnd(text, start, nodeEnd) },
        fence: yamlFence(text, start, contentStart, doc.directives?.docStart === true),
        contentSpan: { start: contentStart, end: contentEnd },
        data: undefined,
        fields: new Map(),
        problems: [],
      };
      readDocument(doc, text, 0, record);
      records.push(record);
    });
  }
  return { kind: 'yaml', isRecordFile: records.length > 0, records };
}

/** The `---` marker when the document has one, else its first content line. */
function yamlFence(text: string, docStart: number, contentStart: number, hasMarker: boolean): Span {
  if (hasMarker) {
    // The document range starts at its marker, except after directives in some cases: look for it.
    for (let p = docStart; p <= contentStart;) {
      if (text.startsWith('---', p)) return { start: p, end: p + 3 };
      const nl = text.indexOf('\n', p);
      if (nl < 0) break;
      p = nl + 1;
    }
  }
  let end = contentStart;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start: contentStart, end: trimEnd(text, contentStart, end) };
}
