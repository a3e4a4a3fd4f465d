/**
 * The printed form every disposal document shares — register, appraisal opinion, custody plan, inventory:
 * a title, the clause it is made under, a few facts, then sections of tables and paragraphs, with signature
 * rows left blank for a pen. One model, two renderings: Markdown (kept with the records, reviewed in git)
 * and a standalone HTML page (A4, landscape when the tables are wide; no script, nothing loaded).
 */
import { FONT_STACK } from '../labels/styles';
import { htmlDocument } from '../text/html';
import { escapeHtml, escapeMarkdown } from '../text/escape';
import type { DocLang } from '../text/bilingual';

export interface PaperTable {
  head: string[];
  rows: string[][];
  /** A last row in bold (totals). */
  foot?: string[];
  /** Signature tables: taller rows, room for a hand. */
  sign?: boolean;
}

export interface PaperSection {
  heading: string;
  /** Where this part comes from (the clause), under the heading. */
  basis?: string;
  paragraphs?: string[];
  table?: PaperTable;
}

export interface Paper {
  title: string;
  /** The clause the document is made under. */
  basis: string;
  meta: [string, string][];
  /** A warning in a box at the top (a document not yet complete says so). */
  warning?: string[];
  sections: PaperSection[];
  landscape?: boolean;
}

const md = (s: string) => escapeMarkdown(s).replace(/\r?\n/g, '<br>');

function mdTable(t: PaperTable): string[] {
  const rows = [...t.rows, ...(t.foot ? [t.foot.map((c) => (c ? `**${md(c)}**` : ''))] : [])];
  return [
    `| ${t.head.map(md).join(' | ')} |`,
    `|${t.head.map(() => '---').join('|')}|`,
    ...rows.map((r, i) => `| ${r.map((c) => (t.foot && i === rows.length - 1 ? c : md(c))).join(' | ')} |`),
  ];
}

/** The document as Markdown: every value escaped, so a record's title cannot become markup. */
export function paperMarkdown(p: Paper): string {
  const out = [`# ${md(p.title)}`, '', `*${md(p.basis)}*`, ''];
  if (p.warning?.length) out.push(...p.warning.map((w) => `> ${md(w)}`), '');
  out.push(...p.meta.map(([k, v]) => `- ${md(k)}: ${md(v)}`), '');
  for (const s of p.sections) {
    out.push(`## ${md(s.heading)}`, '');
    if (s.basis) out.push(`*${md(s.basis)}*`, '');
    for (const para of s.paragraphs ?? []) out.push(md(para), '');
    if (s.table) out.push(...mdTable(s.table), '');
  }
  return out.join('\n');
}

const CSS = (landscape: boolean) => `@page{size:A4 ${landscape ? 'landscape' : 'portrait'};margin:14mm 12mm}
body{font:10pt ${FONT_STACK};color:#000;background:#eee;margin:0}
.paper{background:#fff;margin:8mm auto;padding:12mm;max-width:${landscape ? '273mm' : '186mm'};box-shadow:0 1px 4px rgba(0,0,0,.3)}
h1{font-size:18pt;text-align:center;margin:0 0 2mm;letter-spacing:.1em}
.basis{text-align:center;font-size:9pt;color:#333;margin:0 0 5mm}
h2{font-size:11.5pt;margin:6mm 0 1.5mm;border-bottom:1px solid #000;padding-bottom:1mm}
.note{font-size:8.5pt;color:#333;margin:0 0 2mm}
table{border-collapse:collapse;width:100%;margin:1mm 0 2mm;page-break-inside:auto}
tr{page-break-inside:avoid}
th,td{border:1px solid #000;padding:1.2mm 1.6mm;text-align:left;vertical-align:top;font-size:9pt}
th{background:#f0f0f0;font-weight:bold}
table.meta{width:auto}table.meta th{width:13em}
table.sign td{height:11mm}
tr.foot td{font-weight:bold}
.warn{border:2px solid #b00020;color:#b00020;padding:2mm 4mm;margin:0 0 4mm}
@media print{body{background:#fff}.paper{margin:0;padding:0;box-shadow:none;max-width:none}.warn{color:#000;border-color:#000}}`;

function htmlTable(t: PaperTable): string {
  const e = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');
  const row = (cells: string[], cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`;
  return `<table${t.sign ? ' class="sign"' : ''}><thead><tr>${t.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>
${t.rows.map((r) => row(r)).join('\n')}${t.foot ? `\n${row(t.foot, 'foot')}` : ''}</tbody></table>`;
}

/** The document as a standalone printable page; every value escaped. */
export function paperHtml(p: Paper, lang: DocLang): string {
  const e = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');
  const body = [
    '<div class="paper">',
    `<h1>${e(p.title)}</h1>`,
    `<p class="basis">${e(p.basis)}</p>`,
    p.warning?.length ? `<div class="warn">${p.warning.map((w) => `<p>${e(w)}</p>`).join('')}</div>` : '',
    `<table class="meta">${p.meta.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>`,
    ...p.sections.map(
      (s) =>
        `<h2>${e(s.heading)}</h2>${s.basis ? `<p class="note">${e(s.basis)}</p>` : ''}${(s.paragraphs ?? []).map((x) => `<p>${e(x)}</p>`).join('')}${s.table ? htmlTable(s.table) : ''}`,
    ),
    '</div>',
  ].join('\n');
  return htmlDocument({ title: p.title, language: lang, css: CSS(p.landscape ?? false), body });
}
