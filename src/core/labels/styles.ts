/** Print CSS: label stock presets in millimetres, CJK fonts, the toolbar's screen-only styles. */

export type LabelPreset = 'a4-3x8' | 'a4-2x5' | 'a4-2x4' | 'thermal-100x60';

export interface PresetDef {
  cols: number;
  rows: number;
  /** Label size, mm. */
  width: number;
  height: number;
  /** `@page` size and margin: the margin centres the grid on the sheet. */
  page: string;
  margin: string;
  pageWidth: number;
  /** Base and archive-number font sizes, pt. */
  font: number;
  big: number;
}

export const PRESETS: Readonly<Record<LabelPreset, PresetDef>> = {
  'a4-3x8': { cols: 3, rows: 8, width: 70, height: 37, page: 'A4', margin: '0.5mm 0', pageWidth: 210, font: 7.5, big: 10.5 },
  'a4-2x5': { cols: 2, rows: 5, width: 105, height: 57, page: 'A4', margin: '6mm 0', pageWidth: 210, font: 9.5, big: 14 },
  'a4-2x4': { cols: 2, rows: 4, width: 105, height: 74, page: 'A4', margin: '0.5mm 0', pageWidth: 210, font: 10.5, big: 16 },
  'thermal-100x60': { cols: 1, rows: 1, width: 100, height: 60, page: '100mm 60mm', margin: '0', pageWidth: 100, font: 9.5, big: 14 },
};

export const PRESET_NAMES = Object.keys(PRESETS) as LabelPreset[];

export function normalisePreset(value: unknown): LabelPreset {
  return typeof value === 'string' && value in PRESETS ? (value as LabelPreset) : 'a4-3x8';
}

export const FONT_STACK = `"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif`;
export const MONO_STACK = `"Noto Sans Mono CJK SC", "Sarasa Mono SC", Consolas, "DejaVu Sans Mono", "Courier New", monospace`;

/** Shared by labels and the catalogue: base font, screen background, the webview toolbar. */
export const BASE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${FONT_STACK};color:#000;background:#e8e8e8;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.toolbar{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;padding:6px 10px;
 font:13px ${FONT_STACK};color:var(--vscode-foreground,#222);background:var(--vscode-editorWidget-background,#f3f3f3);
 border-bottom:1px solid var(--vscode-widget-border,#ccc)}
.toolbar label{display:inline-flex;gap:4px;align-items:center}
.toolbar select,.toolbar button{font:inherit}
.toolbar button{padding:2px 10px;cursor:pointer;color:var(--vscode-button-foreground,#fff);background:var(--vscode-button-background,#0e639c);border:0;border-radius:2px}
.empty{padding:2em;text-align:center;color:#555}
@media print{body{background:#fff}.toolbar{display:none}.empty{display:none}}
`;

/** CSS for one preset: an exact grid of labels per page, pages breaking after each sheet. */
export function labelCss(preset: LabelPreset): string {
  const p = PRESETS[preset];
  const [mv, mh = mv] = p.margin.split(' ');
  return `${BASE_CSS}
@page{size:${p.page};margin:${p.margin}}
.page{display:grid;grid-template-columns:repeat(${p.cols},${p.width}mm);grid-auto-rows:${p.height}mm;justify-content:center;align-content:start;
 width:${p.pageWidth}mm;margin:8mm auto;padding:${mv} ${mh};background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.label{position:relative;width:${p.width}mm;height:${p.height}mm;overflow:hidden;break-inside:avoid;page-break-inside:avoid;
 padding:2mm 3mm;font-size:${p.font}pt;line-height:1.3;outline:0.2mm dashed #bbb;outline-offset:-0.1mm;display:flex;flex-direction:column;gap:0.6mm}
.label .line{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.label .cat{font-weight:bold;border-bottom:0.3mm solid #000;padding-bottom:0.5mm}
.label .cust{font-size:1.15em;font-weight:bold}
.label .no{font-family:${MONO_STACK};font-size:${p.big}pt;font-weight:bold;letter-spacing:0.02em}
.label .title{color:#333}
.label .meta{display:flex;flex-wrap:wrap;column-gap:3mm;margin-top:auto}
.label .meta .line{flex:none;max-width:100%}
.label .k{color:#444;margin-right:1mm}
.label.stamp{padding:1.5mm}
table.stamp{width:100%;height:100%;border-collapse:collapse;table-layout:fixed}
table.stamp td{border:0.3mm solid #000;text-align:center;vertical-align:middle;padding:0.5mm;overflow:hidden}
table.stamp .k{display:block;font-size:0.85em;color:#000;margin:0}
table.stamp .v{display:block;font-family:${MONO_STACK};font-size:1.2em;font-weight:bold;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.stamp .v.en{font-size:0.95em;font-weight:normal}
.label.spine{gap:0}
table.spine{width:100%;height:100%;border-collapse:collapse;table-layout:fixed}
table.spine th,table.spine td{border:0.3mm solid #000;padding:0.3mm 1mm;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.spine th{width:38%;font-weight:normal}
table.spine td{font-family:${MONO_STACK};font-weight:bold}
table.stamp .v .en,table.spine td .en{display:block;font-size:0.7em;font-weight:normal;line-height:1.1}
table.stamp .v:has(.en),table.spine td:has(.en){white-space:normal}
@media print{
 .page{margin:0;padding:0;width:auto;box-shadow:none;break-after:page;page-break-after:always}
 .page:last-of-type{break-after:auto;page-break-after:auto}
 .label{outline:none}
}
`;
}
