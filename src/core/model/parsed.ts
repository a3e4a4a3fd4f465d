/** What the parser makes of a record file: records with their spans and problems, plain values only. */
import type { Aliases } from './schema';

/** UTF-16 offsets into the decoded text. */
export interface Span {
  start: number;
  end: number;
}

/** The value span of a missing/null value is empty, just after the key's `:`. */
export interface FieldSpan {
  key: Span;
  value: Span;
}

export interface YamlProblem {
  code: 'yaml-syntax' | 'duplicate-key' | 'alias-limit' | 'not-a-mapping';
  message: string;
  span: Span;
}

export interface ParsedRecord {
  /** 0-based document number in the file (empty YAML documents are skipped but still counted). */
  index: number;
  /** Markdown: the front matter including both fences. YAML: the whole document. */
  span: Span;
  /** Markdown: the opening `---` line. YAML: the `---` marker or the first content line. Where "missing field" findings go. */
  fence?: Span;
  /** The YAML text inside the fences (Markdown) or the document's content (YAML). */
  contentSpan: Span;
  /** Plain JS values; undefined when the YAML could not be read as a mapping. */
  data: Record<string, unknown> | undefined;
  /** Top-level keys in document order; for a duplicated key, the occurrence whose value is in `data` (the last). */
  fields: Map<string, FieldSpan>;
  /** Markdown: the text after the closing fence. */
  bodySpan?: Span;
  problems: YamlProblem[];
  /**
   * Keys and values read under the schema's name for them (客户 → customer, 合同 → contract): `data` and
   * `fields` hold the schema's names, these say what the file has. Absent when nothing was renamed.
   */
  aliased?: AliasUse[];
  /** Fields written under two or more keys (客户 and 客户名称): the key whose value is read comes first. */
  doubled?: DoubledField[];
}

export interface AliasUse {
  /** `key`: the key is an alias of `field`; `value`: the field's value is an alias of `canonical`. */
  kind: 'key' | 'value';
  field: string;
  written: string;
  canonical: string;
  /** The key, or the value, as written. */
  span: Span;
}

export interface DoubledField {
  field: string;
  keys: { written: string; span: Span }[];
}

export interface ParsedFile {
  kind: 'markdown' | 'yaml';
  isRecordFile: boolean;
  records: ParsedRecord[];
}

export interface ParseRecordOptions {
  /**
   * Copy every string out of `text` so the results do not keep the file's text alive
   * (V8 substrings are views into their parent). Costs a little; use it when caching.
   */
  detach?: boolean;
  /** Always use the yaml package, skipping the fast reader for plain front matter (for tests and benchmarks). */
  yamlOnly?: boolean;
  /** Read aliased keys and values as the schema's names (see ParsedRecord.aliased). */
  aliases?: Aliases;
}
