/**
 * The catalogue of finding codes: every code any part of the tool can report, declared once by the module
 * that reports it — record rules, the file reader, the workspace rules, the batch check, the schema. The
 * SARIF rule table, the docs pages, the settings' list of codes, default severities and the tests read it.
 */
import type { Bilingual, Severity, SeveritySetting } from '../model/schema';
import { BATCH_CODES } from './codes/batch-codes';
import type { CodeDeclaration } from './codes/declaration';
import { FILE_CODES } from './codes/file-codes';
import { SEAL_CODES } from './codes/seal-codes';
import { allRules } from './index';
import { workspaceRules } from './workspace';

export type { CodeDeclaration, CodeKind } from './codes/declaration';

const SCHEMA_CODE: CodeDeclaration = {
  code: 'schema',
  severity: 'error',
  fixed: true,
  kind: 'schema',
  title: { en: 'A mistake in .records/schema.yaml', zh: '.records/schema.yaml 中的错误' },
};

const declarations: readonly CodeDeclaration[] = [
  ...allRules.map((r): CodeDeclaration => ({ code: r.code, severity: r.severity, title: r.title, kind: 'record', offByDefault: r.offByDefault })),
  ...FILE_CODES,
  ...workspaceRules,
  ...BATCH_CODES,
  ...SEAL_CODES,
  SCHEMA_CODE,
];

export const CATALOGUE: ReadonlyMap<string, CodeDeclaration> = new Map(declarations.map((d) => [d.code, d]));

if (CATALOGUE.size !== declarations.length) {
  const seen = new Set<string>();
  const twice = declarations.filter((d) => seen.has(d.code) || !seen.add(d.code)).map((d) => d.code);
  throw new Error(`finding codes declared twice: ${twice.join(', ')}`);
}

/** Every code, in the order of declaration (record rules, file, workspace, batch, schema). */
export function knownCodes(): ReadonlySet<string> {
  return new Set(CATALOGUE.keys());
}

/** A code's default severity (`error` for a code nobody declared, which a test prevents). */
export function defaultSeverity(code: string): Severity {
  return CATALOGUE.get(code)?.severity ?? 'error';
}

/** The severity a finding gets: the default, unless the code may be configured and is (settings over schema). */
export function severityOf(code: string, ...overrides: (ReadonlyMap<string, SeveritySetting> | undefined)[]): SeveritySetting {
  const d = CATALOGUE.get(code);
  if (d?.fixed) return d.severity;
  for (const o of overrides) {
    const s = o?.get(code);
    if (s !== undefined) return s;
  }
  return d?.severity ?? 'error';
}

export function codeTitle(code: string): Bilingual | undefined {
  return CATALOGUE.get(code)?.title;
}

/** The page that documents a code, relative to the repository (and the installed extension). */
export function docsPage(code: string): string {
  return `docs/rules/${code}.md`;
}

/** A message quoting English words of a parser or the system, led in by the code's Chinese words for `zh`. */
export function leadInMessage(code: string, message: string, lang: 'en' | 'zh'): string {
  const lead = lang === 'zh' ? CATALOGUE.get(code)?.leadIn : undefined;
  return lead ? `${lead}：${message}` : message;
}
