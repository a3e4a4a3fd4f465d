/**
 * The table page's script: it renders only the lines in sight (the host keeps the view and sends windows),
 * writes every value with textContent, and moves a roving focus over the ARIA grid with the keyboard.
 */
export const TABLE_SCRIPT = String.raw`
const vscode = acquireVsCodeApi();
const ROW_H = 26;
const FIXED = 2;
let cols = [], visible = [], widths = {}, S = {}, DISP = {}, readOnly = true, ops = [], query = { sort: undefined, groupBy: 'none', filter: '', columnFilters: {} };
let gen = -1, lineCount = 0, total = 0, all = 0, selectedCount = 0;
const cache = new Map();
const focus = { line: 0, col: FIXED };
let asked = { start: -1, count: 0 };
const $ = (id) => document.getElementById(id);
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function fmt(s, ...a) { return String(s || '').replace(/\{(\d+)\}/g, (_, i) => String(a[+i])); }
function post(m) { vscode.postMessage(m); }
function colOf(key) { return cols.find((c) => c.key === key); }
function shownCols() { return visible.map(colOf).filter(Boolean); }
function layout() {
  const t = ['30px', '170px'].concat(shownCols().map((c) => (widths[c.key] || (c.type === 'file' || c.key === 'title' ? 240 : 130)) + 'px')).join(' ');
  $('grid').style.setProperty('--cols', t);
  $('grid').style.top = document.querySelector('#toolbar').offsetHeight + $('bulk').offsetHeight + 'px';
  $('grid').setAttribute('aria-colcount', String(FIXED + shownCols().length));
}
function labels() {
  $('filter').placeholder = S.filter; $('filter').setAttribute('aria-label', S.filter);
  $('groupLabel').textContent = S.groupBy;
  const g = $('group'); g.replaceChildren();
  for (const k of ['none', 'category', 'customer', 'disposition']) { const o = el('option', '', S[k]); o.value = k; g.appendChild(o); }
  $('columns').textContent = S.columns; $('export').textContent = S.exportCsv; $('exportXlsx').textContent = S.exportXlsx; $('print').textContent = S.print;
  $('selectAll').textContent = S.selectAll; $('clear').textContent = S.clearSelection;
  $('fieldLabel').textContent = S.field; $('valueLabel').textContent = S.value;
  $('bulkSet').textContent = S.setField; $('bulkRemove').textContent = S.removeField; $('bulkRename').textContent = S.renameField; $('coldone').textContent = S.done;
  $('grid').setAttribute('aria-label', S.grid);
  $('bulk').hidden = readOnly;
  $('bulkRemove').hidden = !ops.includes('remove'); $('bulkRename').hidden = !ops.includes('rename');
  const f = $('bulkField'); f.replaceChildren();
  for (const c of cols) if (c.editable) { const o = el('option', '', c.label); o.value = c.key; f.appendChild(o); }
  bulkValueEditor();
  if (readOnly) $('problems').textContent = S.readOnly;
}
function header() {
  const head = $('head'); head.replaceChildren();
  const a = el('div', '', ''); a.setAttribute('role', 'columnheader'); a.setAttribute('aria-label', S.open); head.appendChild(a);
  const b = el('div', '', ''); b.setAttribute('role', 'columnheader'); b.textContent = S.status; head.appendChild(b);
  for (const c of shownCols()) {
    const h = el('div'); h.setAttribute('role', 'columnheader'); h.dataset.key = c.key;
    const sorted = query.sort && query.sort.key === c.key;
    h.setAttribute('aria-sort', sorted ? (query.sort.descending ? 'descending' : 'ascending') : 'none');
    const btn = el('button', 'sort', c.label + (sorted ? (query.sort.descending ? ' ▼' : ' ▲') : ''));
    btn.title = c.label; btn.addEventListener('click', () => post({ type: 'sort', key: c.key }));
    const fi = el('input'); fi.type = 'search'; fi.value = (query.columnFilters || {})[c.key] || ''; fi.setAttribute('aria-label', fmt(S.filterColumn, c.label));
    fi.addEventListener('input', debounce(() => post({ type: 'columnFilter', key: c.key, text: fi.value }), 250));
    const rz = el('span', 'resizer'); rz.setAttribute('role', 'separator'); rz.setAttribute('aria-label', fmt(S.resize, c.label));
    rz.addEventListener('pointerdown', (e) => resize(e, c.key, h));
    h.append(btn, fi, rz); head.appendChild(h);
  }
}
function resize(e, key, h) {
  e.preventDefault(); const x0 = e.clientX; const w0 = h.offsetWidth;
  const move = (ev) => { widths[key] = Math.max(40, Math.min(800, w0 + ev.clientX - x0)); layout(); };
  const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); saveColumns(); };
  window.addEventListener('pointermove', move); window.addEventListener('pointerup', up);
}
function saveColumns() { post({ type: 'columns', visible: visible.slice(), widths: Object.assign({}, widths) }); }
function debounce(fn, ms) { let t; return () => { clearTimeout(t); t = setTimeout(fn, ms); }; }
function range() {
  const body = $('body');
  const first = Math.floor(body.scrollTop / ROW_H);
  const n = Math.ceil(body.clientHeight / ROW_H) + 1;
  return { first, n };
}
function ask() {
  const { first, n } = range();
  const start = Math.max(0, first - 20), count = Math.min(200, n + 40);
  let missing = false;
  for (let l = first; l < Math.min(lineCount, first + n); l++) if (!cache.has(l)) { missing = true; break; }
  if (!missing && asked.start >= 0) return;
  if (asked.start === start && asked.count === count) return;
  asked = { start, count };
  post({ type: 'window', start, count });
}
function cell(text, cls) { const c = el('div', cls || '', text); c.setAttribute('role', 'gridcell'); c.tabIndex = -1; return c; }
function rowEl(line, d) {
  const r = el('div', 'row'); r.setAttribute('role', 'row'); r.setAttribute('aria-rowindex', String(line + 2));
  r.style.top = line * ROW_H + 'px'; r.style.position = 'absolute'; r.style.left = '0'; r.style.right = '0'; r.dataset.line = String(line);
  if (!d) { r.appendChild(cell(S.loading)); return r; }
  if (d.kind === 'group') { r.className = 'row group'; r.appendChild(cell(d.label + ' (' + d.count + ')')); return r; }
  r.dataset.key = d.key; r.setAttribute('aria-selected', d.selected ? 'true' : 'false');
  const o = cell('', ''); const ob = el('button', 'open', '↗'); ob.tabIndex = -1; ob.setAttribute('aria-label', S.open); ob.title = S.open;
  ob.addEventListener('click', (e) => { e.stopPropagation(); post({ type: 'open', key: d.key }); }); o.appendChild(ob); r.appendChild(o);
  const st = cell(''); const says = [];
  if (d.errors) { st.appendChild(el('span', 'badge error', String(d.errors))); says.push(fmt(S.errors, d.errors)); }
  if (d.warnings) { st.appendChild(el('span', 'badge warning', String(d.warnings))); says.push(fmt(S.warnings, d.warnings)); }
  if (!d.errors && !d.warnings) says.push(S.noProblems);
  const dt = DISP[d.disposition] || d.disposition; st.appendChild(el('span', 'disp ' + d.disposition, dt)); says.push(dt);
  st.setAttribute('aria-label', says.join(', ')); st.title = says.join(', '); r.appendChild(st);
  shownCols().forEach((c, i) => { const x = cell(d.cells[i] || ''); x.title = d.cells[i] || ''; x.dataset.col = String(i + FIXED); if (c.editable) x.setAttribute('aria-readonly', 'false'); r.appendChild(x); });
  if (focus.line === line) r.classList.add('focused');
  return r;
}
function render() {
  const { first, n } = range();
  const rows = $('rows'); const keep = document.activeElement && rows.contains(document.activeElement) && !isEditing();
  if (isEditing()) return;
  rows.replaceChildren();
  if (lineCount === 0 && gen >= 0) { rows.appendChild(el('div', 'empty', S.empty)); return; }
  for (let l = Math.max(0, first - 5); l < Math.min(lineCount, first + n + 5); l++) rows.appendChild(rowEl(l, cache.get(l)));
  markFocus(keep);
  ask();
}
function focusedCell() {
  const r = document.querySelector('#rows .row[data-line="' + focus.line + '"]');
  return r ? r.children[Math.min(focus.col, r.children.length - 1)] : undefined;
}
function markFocus(take) {
  document.querySelectorAll('#rows [role=gridcell][tabindex="0"]').forEach((c) => (c.tabIndex = -1));
  const c = focusedCell(); if (!c) return;
  c.tabIndex = 0; if (take) c.focus({ preventScroll: true });
}
function moveTo(line, col) {
  focus.line = Math.max(0, Math.min(lineCount - 1, line)); focus.col = Math.max(0, Math.min(FIXED + shownCols().length - 1, col));
  const body = $('body'); const top = focus.line * ROW_H;
  if (top < body.scrollTop) body.scrollTop = top; else if (top + ROW_H > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW_H - body.clientHeight;
  render(); markFocus(true);
}
function countText() { $('count').textContent = fmt(S.count, total, all); $('sel').textContent = fmt(S.selected, selectedCount); $('bulkSet').disabled = !selectedCount; $('bulkRemove').disabled = !selectedCount; $('bulkRename').disabled = !selectedCount; }
function onKey(e) {
  if (isEditing()) return;
  const page = Math.max(1, Math.floor($('body').clientHeight / ROW_H) - 1);
  const k = e.key; let handled = true;
  if (k === 'ArrowDown') moveTo(focus.line + 1, focus.col);
  else if (k === 'ArrowUp') moveTo(focus.line - 1, focus.col);
  else if (k === 'ArrowLeft') moveTo(focus.line, focus.col - 1);
  else if (k === 'ArrowRight') moveTo(focus.line, focus.col + 1);
  else if (k === 'PageDown') moveTo(focus.line + page, focus.col);
  else if (k === 'PageUp') moveTo(focus.line - page, focus.col);
  else if (k === 'Home') moveTo(e.ctrlKey ? 0 : focus.line, e.ctrlKey ? focus.col : 0);
  else if (k === 'End') moveTo(e.ctrlKey ? lineCount - 1 : focus.line, e.ctrlKey ? focus.col : FIXED + shownCols().length - 1);
  else if (k === 'Enter' || k === 'F2') { const d = cache.get(focus.line); if (d && d.kind === 'row') { if (focus.col === 0) post({ type: 'open', key: d.key }); else if (focus.col >= FIXED) startEdit(focus.line, focus.col); } }
  else if (k === ' ') { const d = cache.get(focus.line); if (d && d.kind === 'row') post({ type: 'select', key: d.key, line: focus.line, mode: e.shiftKey ? 'range' : 'toggle' }); }
  else if ((e.ctrlKey || e.metaKey) && k.toLowerCase() === 'a') post({ type: 'selectAll' });
  else if (k === 'Escape') post({ type: 'clearSelection' });
  else handled = false;
  if (handled) e.preventDefault();
}
function lineAt(t) { const r = t.closest && t.closest('#rows .row'); return r ? { r, line: Number(r.dataset.line) } : undefined; }
function start() {
  const body = $('body');
  body.addEventListener('scroll', () => requestAnimationFrame(render));
  window.addEventListener('resize', () => { layout(); render(); });
  body.addEventListener('keydown', onKey);
  // A double click is two clicks on one cell, counted here: the first selects the row, and when the host's answer
  // re-renders the rows between the two, the second lands on a new element and the browser's dblclick never comes.
  let lastClick = { line: -1, col: -1, at: 0 };
  body.addEventListener('click', (e) => {
    const at = lineAt(e.target); if (!at || isEditing()) return; const d = cache.get(at.line); if (!d || d.kind !== 'row') return;
    const c = e.target.closest('[role=gridcell]'); focus.line = at.line; focus.col = c ? Array.prototype.indexOf.call(at.r.children, c) : focus.col;
    const now = Date.now(); const twice = lastClick.line === at.line && lastClick.col === focus.col && now - lastClick.at < 500;
    lastClick = twice ? { line: -1, col: -1, at: 0 } : { line: at.line, col: focus.col, at: now };
    if (twice && c && c.dataset.col && !e.shiftKey && !e.ctrlKey && !e.metaKey) { startEdit(at.line, Number(c.dataset.col)); return; }
    post({ type: 'select', key: d.key, line: at.line, mode: e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only' });
    markFocus(true);
  });
  $('filter').addEventListener('input', debounce(() => post({ type: 'filter', text: $('filter').value }), 250));
  $('group').addEventListener('change', () => post({ type: 'group', by: $('group').value }));
  $('export').addEventListener('click', () => post({ type: 'export', format: 'csv' }));
  $('exportXlsx').addEventListener('click', () => post({ type: 'export', format: 'xlsx' }));
  $('print').addEventListener('click', () => post({ type: 'print' }));
  $('selectAll').addEventListener('click', () => post({ type: 'selectAll' }));
  $('clear').addEventListener('click', () => post({ type: 'clearSelection' }));
  $('bulkField').addEventListener('change', bulkValueEditor);
  $('bulkSet').addEventListener('click', () => post({ type: 'bulk', op: 'set', field: $('bulkField').value, value: bulkValue() }));
  $('bulkRemove').addEventListener('click', () => post({ type: 'bulk', op: 'remove', field: $('bulkField').value }));
  $('bulkRename').addEventListener('click', () => post({ type: 'bulk', op: 'rename' }));
  $('columns').addEventListener('click', toggleColumns);
  $('coldone').addEventListener('click', toggleColumns);
  window.addEventListener('message', (ev) => onMessage(ev.data));
  post({ type: 'ready' });
}
function onMessage(m) {
  if (m.type === 'init') {
    cols = m.columns; visible = m.visible; widths = m.widths || {}; S = m.strings; DISP = m.dispositions; readOnly = m.readOnly; ops = m.operations || []; query = m.query;
    // Sent again when the schema changes: what the person is typing in the filter meanwhile is kept.
    labels(); if (document.activeElement !== $('filter')) $('filter').value = query.filter || ''; $('group').value = query.groupBy || 'none'; header(); layout();
  } else if (m.type === 'view') {
    gen = m.generation; lineCount = m.lineCount; total = m.total; all = m.all; selectedCount = m.selected; query = m.query; cache.clear(); asked = { start: -1, count: 0 };
    $('spacer').style.height = lineCount * ROW_H + 'px'; $('grid').setAttribute('aria-rowcount', String(lineCount + 1));
    if (focus.line >= lineCount) focus.line = Math.max(0, lineCount - 1);
    header(); countText(); render();
  } else if (m.type === 'rows') {
    if (m.generation !== gen) return;
    if (cache.size > 3000) cache.clear();
    for (const d of m.lines) cache.set(d.line, d);
    render();
  } else if (m.type === 'selection') { selectedCount = m.selected; countText(); }
  else if (m.type === 'checked' || m.type === 'edited') onEditReply(m);
}
function toggleColumns() {
  const p = $('colpanel'); p.hidden = !p.hidden; $('columns').setAttribute('aria-expanded', String(!p.hidden));
  if (p.hidden) { $('columns').focus(); return; }
  p.style.top = document.querySelector('#toolbar').offsetHeight + 'px';
  const list = $('collist'); list.replaceChildren();
  const order = visible.concat(cols.map((c) => c.key).filter((k) => !visible.includes(k)));
  order.forEach((key, i) => {
    const c = colOf(key); if (!c) return;
    const li = el('li'); const cb = el('input'); cb.type = 'checkbox'; cb.checked = visible.includes(key); cb.id = 'col-' + i;
    const lb = el('label', '', c.label); lb.htmlFor = cb.id;
    cb.addEventListener('change', () => { visible = cb.checked ? visible.concat([key]) : visible.filter((k) => k !== key); apply(); });
    const up = el('button', '', '↑'); up.setAttribute('aria-label', S.moveUp + ' ' + c.label); up.disabled = !visible.includes(key) || visible.indexOf(key) === 0;
    up.addEventListener('click', () => { const j = visible.indexOf(key); visible.splice(j, 1); visible.splice(j - 1, 0, key); apply(); });
    const dn = el('button', '', '↓'); dn.setAttribute('aria-label', S.moveDown + ' ' + c.label); dn.disabled = !visible.includes(key) || visible.indexOf(key) === visible.length - 1;
    dn.addEventListener('click', () => { const j = visible.indexOf(key); visible.splice(j, 1); visible.splice(j + 1, 0, key); apply(); });
    li.append(cb, lb, up, dn); list.appendChild(li);
  });
  p.querySelector('input').focus();
  function apply() { if (!visible.length) return; cache.clear(); asked = { start: -1, count: 0 }; header(); layout(); saveColumns(); toggleColumns(); toggleColumns(); render(); }
}
`;
