/**
 * Record labels, filing stamps (归档章) and box spines (DOMAIN.md §4) as one printable HTML document: the
 * markup the webview shows and the "export as standalone HTML" writes. Every record-derived string is
 * masked (model.ts) and HTML-escaped here; no remote resources, no inline event handlers.
 */
import type { RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { archiveFormat } from '../archive/expected';
import { labelData, maskPersonal, type LabelData } from './model';
import { retentionLabel } from '../retention/labels';
import { labelCss, normalisePreset, PRESETS, type LabelPreset } from './styles';
import { escapeHtml as e } from '../text/escape';
import { H } from './headings';
import { htmlDocument } from '../text/html';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';

export { renderToolbar } from './toolbar';

export type LabelKind = 'record' | 'stamp' | 'spine';
export const LABEL_KINDS: readonly LabelKind[] = ['record', 'stamp', 'spine'];

export interface BoxRange {
  /** Archive numbers of the first and last item in the box. */
  from: string;
  to: string;
  boxNo: string;
  /** The archive numbers in the box, in order (boxesFor sets them; the box note sheet lists what became of them). */
  items?: string[];
}

export interface LabelOptions {
  kinds: LabelKind[];
  preset: LabelPreset;
  language: DocLang;
  title: string;
  /** Webview only: the script/style nonce and the webview's resource source for the CSP. */
  nonce?: string;
  cspSource?: string;
  boxes?: BoxRange[];
  /** Print the record's title on record labels (default true). */
  showTitle?: boolean;
}

function dataLang(language: DocLang): 'zh' | 'en' {
  return language === 'en' ? 'en' : 'zh';
}

function kv(head: Bilingual, value: string, language: DocLang): string {
  return `<span class="line"><span class="k">${e(pick(head, language))}</span>${e(value)}</span>`;
}

function recordLabel(d: LabelData, o: LabelOptions): string {
  const lang = o.language;
  const parts = [
    `<div class="line cat">${e(pick(d.category, lang))}</div>`,
    `<div class="line cust">${e(d.customer)}</div>`,
    `<div class="line no">${e(d.archiveNo)}</div>`,
  ];
  if (o.showTitle !== false && d.title) parts.push(`<div class="line title">${e(d.title)}</div>`);
  parts.push(`<div class="meta">${kv(H.archiveDate, d.archiveDate, lang)}${kv(H.retention, pick(d.retention, lang), lang)}</div>`);
  return `<article class="label record">${parts.join('')}</article>`;
}

/**
 * A stamp cell's value: in both languages the Chinese and the English each on a line of its own (`30年` over
 * `30 years`), so a narrow cell shows both instead of cutting the second off.
 */
function stampValue(value: string | Bilingual, language: DocLang): string {
  if (typeof value === 'string') return `<span class="v">${e(value)}</span>`;
  if (language !== 'both' || value.zh === value.en || !value.en) return `<span class="v">${e(pick(value, language))}</span>`;
  return `<span class="v">${e(value.zh)}</span><span class="v en">${e(value.en)}</span>`;
}

/**
 * A value in both languages for a cell of fixed width (a spine's): Chinese over English on two
 * lines (the stamp's cells do it in stampValue), as one line "10年 10 years" does not fit and was cut to "10年 10 ye…".
 */
function twoLines(text: Bilingual, language: DocLang): string {
  if (language !== 'both' || text.zh === text.en) return e(pick(text, language));
  return `${e(text.zh)}<span class="en">${e(text.en)}</span>`;
}

function stampCell(head: Bilingual, value: string | Bilingual, language: DocLang): string {
  return `<td><span class="k">${e(pick(head, language))}</span>${stampValue(value, language)}</td>`;
}

/**
 * 归档章 (DA/T 22-2015 §5.4, Appendix A): 全宗号 | 年度 | 件号 over 机构(问题) | 保管期限 | 页数; 机构(问题) is the
 * category's 问题 code, 保管期限 the governing retention. No customer name on the stamp.
 */
function stampLabel(d: LabelData, o: LabelOptions): string {
  const l = o.language;
  const row1 = stampCell(H.fonds, d.fonds, l) + stampCell(H.year, d.year, l) + stampCell(H.itemNo, d.itemNo, l);
  const row2 = stampCell(H.org, d.subject, l) + stampCell(H.retention, d.retention, l) + stampCell(H.pages, d.pages, l);
  return `<article class="label stamp"><table class="stamp"><tr>${row1}</tr><tr>${row2}</tr></table></article>`;
}

function span(a: string | undefined, b: string | undefined): string {
  const x = a ?? '';
  const y = b ?? '';
  return x === y || y === '' ? x : x === '' ? y : `${x}–${y}`;
}

/**
 * Box spine (DA/T 22-2015 §6.4.1, Appendix D): 全宗号, 年度, 保管期限, 机构(问题), first–last 件号, 盒号 — read from
 * the first and last archive numbers of the box. 机构(问题) is the category's code: a box never mixes them.
 */
function spineLabel(box: BoxRange, schema: Schema, o: LabelOptions): string {
  const l = o.language;
  const from = maskPersonal(box.from.trim());
  const to = maskPersonal(box.to.trim());
  const a = archiveFormat(schema).parse(from);
  const b = archiveFormat(schema).parse(to);
  const fonds = span(a?.fonds ?? schema.archiveNumber.fonds, b?.fonds);
  const items = a && b ? span(a.number, b.number) : span(from, to);
  // Retention in both languages goes on two lines; one box holds one retention period, so one label.
  const retA = a?.retention ? retentionLabel(a.retention) : undefined;
  const retB = b?.retention ? retentionLabel(b.retention) : undefined;
  const retention = retA && retB && retA.zh !== retB.zh ? e(span(pick(retA, l), pick(retB, l))) : (retA ?? retB) ? twoLines((retA ?? retB)!, l) : '';
  const rows: [Bilingual, string][] = [
    [H.fonds, e(fonds)],
    [H.year, e(span(a?.year, b?.year))],
    [H.retention, retention],
    [H.org, e(span(a?.subject, b?.subject))],
    [H.items, e(items)],
    [H.boxNo, e(maskPersonal(box.boxNo))],
  ];
  const body = rows.map(([h, v]) => `<tr><th>${e(pick(h, l))}</th><td>${v}</td></tr>`).join('');
  return `<article class="label spine"><table class="spine">${body}</table></article>`;
}

function pages(labels: string[], perPage: number, kind: LabelKind): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += perPage) {
    out.push(`<section class="page" data-kind="${kind}">\n${labels.slice(i, i + perPage).join('\n')}\n</section>`);
  }
  return out;
}

