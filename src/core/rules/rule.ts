import type { Lang } from '../model/lang';
import type { ParsedRecord, Span } from '../model/parsed';
import type { Bilingual, CategoryDef, FieldDef, Schema, Severity, SeveritySetting } from '../model/schema';
import type { FindingData, FixSpec } from '../model/findings';

export type { FixSpec } from '../model/findings';
/** Rules word their messages with the one bilingual helper. */
export { say } from '../text/bilingual';

/** What a rule sees of one record. */
export interface RecordContext {
  readonly schema: Schema;
  readonly lang: Lang;
  /** Workspace-relative, `/`-separated. */
  readonly path: string;
  readonly text: string;
  readonly record: ParsedRecord;
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** The record's category when it names a known one. */
  readonly category: CategoryDef | undefined;
  /** Scratch space for one record, shared by its rules: work several rules need is done once and kept here. */
  readonly memo: Record<string, unknown>;
  /** The severity the running rule reports with: its default or the configured one. */
  readonly severity: SeveritySetting;
  /** Whether a workspace-relative path exists (attachments). */
  fileExists(relPath: string): boolean;
  /** `severity` overrides the rule's own (e.g. a category's unknown_fields setting). */
  report(span: Span, message: string, more?: ReportMore, severity?: SeveritySetting): void;
}

/** What a finding carries besides its message: data about it, and how to fix it. */
export interface ReportMore extends FindingData {
  fix?: FixSpec;
}

/** One rule: a code, its documentation, and a check that reports findings. Fixes are plain data. */
export interface RecordRule {
  readonly code: string;
  readonly severity: Severity;
  readonly title: Bilingual;
  check(ctx: RecordContext): void;
}

/** A field's label in one language, for messages. */
export function labelOf(lang: Lang, field: FieldDef | undefined, name: string): string {
  if (!field) return name;
  const l = lang === 'zh' ? field.label.zh : field.label.en;
  return l && l !== name ? `${name} (${l})` : name;
}

/** Fields that apply to a record of this category, in schema order. */
export function fieldsFor(schema: Schema, category: string | undefined): FieldDef[] {
  return [...schema.fields.values()].filter((f) => !f.categories || (category !== undefined && f.categories.includes(category)));
}

/** A syntax error may have cut the mapping short: absence of a key then proves nothing. */
export function dataIsComplete(ctx: RecordContext): boolean {
  return !ctx.record.problems.some((p) => p.code === 'yaml-syntax');
}

/** Whether a value counts as absent: null, empty string, empty list. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}
