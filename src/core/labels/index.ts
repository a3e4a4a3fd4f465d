/** Printable labels, filing stamps, box spines and the archive catalogue: pure renderers, no I/O, no vscode. */
export { labelData, maskPersonal, compareArchiveNo, compactDate } from './model';
export { retentionLabel } from '../retention/labels';
export type { LabelData } from './model';
export { renderLabelsHtml, renderToolbar, LABEL_KINDS } from './html';
export type { LabelKind, LabelOptions, BoxRange } from './html';
export type { ToolbarState } from './toolbar';
export { renderLabelsCsv, LABEL_CSV_COLUMNS } from './csv';
export { renderCatalogueCsv, renderCatalogueHtml, catalogueRows, CATALOGUE_COLUMNS } from './catalogue';
export type { CatalogueOptions } from './catalogue';
export { PRESETS, PRESET_NAMES, normalisePreset, FONT_STACK } from './styles';
export type { LabelPreset, PresetDef } from './styles';
export { escapeHtml } from '../text/escape';
export { csvCell, csvDocument } from '../text/csv';
export { normaliseLanguage, pick } from '../text/bilingual';
export type { DocLang } from '../text/bilingual';
export { boxesFor } from './boxes';
