export { exportColumns, exportCsv, exportJson } from './index-export';
export type { ExportLanguage, ExportedRecord } from './index-export';
