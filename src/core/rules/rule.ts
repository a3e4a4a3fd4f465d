import type { Lang } from '../i18n';
import type { ParsedRecord, Span } from '../parse/record-file';
import type { Bilingual, CategoryDef, Schema, Severity } from '../schema/types';
import type { FixData } from '../records/types';

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
  /** Whether a workspace-relative path exists (attachments). */
  fileExists(relPath: string): boolean;
  report(span: Span, message: string, data?: FixData): void;
}

/** One rule: a code, its documentation, and a check that reports findings. Fixes are plain data. */
export interface RecordRule {
  readonly code: string;
  readonly severity: Severity;
  readonly title: Bilingual;
  check(ctx: RecordContext): void;
}

/** Localised message: `t(ctx, {en, zh}, params)`. */
export function say(lang: Lang, text: Bilingual): string {
  return lang === 'zh' ? text.zh : text.en;
}
