/**
 * The Health Report's inline SVG charts, drawn by hand (no library). Every element that stands for records
 * carries `data-key` (a `members` key of the stats) and is focusable, so a webview can open those records.
 * Colours are explicit attributes (no inline style: the webview's CSP forbids it); text is escaped here.
 */
import type { Bilingual } from '../model/schema';
import { escapeHtml as e } from '../text/escape';
import { pick, type DocLang } from '../text/bilingual';
import type { HealthStats } from './stats';

export const COLOURS = {
  ok: '#2e7d32',
  error: '#c62828',
  amber: '#b26a00',
  bar: '#1565c0',
  overdue: '#c62828',
  track: '#9e9e9e',
} as const;

export const STATE_LABELS: Record<string, Bilingual> = {
  due: { zh: '到期待处置', en: 'Due for disposal' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  hold: { zh: '暂缓处置（保全）', en: 'On hold' },
  'pending-destruction': { zh: '待销毁', en: 'Pending destruction' },
  active: { zh: '在用', en: 'Active' },
  retention: { zh: '保管期内', en: 'Retention running' },
  transferred: { zh: '已移交', en: 'Transferred' },
  destroyed: { zh: '已销毁', en: 'Destroyed' },
};

const STATE_COLOURS: Record<string, string> = {
  due: COLOURS.error,
  'due-soon': COLOURS.amber,
  hold: '#6a1b9a',
  'pending-destruction': '#ad1457',
  active: COLOURS.ok,
  retention: COLOURS.bar,
  transferred: '#00838f',
  destroyed: '#616161',
};

const T = {
  complete: { zh: '完整', en: 'complete' },
  withErrors: { zh: '有错误', en: 'with errors' },
  records: { zh: '条记录', en: 'records' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  byCategory: { zh: '各类别记录数（完整 / 有错误）', en: 'Records per category (complete / with errors)' },
  byDisposition: { zh: '处置状态', en: 'Disposition state' },
  timeline: { zh: '未来 12 个月保管期满', en: 'Retention ending by month (next 12 months)' },
} satisfies Record<string, Bilingual>;

export function stateLabel(state: string): Bilingual {
  return STATE_LABELS[state] ?? { zh: state, en: state };
}

const W = 720;
const LABEL_W = 210;
const ROW = 30;

/** A focusable group standing for the records of `key`. */
function item(key: string, label: string, inner: string): string {
  return `<g class="hit" data-key="${e(key)}" tabindex="0" role="button" aria-label="${e(label)}">${inner}</g>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"/>`;
}

function text(x: number, y: number, s: string, cls = 't', anchor = 'start'): string {
  return `<text class="${cls}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}">${e(s)}</text>`;
}

function svg(height: number, title: string, body: string, width = W): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="group" aria-label="${e(title)}">${body}</svg>`;
}

function figure(title: string, chart: string): string {
  return `<figure class="panel"><figcaption>${e(title)}</figcaption>${chart}</figure>`;
}

function count(n: number, lang: DocLang): string {
  return lang === 'en' ? `${n} ${T.records.en}` : `${n} ${pick(T.records, lang)}`;
}

/** Horizontal bars per category: the complete part and the part with errors, completeness as a percentage. */
export function categoryChart(stats: HealthStats, lang: DocLang): string {
  const rows = stats.byCategory;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barW = W - LABEL_W - 70;
  const parts = rows.map((c, i) => {
    const y = i * ROW + 6;
    const name = pick(c.label, lang);
    const pct = c.count ? Math.round((c.complete / c.count) * 100) : 100;
    const okW = (c.complete / max) * barW;
    const errN = c.count - c.complete;
    const errW = (errN / max) * barW;
    const label = item(
      `category:${c.key}`,
      `${name}: ${count(c.count, lang)}`,
      rect(0, y - 3, LABEL_W - 8, ROW - 4, 'transparent') + text(LABEL_W - 12, y + 15, name, 't', 'end'),
    );
    const ok = item(`complete:${c.key}`, `${name}: ${c.complete} ${pick(T.complete, lang)}`, rect(LABEL_W, y, okW, ROW - 10, COLOURS.ok));
    const bad = item(`errors:${c.key}`, `${name}: ${errN} ${pick(T.withErrors, lang)}`, rect(LABEL_W + okW, y, errW, ROW - 10, COLOURS.error));
    const tail = text(LABEL_W + okW + errW + 6, y + 15, c.count ? `${c.complete}/${c.count} · ${pct}%` : '0', 'n');
    return `<g>${label}${ok}${bad}${tail}</g>`;
  });
  const legend =
    `${rect(LABEL_W, rows.length * ROW + 8, 12, 12, COLOURS.ok)}${text(LABEL_W + 16, rows.length * ROW + 18, pick(T.complete, lang), 'n')}` +
    `${rect(LABEL_W + 120, rows.length * ROW + 8, 12, 12, COLOURS.error)}${text(LABEL_W + 136, rows.length * ROW + 18, pick(T.withErrors, lang), 'n')}`;
  return figure(pick(T.byCategory, lang), svg(rows.length * ROW + 28, pick(T.byCategory, lang), parts.join('') + legend));
}

/** Horizontal bars per disposition state. */
export function dispositionChart(stats: HealthStats, lang: DocLang): string {
  const rows = stats.byDisposition;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barW = W - LABEL_W - 60;
  const parts = rows.map((d, i) => {
    const y = i * ROW + 6;
    const name = pick(stateLabel(d.state), lang);
    const w = (d.count / max) * barW;
    return item(
      `disposition:${d.state}`,
      `${name}: ${count(d.count, lang)}`,
      rect(0, y - 3, LABEL_W + w + 50, ROW - 4, 'transparent') +
        text(LABEL_W - 12, y + 15, name, 't', 'end') +
        rect(LABEL_W, y, w, ROW - 10, STATE_COLOURS[d.state] ?? COLOURS.track) +
        text(LABEL_W + w + 6, y + 15, String(d.count), 'n'),
    );
  });
  return figure(pick(T.byDisposition, lang), svg(Math.max(1, rows.length) * ROW + 8, pick(T.byDisposition, lang), parts.join('')));
}

/** Columns: overdue, then each of the next 12 months. */
export function timelineChart(stats: HealthStats, lang: DocLang): string {
  const cols = stats.timeline;
  const max = Math.max(1, ...cols.map((c) => c.count));
  const H = 180;
  const top = 20;
  const slot = W / Math.max(1, cols.length);
  const parts = cols.map((c, i) => {
    const x = i * slot;
    const h = (c.count / max) * (H - top);
    const name = c.month === 'overdue' ? pick(T.overdue, lang) : c.month;
    return item(
      `month:${c.month}`,
      `${name}: ${count(c.count, lang)}`,
      rect(x + 2, 0, slot - 4, H + 36, 'transparent') +
        rect(x + slot * 0.18, top + (H - top) - h, slot * 0.64, h, c.month === 'overdue' ? COLOURS.overdue : COLOURS.bar) +
        text(x + slot / 2, top + (H - top) - h - 4, String(c.count), 'n', 'middle') +
        text(x + slot / 2, H + 16, name, 'n', 'middle'),
    );
  });
  const axis = `<line x1="0" y1="${H}" x2="${W}" y2="${H}" stroke="${COLOURS.track}" stroke-width="1"/>`;
  return figure(pick(T.timeline, lang), svg(H + 30, pick(T.timeline, lang), axis + parts.join('')));
}
