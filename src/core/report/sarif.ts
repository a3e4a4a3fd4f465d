import type * as Sarif from 'sarif';
import { pathToFileURL } from 'url';
import { acceptedOf } from './types';
import type { Lang } from '../model/lang';
import type { Severity } from '../model/schema';
import { codeTitle, docsPage } from '../rules/catalogue';
import { region, type ReportItem, type ReportSummary } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'records-curator';
export const TOOL_URI = 'https://example.invalid/records-curator';

export interface SarifOptions {
  /** The tool's version, `driver.version`. */
  version: string;
  /** The language of the rule descriptions (the catalogue's titles); English by default. */
  lang?: Lang;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The parts of SARIF 2.1.0 this tool writes, each held to the standard's own types (@types/sarif). */
export interface SarifLog extends Sarif.Log {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRule extends Sarif.ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  /** GitHub code scanning wants it on every rule. */
  fullDescription: { text: string };
  help: { text: string };
}

export interface SarifResult extends Sarif.Result {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  /** A finding accepted in the record (`inSource`) or by the baseline (`external`): code scanning shows it as suppressed. */
  suppressions?: Sarif.Suppression[];
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: 'SRCROOT' };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

export interface SarifRun extends Sarif.Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
  originalUriBaseIds: { SRCROOT: { uri: string } };
  /** Columns are counted in UTF-16 code units, as the editor counts them. */
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

/**
 * A SARIF 2.1.0 log of one run, as GitHub code scanning takes it: paths relative to `SRCROOT`
 * (the checked folder), 1-based regions with an exclusive end column, one rule per code that occurs.
 */
export function sarifLog(items: readonly ReportItem[], summary: ReportSummary, o: SarifOptions): SarifLog {
  const codes = [...new Set(items.map((i) => i.finding.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const rules: SarifRule[] = codes.map((id) => {
    const title = codeTitle(id);
    const text = title ? (o.lang === 'zh' ? title.zh : title.en) : id;
    const doc = docsPage(id);
    return {
      id,
      shortDescription: { text },
      fullDescription: { text: `${text} (Records Curator rule ${id}; documented in ${doc}).` },
      help: { text: `See ${doc} in the Records Curator documentation.` },
    };
  });
  const results: SarifResult[] = items.map(({ path, finding: f }) => {
    const r = region(f);
    const accepted = acceptedOf(f);
    return {
      ruleId: f.code,
      ruleIndex: index.get(f.code) as number,
      // An accepted finding keeps its own level, suppressed with the reason: how code scanning means it.
      level: LEVEL[accepted?.severity ?? f.severity] ?? 'note',
      ...(accepted ? { suppressions: [{ kind: accepted.by === 'inline' ? 'inSource' : 'external', justification: accepted.reason || 'baseline' }] } : {}),
      message: { text: f.message.trim() === '' ? f.code : f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(path), uriBaseId: 'SRCROOT' },
            region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
          },
        },
      ],
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: o.version, informationUri: TOOL_URI, rules } },
        originalUriBaseIds: { SRCROOT: { uri: folderUri(summary.folder) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(items: readonly ReportItem[], summary: ReportSummary, o: SarifOptions): string {
  return JSON.stringify(sarifLog(items, summary, o), null, 2) + '\n';
}

/** A `/`-separated relative path as a relative URI reference: each segment percent-encoded (spaces, `#`, Chinese names). */
export function relativeUri(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** `file:` URI of a folder, with the trailing slash SARIF needs to resolve relative URIs inside it. */
export function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
