export { exportColumns, exportCsv, exportJson } from './index-export';
export type { ExportedRecord } from './index-export';
