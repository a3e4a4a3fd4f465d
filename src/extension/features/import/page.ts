/**
 * The import view's page: a strict Content-Security-Policy (nothing loaded; the one style and script run
 * under a fresh nonce), VS Code's theme colours, and a script that builds every element with text nodes
 * and attributes from the data it is sent, so record text can never become markup.
 */
import { csp } from '../../../core/text/html';
import { escapeHtml } from '../../../core/text/escape';

const CSS = `
body{color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);padding:0 16px 24px;line-height:1.45}
h1{font-size:1.35em;font-weight:600;margin:14px 0 2px}h2{font-size:1.1em;font-weight:600;margin:18px 0 6px}
.meta,.hint,.samples,.line{color:var(--vscode-descriptionForeground)}
.error{color:var(--vscode-errorForeground);border:1px solid var(--vscode-inputValidation-errorBorder,var(--vscode-errorForeground));padding:6px 10px;margin:10px 0;white-space:pre-wrap}
.done{border:1px solid var(--vscode-focusBorder);padding:6px 10px;margin:10px 0}
.settings{display:grid;grid-template-columns:max-content minmax(200px,480px);gap:6px 12px;align-items:center;margin:8px 0}
select,input{background:var(--vscode-dropdown-background);color:var(--vscode-dropdown-foreground);border:1px solid var(--vscode-dropdown-border,transparent);padding:3px 4px;font:inherit}
input{background:var(--vscode-input-background);color:var(--vscode-input-foreground);border-color:var(--vscode-input-border,transparent)}
select:focus,input:focus,button:focus,summary:focus{outline:1px solid var(--vscode-focusBorder);outline-offset:1px}
table{border-collapse:collapse;margin:6px 0}th,td{text-align:left;padding:3px 10px 3px 0;vertical-align:top;border-bottom:1px solid var(--vscode-panel-border,transparent)}
thead th{color:var(--vscode-descriptionForeground);font-weight:600}tbody th{font-weight:600}
.unmapped th{color:var(--vscode-descriptionForeground);font-weight:400}
button{background:var(--vscode-button-background);color:var(--vscode-button-foreground);border:none;padding:5px 14px;font:inherit;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground)}button:disabled{opacity:.5;cursor:default}
.actions{display:flex;gap:12px;align-items:center;margin:10px 0}
.summary{font-weight:600}
ul{margin:4px 0 8px;padding-left:20px}li{margin:2px 0}
.path{font-family:var(--vscode-editor-font-family)}
.error-sev{color:var(--vscode-errorForeground)}.warning-sev{color:var(--vscode-editorWarning-foreground)}.info-sev{color:var(--vscode-editorInfo-foreground)}
.taken{color:var(--vscode-errorForeground);font-weight:600}
caption{text-align:left;padding-bottom:4px}
@media (min-width:1100px){main{display:grid;grid-template-columns:minmax(520px,1fr) minmax(400px,1fr);gap:0 36px;align-items:start}.head{grid-column:1/-1}}
details{margin:4px 0}summary{cursor:pointer;font-weight:600}
`;

