/**
 * The page's editing: a cell edits its field with the schema's type (a date picker, an allowed-values list
 * with labels, a number), asks the host what check would say as the person types, and saves on Enter
 * only when the host wrote it; the bulk bar's value takes the same editors.
 */
export const EDIT_SCRIPT = String.raw`
let editing = null, seq = 0;
function isEditing() { return editing !== null; }
function editorFor(c, raw) {
  let x;
  if (c.options || c.type === 'boolean') {
    x = el('select');
    const opts = c.options || [{ value: 'true', label: S.yes }, { value: 'false', label: S.no }];
    const blank = el('option', '', ''); blank.value = ''; x.appendChild(blank);
    let known = raw === '';
    for (const o of opts) { const op = el('option', '', o.label === o.value ? o.value : o.label + ' (' + o.value + ')'); op.value = o.value; x.appendChild(op); if (o.value === raw) known = true; }
    if (!known) { const op = el('option', '', raw); op.value = raw; x.appendChild(op); }
  } else {
    x = el('input');
    x.type = c.type === 'date' && /^\d{4}-\d{2}-\d{2}$|^$/.test(raw) ? 'date' : 'text';
    if (c.type === 'number' || c.type === 'money') x.inputMode = 'decimal';
    x.spellcheck = false;
  }
  x.value = raw;
  return x;
}
function startEdit(line, col) {
  if (readOnly || editing) return;
  const d = cache.get(line); const c = shownCols()[col - FIXED];
  if (!d || d.kind !== 'row' || !c || !c.editable) return;
  const r = document.querySelector('#rows .row[data-line="' + line + '"]'); if (!r) return;
  const td = r.children[col]; const raw = d.raw[col - FIXED] || '';
  const x = editorFor(c, raw); x.className = 'editor'; x.setAttribute('aria-describedby', 'problems'); x.setAttribute('aria-label', fmt(S.editing, c.label) + '. ' + S.editHint);
  editing = { line, col, key: d.key, field: c.key, input: x, td, seq: 0, saveSeq: -1, original: raw, saving: false };
  td.replaceChildren(x); x.focus(); if (x.select) x.select();
  $('problems').replaceChildren();
  const check = debounce(() => { if (!editing || editing.saving) return; editing.seq = ++seq; post({ type: 'check', seq: editing.seq, key: editing.key, field: editing.field, value: x.value }); }, 150);
  x.addEventListener('input', check); x.addEventListener('change', check);
  x.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); endEdit(); }
    else if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); save(); }
  });
}
function save() {
  if (!editing || editing.saving) return;
  if (editing.input.value === editing.original) { endEdit(); return; }
  editing.saving = true; editing.saveSeq = ++seq;
  post({ type: 'edit', seq: editing.saveSeq, key: editing.key, field: editing.field, value: editing.input.value });
}
function endEdit() {
  if (!editing) return;
  const { line, col } = editing; editing = null; $('problems').replaceChildren();
  render(); moveTo(line, col);
}
function showFindings(m) {
  const p = $('problems'); p.replaceChildren();
  if (m.reason) p.appendChild(el('div', 'error', m.type === 'edited' ? fmt(S.refused, m.reason) : m.reason));
  for (const f of m.findings || []) p.appendChild(el('div', f.severity === 'error' ? 'error' : 'warning', f.code + ': ' + f.message));
}
function onEditReply(m) {
  // A check answered after Enter is stale: only the save's answer counts then.
  if (!editing || m.seq !== (m.type === 'edited' ? editing.saveSeq : editing.saving ? -1 : editing.seq)) return;
  editing.input.setAttribute('aria-invalid', m.ok ? 'false' : 'true');
  if (m.type === 'edited') {
    editing.saving = false;
    if (m.applied) {
      const d = cache.get(editing.line); const c = shownCols()[editing.col - FIXED];
      if (d && c) { const v = editing.input.value; const o = (c.options || []).find((x) => x.value === v); d.raw[editing.col - FIXED] = v; d.cells[editing.col - FIXED] = o ? o.label : v; }
      const findings = m.findings; endEdit();
      if (findings && findings.length) showFindings({ findings });
      return;
    }
  }
  showFindings(m);
}
function bulkValueEditor() {
  const c = colOf($('bulkField').value); const slot = $('bulkValueSlot'); slot.replaceChildren();
  // Setting the category moves the records to it: the button says so.
  $('bulkSet').textContent = c && c.type === 'category' ? S.moveTo : S.setField;
  if (!c) return;
  const x = editorFor(c, ''); x.id = 'bulkValue'; x.setAttribute('aria-label', S.value); slot.appendChild(x);
}
function bulkValue() { const x = $('bulkValue'); return x ? x.value : ''; }
`;
