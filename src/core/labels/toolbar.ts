/**
 * The webview's toolbar, injected at the `<!--toolbar-->` marker. Its one script carries the nonce and
 * talks to the extension host by messages only:
 *   {type: 'print' | 'exportHtml' | 'exportCsv' | 'exportCatalogue' | 'options', preset, language, kinds}
 * Print also calls window.print(); the host may offer a fallback (open in the browser) when it cannot.
 */
import type { Bilingual } from '../model/schema';
import { PRESET_NAMES, PRESETS, type LabelPreset } from './styles';
import { escapeHtml as e } from '../text/escape';
import { pick, type DocLang } from '../text/bilingual';

/** What the preview shows: the labels, the catalogue with its covers, or the box note sheets. */
export type PreviewDocument = 'labels' | 'catalogue' | 'box-notes';
export const PREVIEW_DOCUMENTS: readonly PreviewDocument[] = ['labels', 'catalogue', 'box-notes'];

export interface ToolbarState {
  preset?: LabelPreset;
  kinds?: readonly ('record' | 'stamp' | 'spine')[];
  document?: PreviewDocument;
}

const T = {
  preset: { zh: '标签纸', en: 'Label stock' },
  language: { zh: '语言', en: 'Language' },
  record: { zh: '档案标签', en: 'Record labels' },
  stamp: { zh: '归档章', en: 'Filing stamps' },
  spine: { zh: '盒脊', en: 'Box spines' },
  print: { zh: '打印', en: 'Print' },
  exportHtml: { zh: '导出 HTML', en: 'Export HTML' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportCatalogue: { zh: '导出归档文件目录', en: 'Export catalogue' },
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
  both: { zh: '中英对照', en: 'Both' },
  document: { zh: '文档', en: 'Document' },
  labels: { zh: '标签与归档章', en: 'Labels and stamps' },
  catalogue: { zh: '归档文件目录', en: 'Catalogue' },
  'box-notes': { zh: '备考表', en: 'Box note sheets' },
} satisfies Record<string, Bilingual>;

function presetName(name: LabelPreset, language: DocLang): string {
  const p = PRESETS[name];
  if (p.cols * p.rows === 1) return pick({ zh: `热敏 ${p.width}×${p.height} mm`, en: `Thermal ${p.width}×${p.height} mm` }, language);
  return `A4 ${p.cols}×${p.rows} (${p.width}×${p.height} mm)`;
}

const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const byId = (id) => document.getElementById(id);
  function state() {
    const kinds = Array.from(document.querySelectorAll('input[name="rc-kind"]:checked')).map((el) => el.value);
    return { preset: byId('rc-preset').value, language: byId('rc-language').value, document: byId('rc-document').value, kinds };
  }
  function post(type) { vscode.postMessage(Object.assign({ type }, state())); }
  document.querySelectorAll('.toolbar [data-action]').forEach((button) => {
    button.addEventListener('click', () => {
      const type = button.getAttribute('data-action');
      post(type);
      if (type === 'print') { try { window.print(); } catch (err) { /* the host decides */ } }
    });
  });
  byId('rc-preset').addEventListener('change', () => post('options'));
  byId('rc-language').addEventListener('change', () => post('options'));
  byId('rc-document').addEventListener('change', () => post('options'));
  document.querySelectorAll('input[name="rc-kind"]').forEach((el) => el.addEventListener('change', () => post('options')));
})();`;

/** Toolbar markup plus its nonce'd script, for the webview only (the standalone export has no script). */
export function renderToolbar(nonce: string, language: DocLang, current: ToolbarState = {}): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('labels: the nonce must be base64 or hex characters');
  const t = (b: Bilingual) => e(pick(b, language));
  const preset = current.preset ?? 'a4-3x8';
  const kinds = current.kinds ?? ['record'];
  const opt = (value: string, text: string, selected: boolean) => `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(text)}</option>`;
  const presets = PRESET_NAMES.map((n) => opt(n, presetName(n, language), n === preset)).join('');
  const languages = (['zh', 'en', 'both'] as const).map((l) => opt(l, pick(T[l], language), l === language)).join('');
  const doc = current.document ?? 'labels';
  const documents = PREVIEW_DOCUMENTS.map((d) => opt(d, pick(T[d], language), d === doc)).join('');
  // Label stock and kinds only shape the labels; the catalogue and the box note sheets are A4 documents.
  const boxes =
    doc === 'labels'
      ? (['record', 'stamp', 'spine'] as const)
          .map((k) => `<label><input type="checkbox" name="rc-kind" value="${k}"${kinds.includes(k) ? ' checked' : ''}>${t(T[k])}</label>`)
          .join('')
      : '';
  const actions = doc === 'box-notes' ? (['print', 'exportHtml'] as const) : (['print', 'exportHtml', 'exportCsv', 'exportCatalogue'] as const);
  const buttons = actions.map((a) => `<button type="button" data-action="${a}">${t(T[a])}</button>`).join('');
  return [
    `<div class="toolbar" role="toolbar">`,
    `<label>${t(T.document)} <select id="rc-document">${documents}</select></label>`,
    `<label${doc === 'labels' ? '' : ' hidden'}>${t(T.preset)} <select id="rc-preset">${presets}</select></label>`,
    `<label>${t(T.language)} <select id="rc-language">${languages}</select></label>`,
    boxes,
    buttons,
    `</div>`,
    `<script nonce="${e(nonce)}">${SCRIPT}</script>`,
  ].join('\n');
}
