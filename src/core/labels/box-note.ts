/**
 * 备考表 (box note sheet), DA/T 22-2015 §6.4.2 and Appendix E: placed in each box after its documents, with
 * 盒内文件情况说明 (what of the box is missing, changed, added, taken out or destroyed: 缺损、修改、补充、移出、
 * 销毁), 整理人, 整理日期, 检查人, 检查日期. The box is named by its spine's items (全宗号, 年度, 保管期限,
 * 机构(问题), 起止件号, 盒号). What the records say is filled in; what only a person knows (damage, pages
 * replaced, signatures) has lines left to write on.
 */
import { archiveFormat } from '../archive/expected';
import { scalarText, type RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { retentionLabel } from '../retention/labels';
import { escapeHtml as e } from '../text/escape';
import { htmlDocument } from '../text/html';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';
import type { GoneItem } from './gone';
import { H } from './headings';
import type { BoxRange } from './html';
import { maskPersonal, remarkOf } from './model';
import { BASE_CSS, FONT_STACK, MONO_STACK } from './styles';

export interface BoxNoteOptions {
  language: DocLang;
  title: string;
  nonce?: string;
  cspSource?: string;
  gone?: readonly GoneItem[];
}

/** What the sheet says of one box. */
export interface BoxNote {
  box: BoxRange;
  fonds: string;
  year: string;
  retention: string;
  subject: string;
  count: number;
  /** One line per item that left the box or may not leave it: archive number, title and what became of it. */
  notes: { archiveNo: string; title: string; remark: Bilingual }[];
  arrangedBy: string[];
  arrangedOn: string;
  checkedBy: string[];
  checkedOn: string;
}

const distinct = (values: string[]) => [...new Set(values.filter(Boolean))];
const latest = (values: string[]) =>
  values
    .filter((v) => /^\d{4}-\d{2}-\d{2}/.test(v))
    .sort()
    .pop()
    ?.slice(0, 10) ?? '';

/** The notes of each box, from its records (archived_by/at, checked_by/at, status, hold) and its gone items. */
export function boxNotes(boxes: readonly BoxRange[], records: readonly RecordEntry[], schema: Schema, gone: readonly GoneItem[] = []): BoxNote[] {
  const format = archiveFormat(schema);
  const byNo = new Map(records.map((r) => [scalarText(r.data?.archive_no).trim(), r]));
  const goneByNo = new Map(gone.map((g) => [g.archiveNo, g]));
  return boxes.map((box) => {
    const items = box.items ?? [box.from, box.to];
    const parts = format.parse(box.from);
    const inBox = items.map((n) => byNo.get(n)).filter((r): r is RecordEntry => r !== undefined);
    const v = (r: RecordEntry, k: string) => maskPersonal(scalarText(r.data?.[k]).trim());
    const notes: BoxNote['notes'] = [];
    for (const n of items) {
      const r = byNo.get(n);
      const g = goneByNo.get(n);
      const remark = r ? remarkOf(r) : g?.remark;
      if (remark?.zh) notes.push({ archiveNo: maskPersonal(n), title: r ? v(r, 'title') : (g?.title ?? ''), remark });
    }
    return {
      box,
      fonds: parts?.fonds ?? schema.archiveNumber.fonds,
      year: parts?.year ?? '',
      retention: parts?.retention ?? '',
      subject: parts?.subject ?? '',
      count: items.length,
      notes,
      arrangedBy: distinct(inBox.map((r) => v(r, 'archived_by'))),
      arrangedOn: latest(inBox.map((r) => v(r, 'archived_at'))),
      checkedBy: distinct(inBox.map((r) => v(r, 'checked_by'))),
      checkedOn: latest(inBox.map((r) => v(r, 'checked_at'))),
    };
  });
}

const CSS = `${BASE_CSS}
@page{size:A4;margin:20mm}
.sheet{width:210mm;min-height:297mm;margin:8mm auto;padding:20mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);font:11pt ${FONT_STACK}}
.sheet h1{font-size:20pt;text-align:center;letter-spacing:0.5em;margin:0 0 6mm}
.sheet table{width:100%;border-collapse:collapse;table-layout:fixed}
.sheet th,.sheet td{border:0.3mm solid #000;padding:2mm;vertical-align:top;word-break:break-all}
.sheet th{font-weight:normal;text-align:center;width:26mm}
.sheet .id td{font-family:${MONO_STACK};text-align:center}
.sheet .contents td{height:150mm}
.sheet .contents ol{margin:0 0 4mm;padding-left:6mm}
.sheet .contents .write{border-bottom:0.2mm solid #999;height:8mm}
.sheet .sign td{height:14mm}
@media print{.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none;break-after:page;page-break-after:always}
 .sheet:last-of-type{break-after:auto;page-break-after:auto}}
`;

function sheet(n: BoxNote, schema: Schema, l: DocLang): string {
  const idHead = [H.fonds, H.year, H.retention, H.org, H.items, H.boxNo].map((h) => `<th>${e(pick(h, l))}</th>`).join('');
  const items = n.box.items && n.box.items.length > 1 ? [n.box.from, n.box.to] : [n.box.from];
  const range = items.map((x) => format(x, schema)).join('–');
  const idRow = [n.fonds, n.year, pick(retentionLabel(n.retention), l), n.subject, range, n.box.boxNo].map((x) => `<td>${e(x)}</td>`).join('');
  const count = pick({ zh: `本盒共有文件 ${n.count} 件。`, en: `${n.count} item${n.count === 1 ? '' : 's'} in this box.` }, l);
  const lines = n.notes.map((x) => `<li>${e(`${x.archiveNo} ${x.title}`.trim())}：${e(pick(x.remark, l))}</li>`).join('');
  const write = '<div class="write"></div>'.repeat(Math.max(3, 8 - n.notes.length));
  const sign = (head: Bilingual, value: string) => `<th>${e(pick(head, l))}</th><td>${e(value)}</td>`;
  return [
    '<section class="sheet box-note" data-kind="box-note">',
    `<h1>${e(pick(H.boxNote, l))}</h1>`,
    `<table class="id"><tr>${idHead}</tr><tr>${idRow}</tr></table>`,
    `<table class="contents"><tr><th>${e(pick(H.boxContents, l))}</th><td><p>${e(count)}</p>${lines ? `<ol>${lines}</ol>` : ''}${write}</td></tr></table>`,
    `<table class="sign"><tr>${sign(H.arrangedBy, n.arrangedBy.join('、'))}${sign(H.arrangedOn, n.arrangedOn)}</tr>`,
    `<tr>${sign(H.checkedBy, n.checkedBy.join('、'))}${sign(H.checkedOn, n.checkedOn)}</tr></table>`,
    '</section>',
  ].join('\n');
}

/** The item number of an archive number, or the number itself when the format cannot read it. */
function format(archiveNo: string, schema: Schema): string {
  return maskPersonal(archiveFormat(schema).parse(archiveNo)?.number ?? archiveNo);
}

/** One A4 备考表 per box, as a printable standalone HTML document (the labels' shell, CSP and toolbar marker). */
export function renderBoxNotesHtml(boxes: readonly BoxRange[], records: readonly RecordEntry[], schema: Schema, options: BoxNoteOptions): string {
  const l = normaliseLanguage(options.language);
  const notes = boxNotes(boxes, records, schema, options.gone);
  const body = notes.length
    ? `<main>\n${notes.map((n) => sheet(n, schema, l)).join('\n')}\n</main>`
    : `<main><p class="empty">${e(pick(H.empty, l))}</p></main>`;
  return htmlDocument({ title: options.title, language: l, css: CSS, body, bodyClass: 'box-note-doc', nonce: options.nonce, cspSource: options.cspSource });
}
