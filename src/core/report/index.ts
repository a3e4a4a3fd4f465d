/** Output formatters of a check: pure functions of the findings and their summary, shared by the CLI and the extension. */
export { formatText, oneLine, summaryLine, type TextOptions } from './text';
export { formatJson, jsonReport, JSON_REPORT_VERSION, type JsonFinding, type JsonReport } from './json';
export { folderUri, formatSarif, relativeUri, sarifLog, SARIF_SCHEMA, type SarifLog, type SarifOptions } from './sarif';
export { region, sortItems, summarize, type ReportItem, type ReportSummary } from './types';
export { formatGithub } from './github';
