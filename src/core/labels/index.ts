/** Printable labels, filing stamps, box spines and the archive catalogue: pure renderers, no I/O, no vscode. */
export { labelData, maskPersonal, retentionLabel, compareArchiveNo, compactDate } from './model';
export type { LabelData } from './model';
export { renderLabelsHtml, renderToolbar, LABEL_KINDS } from './html';
export type { LabelKind, LabelOptions, BoxRange } from './html';
export type { ToolbarState } from './toolbar';
export { renderLabelsCsv, LABEL_CSV_COLUMNS } from './csv';
export { renderCatalogueCsv, renderCatalogueHtml, catalogueRows, CATALOGUE_COLUMNS } from './catalogue';
export type { CatalogueOptions } from './catalogue';
export { PRESETS, PRESET_NAMES, normalisePreset, FONT_STACK } from './styles';
export type { LabelPreset, PresetDef } from './styles';
export { escapeHtml, csvCell, csvDocument, normaliseLanguage, pick } from './text';
export type { LabelLanguage } from './text';
export { boxesFor } from './boxes';