/** A complete standalone HTML document with the chosen kinds of labels, laid out for the preset. */
export function renderLabelsHtml(records: readonly RecordEntry[], schema: Schema, options: LabelOptions): string {
  const preset = normalisePreset(options.preset);
  const language = normaliseLanguage(options.language);
  const o: LabelOptions = { ...options, preset, language };
  const p = PRESETS[preset];
  const perPage = p.cols * p.rows;
  const kinds = LABEL_KINDS.filter((k) => options.kinds.includes(k));
  const data = kinds.some((k) => k !== 'spine') ? records.map((r) => labelData(r, schema, dataLang(language))) : [];
  const sections: string[] = [];
  for (const kind of kinds) {
    let labels: string[];
    if (kind === 'record') labels = data.map((d) => recordLabel(d, o));
    else if (kind === 'stamp') labels = data.map((d) => stampLabel(d, o));
    else labels = (options.boxes ?? []).map((b) => spineLabel(b, schema, o));
    sections.push(...pages(labels, perPage, kind));
  }
  const body = sections.length > 0 ? `<main>\n${sections.join('\n')}\n</main>` : `<main><p class="empty">${e(pick(H.empty, language))}</p></main>`;
  return htmlDocument({
    title: options.title,
    language,
    css: labelCss(preset),
    body,
    bodyClass: `preset-${preset}`,
    nonce: options.nonce,
    cspSource: options.cspSource,
  });
}
