import type { Severity } from '../model/schema';
import { acceptedOf, region, type Accepted, type ReportItem, type ReportSummary } from './types';

export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  path: string;
  /** 1-based; the end is exclusive, like the editor's range. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The record's number in its file (0-based), null for a finding on the whole file. */
  record: number | null;
  /** Accepted in the record or by the baseline: its own severity, the reason, how; null otherwise. */
  accepted: Accepted | null;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  folder: string;
  summary: Omit<ReportSummary, 'folder'>;
  findings: JsonFinding[];
}

export function jsonReport(items: readonly ReportItem[], summary: ReportSummary): JsonReport {
  const { folder, ...counts } = summary;
  return {
    version: JSON_REPORT_VERSION,
    folder,
    summary: counts,
    findings: items.map(({ path, finding: f }) => ({
      path,
      ...region(f),
      severity: f.severity,
      code: f.code,
      message: f.message,
      record: f.record ?? null,
      accepted: acceptedOf(f) ?? null,
    })),
  };
}

export function formatJson(items: readonly ReportItem[], summary: ReportSummary): string {
  return JSON.stringify(jsonReport(items, summary), null, 2) + '\n';
}
