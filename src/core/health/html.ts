/**
 * The Health Report (定期检查) as one complete standalone HTML document: shown in a webview (with a nonce,
 * a tiny script posting `{type: 'open', key}` and `{type: 'export'}`) and written as a file for the
 * compliance folder (no script at all). Inline SVG only, no remote content; all text escaped.
 */
import type { Bilingual } from '../model/schema';
import { escapeHtml as e } from '../text/escape';
import { htmlDocument } from '../text/html';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';
import { categoryChart, COLOURS, dispositionChart, timelineChart } from './charts';
import type { HealthStats } from './stats';

export interface HealthHtmlOptions {
  language: DocLang;
  title: string;
  /** The day of the report (YYYY-MM-DD), printed in the header. */
  date: string;
  /** Webview only: the script/style nonce and the webview's resource source for the CSP. */
  nonce?: string;
  cspSource?: string;
}

const T = {
  date: { zh: '检查日期', en: 'Date of check' },
  records: { zh: '记录总数', en: 'Records' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  due: { zh: '到期待处置', en: 'Due for disposal' },
  unreviewed: { zh: '未审阅的更改', en: 'Unreviewed changes' },
  backup: { zh: '备份', en: 'Backup' },
  unknown: { zh: '未知', en: 'Unknown' },
  noRemote: { zh: '无远程备份', en: 'No remote' },
  unpushed: { zh: '个提交未推送', en: 'unpushed commits' },
  upToDate: { zh: '已同步', en: 'Up to date' },
  personal: { zh: '个人信息提示', en: 'Personal information warnings' },
  accepted: { zh: '已接受的问题', en: 'Accepted findings' },
  acceptedNone: { zh: '没有已接受的问题。', en: 'No finding is accepted.' },
  baseline: { zh: '基线', en: 'baseline' },
  exportHtml: { zh: '导出 HTML', en: 'Export HTML' },
  none: { zh: '未发现', en: 'None found' },
  'pi-id-number': { zh: '身份证号', en: 'Resident ID numbers' },
  'pi-bank-card': { zh: '银行卡号', en: 'Bank card numbers' },
  'pi-mobile': { zh: '手机号', en: 'Mobile numbers' },
  'pi-landline': { zh: '固定电话', en: 'Landline numbers' },
  'pi-email': { zh: '电子邮箱', en: 'E-mail addresses' },
  'pi-address': { zh: '住址', en: 'Street addresses' },
  'pi-passport': { zh: '护照号', en: 'Passport numbers' },
  'pi-travel-permit': { zh: '港澳台通行证号', en: 'Travel permit numbers' },
  'pi-pattern': { zh: '本单位定义的个人信息', en: "The workspace's own patterns" },
} satisfies Record<string, Bilingual>;

type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

const FONT = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Arial, sans-serif`;

const CSS = `
:root { --bg: #ffffff; --fg: #1b1b1b; --muted: #5f5f5f; --panel: #f5f5f5; --line: #d0d0d0; }
body.vscode-dark, body.vscode-high-contrast { --bg: #1e1e1e; --fg: #e8e8e8; --muted: #b0b0b0; --panel: #2a2a2a; --line: #4a4a4a; }
body { margin: 0; padding: 16px 24px; background: var(--bg); color: var(--fg); font-family: ${FONT}; font-size: 14px; }
header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; border-bottom: 2px solid var(--line); margin-bottom: 16px; }
header h1 { font-size: 22px; margin: 8px 0; }
header .date { color: var(--muted); }
header button { margin-left: auto; font: inherit; padding: 4px 12px; cursor: pointer; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin-bottom: 16px; }
.card { background: var(--panel); border-left: 6px solid ${COLOURS.track}; padding: 8px 12px; }
.card .v { font-size: 24px; font-weight: 600; display: block; }
.card .k { color: var(--muted); }
.card.ok { border-left-color: ${COLOURS.ok}; } .card.warn { border-left-color: ${COLOURS.amber}; } .card.bad { border-left-color: ${COLOURS.error}; }
.panel { margin: 0 0 20px; padding: 8px 12px; border: 1px solid var(--line); break-inside: avoid; }
figcaption, h2 { font-weight: 600; font-size: 16px; margin: 4px 0 8px; }
svg.chart { display: block; max-width: 960px; }
svg text { font-family: ${FONT}; fill: var(--fg); }
svg text.t { font-size: 13px; } svg text.n { font-size: 11px; }
.hit { cursor: pointer; outline: none; }
.hit:focus rect, .hit:hover rect { stroke: var(--fg); stroke-width: 1; }
[data-key]:focus-visible { outline: 2px solid ${COLOURS.bar}; }
ul.pi { list-style: none; padding: 0; margin: 0; }
ul.pi li { padding: 4px 8px; border-left: 6px solid ${COLOURS.ok}; margin-bottom: 4px; background: var(--panel); cursor: pointer; }
ul.pi li.warn { border-left-color: ${COLOURS.amber}; }
@media print {
  :root, body.vscode-dark, body.vscode-high-contrast { --bg: #ffffff; --fg: #000000; --muted: #444444; --panel: #ffffff; --line: #999999; }
  body { background: #ffffff; color: #000000; padding: 0; }
  .no-print { display: none; }
  .card, .panel, ul.pi li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  function target(ev) { return ev.target && ev.target.closest ? ev.target.closest('[data-key]') : null; }
  document.addEventListener('click', (ev) => {
    if (ev.target && ev.target.closest && ev.target.closest('#rc-export')) { vscode.postMessage({ type: 'export' }); return; }
    const el = target(ev);
    if (el) vscode.postMessage({ type: 'open', key: el.getAttribute('data-key') });
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const el = target(ev);
    if (!el || el.tagName === 'BUTTON') return;
    ev.preventDefault();
    vscode.postMessage({ type: 'open', key: el.getAttribute('data-key') });
  });
})();`;

function card(label: string, value: string, tone: Tone, key?: string): string {
  const attrs = key ? ` data-key="${e(key)}" tabindex="0" role="button" aria-label="${e(`${label}: ${value}`)}"` : '';
  return `<div class="card ${tone}"${attrs}><span class="v">${e(value)}</span><span class="k">${e(label)}</span></div>`;
}

function cards(s: HealthStats, lang: DocLang): string {
  const t = (b: Bilingual) => pick(b, lang);
  const due = s.byDisposition.find((d) => d.state === 'due')?.count ?? 0;
  const out = [
    card(t(T.records), String(s.total), 'neutral'),
    card(t(T.errors), String(s.errors), s.errors ? 'bad' : 'ok'),
    card(t(T.warnings), String(s.warnings), s.warnings ? 'warn' : 'ok'),
    card(t(T.due), String(due), due ? 'warn' : 'ok', 'disposition:due'),
    s.unreviewed === undefined ? card(t(T.unreviewed), t(T.unknown), 'neutral') : card(t(T.unreviewed), String(s.unreviewed), s.unreviewed ? 'warn' : 'ok'),
  ];
  const b = s.backup;
  if (!b) out.push(card(t(T.backup), t(T.unknown), 'neutral'));
  else if (!b.remote) out.push(card(t(T.backup), t(T.noRemote), 'bad'));
  else if (b.unpushed > 0) out.push(card(t(T.backup), `${b.unpushed} ${t(T.unpushed)}`, 'warn'));
  else out.push(card(t(T.backup), t(T.upToDate), 'ok'));
  return `<section class="cards">${out.join('')}</section>`;
}

function personal(s: HealthStats, lang: DocLang): string {
  const items = s.personal.map((p) => {
    const name = pick((T as Record<string, Bilingual>)[p.code] ?? { zh: p.code, en: p.code }, lang);
    const label = `${name}: ${p.count}`;
    return (
      `<li class="${p.count ? 'warn' : 'ok'}" data-key="${e(`pi:${p.code}`)}" tabindex="0" role="button" aria-label="${e(label)}">` +
      `${e(name)} <code>${e(p.code)}</code> — <strong>${p.count}</strong></li>`
    );
  });
  const any = s.personal.some((p) => p.count > 0);
  return `<section class="panel"><h2>${e(pick(T.personal, lang))}</h2>${any ? '' : `<p>${e(pick(T.none, lang))}</p>`}<ul class="pi">${items.join('')}</ul></section>`;
}

/** Findings accepted in their records or known to the baseline, with the reasons: acceptance is reviewed too. */
function acceptedList(s: HealthStats, lang: DocLang): string {
  const rows = s.accepted.map((a) => `<li><code>${e(a.code)}</code> ${e(a.path)} — ${e(a.by === 'baseline' ? pick(T.baseline, lang) : a.reason)}</li>`);
  const body = rows.length ? `<ul class="accepted">${rows.join('')}</ul>` : `<p>${e(pick(T.acceptedNone, lang))}</p>`;
  return `<section class="panel"><h2>${e(pick(T.accepted, lang))} (${s.accepted.length})</h2>${body}</section>`;
}

/** The complete HTML document of the report. */
export function renderHealthHtml(stats: HealthStats, options: HealthHtmlOptions): string {
  const language = normaliseLanguage(options.language);
  const webview = options.nonce !== undefined;
  const button = webview ? `<button type="button" id="rc-export" class="no-print">${e(pick(T.exportHtml, language))}</button>` : '';
  const body = [
    `<header><h1>${e(options.title)}</h1><span class="date">${e(pick(T.date, language))}: ${e(options.date)}</span>${button}</header>`,
    cards(stats, language),
    categoryChart(stats, language),
    dispositionChart(stats, language),
    timelineChart(stats, language),
    personal(stats, language),
    acceptedList(stats, language),
    webview ? `<script nonce="${e(options.nonce!)}">${SCRIPT}</script>` : '',
  ].join('\n');
  return htmlDocument({ title: options.title, language, css: CSS, body, bodyClass: 'health', nonce: options.nonce, cspSource: options.cspSource });
}
