import type { Bilingual, Severity } from '../../model/schema';

/** Which part of the tool reports a code: a record rule, the file reader, the whole index, the batch check, the schema. */
export type CodeKind = 'record' | 'file' | 'workspace' | 'batch' | 'schema';

/** What every finding code declares once: its default severity, whether that can be changed, its title, its page. */
export interface CodeDeclaration {
  readonly code: string;
  readonly severity: Severity;
  /** The severity cannot be set in `rules:` or the settings (a finding that must never be silenced). */
  readonly fixed?: boolean;
  readonly title: Bilingual;
  readonly kind: CodeKind;
  /**
   * Chinese lead-in for a message that quotes a parser or the operating system in English (`YAML 语法错误：…`):
   * their own words are precise, only the start is translated.
   */
  readonly leadIn?: string;
}