const SCRIPT = `
(function(){
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
let S = {};
function el(tag, attrs){
  const e = document.createElement(tag);
  for (const k in attrs || {}) { const v = attrs[k]; if (v === false || v === undefined || v === null) continue; if (k === 'text') e.textContent = String(v); else e.setAttribute(k, v === true ? '' : String(v)); }
  for (let i = 2; i < arguments.length; i++) { const c = arguments[i]; if (c === null || c === undefined || c === false) continue; e.append(typeof c === 'string' ? document.createTextNode(c) : c); }
  return e;
}
function fmt(s){ const a = arguments; return String(s).replace(/\\{(\\d)\\}/g, function(_, n){ return String(a[Number(n) + 1]); }); }
function select(id, label, options, value, onChange, disabled){
  const s = el('select', { id: id, 'aria-label': label, disabled: disabled });
  for (const o of options) s.append(el('option', { value: o.value, selected: o.value === value, text: o.label }));
  s.addEventListener('change', function(){ onChange(s.value); });
  return s;
}
function findings(list){
  if (!list.length) return null;
  const ul = el('ul');
  for (const f of list) ul.append(el('li', {}, el('span', { class: f.severity + '-sev', text: (S['sev_' + f.severity] || f.severity) + ' ' + f.code }), ' ', f.message));
  return ul;
}
function section(id, title, count, items){
  if (!count) return null;
  const d = el('details', { id: id, open: true }, el('summary', { text: fmt(title, count) }));
  const ul = el('ul');
  for (const i of items) ul.append(i);
  d.append(ul);
  if (count > items.length) d.append(el('p', { class: 'hint', text: fmt(S.more, count - items.length) }));
  return d;
}
function render(m){
  const focused = document.activeElement && document.activeElement.id;
  const typing = focused === 'pattern' ? document.getElementById('pattern').value : undefined;
  const main = el('main');
  const head = el('div', { class: 'head' });
  const left = el('section', { 'aria-labelledby': 'h-mapping' });
  const right = el('section', { 'aria-labelledby': 'h-preview' });
  main.append(head, left, right);
  head.append(el('h1', { text: fmt(S.title, m.file) }));
  head.append(el('p', { class: 'meta' }, m.shape ? m.shape + ' · ' : '', fmt(S.mappingFile, m.mappingPath, m.mappingFrom)));
  if (m.error) head.append(el('div', { class: 'error', role: 'alert', text: m.error }));
  if (m.done) {
    const open = el('button', { id: 'open-first', text: S.openFirst });
    open.addEventListener('click', function(){ send({ type: 'open' }); });
    head.append(el('div', { class: 'done actions', role: 'status' }, el('span', { text: m.done }), m.counts.created + m.counts.updated ? open : null));
  }
  // The mapping.
  left.append(el('h2', { id: 'h-mapping', text: S.mapping }));
  const settings = el('div', { class: 'settings', role: 'group', 'aria-labelledby': 'h-mapping' });
  const cats = [{ value: '', label: m.categoryFromColumn ? S.fromColumn : S.choose }].concat(m.categories);
  settings.append(el('label', { for: 'category', text: S.category }), select('category', S.category, cats, m.category, function(v){ send({ type: 'category', value: v }); }, m.isMail || !!m.done));
  settings.append(el('label', { for: 'key', text: S.key }), select('key', S.key, m.keys.map(function(k){ return { value: k, label: k }; }), m.key, function(v){ send({ type: 'key', value: v }); }, m.isMail || !!m.done));
  const pattern = el('input', { id: 'pattern', type: 'text', value: typing !== undefined ? typing : m.pattern, spellcheck: 'false', disabled: !!m.done, 'aria-describedby': 'pattern-hint' });
  pattern.addEventListener('change', function(){ send({ type: 'pattern', value: pattern.value }); });
  settings.append(el('label', { for: 'pattern', text: S.pattern }), pattern);
  left.append(settings, el('p', { id: 'pattern-hint', class: 'hint', text: S.patternHint }));
  if (m.columns.length) {
    const table = el('table', {}, el('caption', { class: 'hint', text: S.columnsCaption }));
    table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: S.column }), el('th', { scope: 'col', text: S.field }), el('th', { scope: 'col', text: S.samples }))));
    const body = el('tbody');
    const fields = [{ value: '', label: S.notImported }].concat(m.fields);
    m.columns.forEach(function(c, n){
      const s = select('col-' + n, fmt(S.fieldFor, c.header), fields, c.field, function(v){ send({ type: 'column', header: c.header, field: v }); }, !!m.done);
      body.append(el('tr', { class: c.field ? '' : 'unmapped' }, el('th', { scope: 'row', text: c.header }), el('td', {}, s), el('td', { class: 'samples', text: c.samples.join(' · ') })));
    });
    table.append(body);
    left.append(table);
  }
  if (m.defaults.length) {
    const ul = el('ul');
    for (const d of m.defaults) ul.append(el('li', {}, el('span', { class: 'path', text: d.field + ': ' + d.value })));
    left.append(el('p', { class: 'hint', text: S.defaults }), ul);
  }
  // The preview.
  right.append(el('h2', { id: 'h-preview', text: S.preview }));
  const live = el('div', { 'aria-live': 'polite' });
  live.append(el('p', { class: 'summary', id: 'summary', text: m.busy ? S.updating : m.summary }));
  const button = el('button', { id: 'import', disabled: m.busy || !m.writes || !!m.error || !!m.done, text: S.importButton });
  button.addEventListener('click', function(){ send({ type: 'import' }); });
  live.append(el('div', { class: 'actions' }, button, el('span', { class: 'hint', text: m.writes ? fmt(S.writes, m.writes) : S.nothing })));
  right.append(live);
  const row = function(r){
    const li = el('li', {}, el('span', { class: 'path', text: r.path }), ' ', el('span', { class: 'line', text: fmt(S.lineKey, r.line, r.key) }));
    if (r.updates.length) { const ul = el('ul'); for (const u of r.updates) ul.append(el('li', { text: u })); li.append(ul); }
    const f = findings(r.findings); if (f) li.append(f);
    return li;
  };
  [
    section('created', S.created, m.counts.created, m.created.map(row)),
    section('updated', S.updated, m.counts.updated, m.updated.map(row)),
    section('conflicts', S.conflicts, m.conflicts.length, m.conflicts.map(function(c){ return el('li', {}, el('span', { class: 'path', text: c.path }), ' ', el('span', { class: 'line', text: fmt(S.line, c.line) }), ' ', c.text); })),
    section('rejected', S.rejected, m.counts.rejected, m.rejected.map(function(r){ return el('li', { class: r.taken ? 'taken' : '' }, el('span', { class: 'line', text: fmt(S.line, r.line) }), ' ', r.reason); })),
    section('personal', S.personal, m.personal.length, m.personal.map(function(p){ return el('li', {}, el('span', { class: 'line', text: fmt(S.line, p.line) }), ' ', p.field + ' · ' + p.kind + ' · ', el('span', { class: 'path', text: p.masked })); })),
    section('skipped', S.skipped, m.skipped.length, m.skipped.map(function(s){ return el('li', {}, el('span', { class: 'line', text: fmt(S.line, s.line) }), ' ', s.text); })),
    section('notes', S.notes, m.notes.length, m.notes.map(function(n){ return el('li', {}, el('span', { class: 'line', text: fmt(S.line, n.line) }), ' ', n.message); })),
  ].forEach(function(d){ if (d) right.append(d); });
  root.replaceChildren(main);
  const again = focused && document.getElementById(focused);
  if (again) again.focus();
}
function send(m){ vscode.postMessage(m); }
window.addEventListener('message', function(e){ const d = e.data; if (d && d.type === 'model') { S = d.strings; render(d.model); } });
send({ type: 'ready' });
})();
`;

export function importPage(nonce: string, cspSource: string, lang: string, title: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(nonce, cspSource))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${escapeHtml(nonce)}">${CSS}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
