import type { Lang } from '../../../core/model/lang';
import { htmlDocument } from '../../../core/text/html';
import { escapeHtml } from '../../../core/text/escape';
import { TABLE_SCRIPT } from './script';
import { EDIT_SCRIPT } from './script-edit';

/** The theme's colours throughout: the table reads as part of the workbench, light, dark or high contrast. */
const CSS = `
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); overflow: hidden; }
.bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
.bar label { display: inline-flex; gap: 4px; align-items: center; }
input, select { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent);
  font: inherit; padding: 2px 4px; }
input:focus, select:focus, button:focus, [role=gridcell]:focus, [role=columnheader] button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
#filter { flex: 1 1 280px; min-width: 160px; }
button { background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground));
  border: none; padding: 3px 8px; font: inherit; cursor: pointer; }
button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
button:disabled { opacity: .5; cursor: default; }
#count, #sel { color: var(--vscode-descriptionForeground); }
#grid { position: absolute; left: 0; right: 0; bottom: 0; display: flex; flex-direction: column; }
.row { display: grid; grid-template-columns: var(--cols); height: 26px; align-items: stretch; border-bottom: 1px solid var(--vscode-editorGroup-border, transparent); }
.head .row { height: auto; background: var(--vscode-editorGroupHeader-tabsBackground); }
[role=columnheader] { position: relative; display: flex; flex-direction: column; gap: 2px; padding: 3px 6px; font-weight: 600; overflow: hidden; }
[role=columnheader] button { background: none; color: inherit; text-align: start; padding: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[role=columnheader] input { width: 100%; box-sizing: border-box; font-weight: normal; }
.resizer { position: absolute; top: 0; right: 0; width: 6px; height: 100%; cursor: col-resize; }
.resizer:hover { background: var(--vscode-focusBorder); }
#body { flex: 1; overflow: auto; position: relative; }
#spacer { position: relative; }
#rows { position: absolute; left: 0; right: 0; top: 0; }
[role=gridcell] { padding: 0 6px; line-height: 26px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.row:hover { background: var(--vscode-list-hoverBackground); }
.row[aria-selected=true] { background: var(--vscode-list-inactiveSelectionBackground); color: var(--vscode-list-inactiveSelectionForeground, inherit); }
.row.focused { outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder)); outline-offset: -1px; }
.group { font-weight: 600; background: var(--vscode-sideBarSectionHeader-background, var(--vscode-editorGroupHeader-tabsBackground)); }
.group [role=gridcell] { grid-column: 1 / -1; }
.badge { display: inline-block; min-width: 14px; padding: 0 4px; margin-inline-end: 3px; border-radius: 8px; line-height: 16px; font-size: 90%; text-align: center;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.badge.error { background: var(--vscode-inputValidation-errorBackground, var(--vscode-errorForeground)); color: var(--vscode-errorForeground); border: 1px solid var(--vscode-errorForeground); }
.badge.warning { color: var(--vscode-editorWarning-foreground); background: none; border: 1px solid var(--vscode-editorWarning-foreground); }
.disp { color: var(--vscode-descriptionForeground); }
.disp.due, .disp.errors { color: var(--vscode-errorForeground); }
.disp.due-soon, .disp.hold { color: var(--vscode-editorWarning-foreground); }
.open { background: none; color: var(--vscode-textLink-foreground); padding: 0; width: 100%; }
.row > [role=gridcell]:first-child { padding: 0; text-overflow: clip; text-align: center; }
.editor { width: 100%; box-sizing: border-box; height: 24px; }
.editor[aria-invalid=true] { border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); }
#problems { padding: 4px 8px; min-height: 1.2em; border-top: 1px solid var(--vscode-panel-border); }
#problems .error { color: var(--vscode-errorForeground); }
#problems .warning { color: var(--vscode-editorWarning-foreground); }
#colpanel { position: absolute; right: 8px; z-index: 10; max-height: 60vh; overflow: auto; padding: 6px; background: var(--vscode-editorWidget-background);
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); box-shadow: 0 2px 8px var(--vscode-widget-shadow); }
#colpanel li { list-style: none; display: flex; gap: 4px; align-items: center; }
#colpanel ul { margin: 0; padding: 0; }
.empty { padding: 12px; color: var(--vscode-descriptionForeground); }
`;

const BODY = `
<div class="bar" role="toolbar" id="toolbar">
  <input id="filter" type="search" spellcheck="false">
  <label><span id="groupLabel"></span> <select id="group"></select></label>
  <button id="columns" aria-haspopup="true" aria-expanded="false"></button>
  <button id="export"></button>
  <button id="exportXlsx"></button>
  <button id="print"></button>
  <span id="count" role="status" aria-live="polite"></span>
</div>
<div class="bar" id="bulk" role="toolbar">
  <span id="sel" role="status" aria-live="polite"></span>
  <button id="selectAll"></button>
  <button id="clear"></button>
  <label><span id="fieldLabel"></span> <select id="bulkField"></select></label>
  <label><span id="valueLabel"></span> <span id="bulkValueSlot"></span></label>
  <button id="bulkSet" class="primary"></button>
  <button id="bulkRemove"></button>
  <button id="bulkRename"></button>
</div>
<div id="colpanel" hidden><ul id="collist"></ul><button id="coldone"></button></div>
<div id="grid" role="grid" aria-rowcount="1" aria-colcount="2" aria-multiselectable="true">
  <div class="head" role="rowgroup"><div class="row" role="row" aria-rowindex="1" id="head"></div></div>
  <div id="body" role="rowgroup"><div id="spacer"><div id="rows"></div></div></div>
  <div id="problems" role="status" aria-live="polite"></div>
</div>`;

/** The table's page: markup, style and its one script, all under the nonce; nothing loaded from anywhere. */
export function tablePage(nonce: string, cspSource: string, lang: Lang, title = 'Records'): string {
  return htmlDocument({
    title,
    language: lang,
    css: CSS,
    body: `${BODY}\n<script nonce="${escapeHtml(nonce)}">${TABLE_SCRIPT}\n${EDIT_SCRIPT}\nstart();</script>`,
    nonce,
    cspSource,
  });
}
