/**
 * The certificate of destruction says only what was verified. It can be produced for an executed batch whose
 * checklist is complete, whose method is one the organisation configured as unrecoverable (NIST SP 800-88
 * Clear / Purge / Destroy, with the media and the tool), and whose purge check passed — in the repository and
 * in every remote checked. Until then the same document is a "destruction record (not yet verified)" that
 * says so in its title and lists what is missing.
 */
import { escapeHtml, escapeMarkdown } from '../text/escape';
import type { Bilingual, Schema } from '../model/schema';
import { parseRecordText } from '../parse/record-file';
import { readBatch, retentionText, type BatchFile, type BatchItem } from './batch';
import { bi, t, type DocLang } from '../text/bilingual';
import { holdsAccounting, roleLabel, SIGNATORIES, supervisorsOf } from './signatures';
import { matchMethods } from './methods';
import { sealEdits } from './seal';
import { applyEdits } from '../fix/fixes';
import { scalarText } from '../model/records';

/** What a purge check verified, as the certificate carries it. */
export interface Verification {
  at: string;
  repository: string;
  head?: string;
  commits: number;
  roots: string[];
  /** Blob ids checked: every version of every destroyed file and attachment. */
  blobs: string[];
  /** How many of them (or current files) still hold destroyed content. */
  survivors: number;
  incomplete?: string;
  remotes: { name: string; url: string; refs: number; commits: number; error?: string; survivors: number }[];
  /** The tools and versions that checked (records-curator, git). */
  tool: string;
}

export interface Readiness {
  ready: boolean;
  missing: Bilingual[];
}

/** The tasks of the batch's checklist not checked off. */
function openTasks(text: string): string[] {
  const parsed = parseRecordText(text, 'markdown').records[0];
  const body = parsed?.bodySpan ? text.slice(parsed.bodySpan.start) : '';
  return [...body.matchAll(/^[ \t]*[-*] \[ \] (.*)$/gm)].map((m) => m[1].trim());
}

/** Whether a certificate may be produced, and if not, everything that is missing. */
export function certificateReadiness(text: string, schema: Schema, v: Verification | undefined): Readiness {
  const b = readBatch(text);
  const missing: Bilingual[] = [];
  if (!b || b.kind !== 'destruction-batch' || b.status !== 'executed') {
    return { ready: false, missing: [{ en: 'only an executed destruction batch has a certificate', zh: '只有已执行的销毁批次才有销毁证明' }] };
  }
  for (const task of openTasks(text)) missing.push({ en: `checklist item not checked: ${task}`, zh: `核对清单未完成：${task}` });
  const methods = matchMethods(b.data.method, schema);
  const keys = schema.disposal.methods.map((m) => m.key).join(', ') || '—';
  if (!methods.methods.length && !methods.unknown.length) missing.push({ en: 'no method of destruction recorded', zh: '未记录销毁方式' });
  for (const u of methods.unknown)
    missing.push({ en: `method "${u}" is not one of the configured unrecoverable methods (${keys})`, zh: `销毁方式“${u}”不是已配置的不可恢复方式（${keys}）` });
  if (!v)
    missing.push({
      en: 'the git history was not checked (the folder is not in a git repository, or git may not run)',
      zh: '未检查 git 历史（文件夹不在 git 仓库中，或不允许运行 git）',
    });
  else {
    if (v.incomplete)
      missing.push({
        en: `the repository is a ${v.incomplete} clone: history it lacks cannot be checked`,
        zh: `仓库是${v.incomplete === 'shallow' ? '浅' : '部分'}克隆，缺失的历史无法检查`,
      });
    if (v.survivors)
      missing.push({
        en: `the purge check did not pass: ${v.survivors} versions or copies of the destroyed files are still in the repository (records-curator purge-check)`,
        zh: `清除检查未通过：仓库中仍有 ${v.survivors} 个已销毁文件的版本或副本（records-curator purge-check）`,
      });
    for (const r of v.remotes) {
      if (r.error) missing.push({ en: `remote ${r.name} could not be checked: ${r.error}`, zh: `无法检查远程仓库 ${r.name}：${r.error}` });
      else if (r.survivors)
        missing.push({
          en: `remote ${r.name} still holds ${r.survivors} versions of the destroyed files`,
          zh: `远程仓库 ${r.name} 仍保存 ${r.survivors} 个已销毁文件的版本`,
        });
    }
  }
  return { ready: missing.length === 0, missing };
}

interface Row {
  cells: string[];
}

interface Model {
  title: string;
  warning?: string[];
  meta: [string, string][];
  register: { head: string[]; rows: Row[] };
  verification: [string, string][];
  statement: string;
  blobs: string[];
  signers: [string, string][];
}

function model(b: BatchFile, schema: Schema, lang: DocLang, v: Verification | undefined, r: Readiness): Model {
  const list = (x: unknown) => (Array.isArray(x) ? x.map(scalarText) : x ? [scalarText(x)] : []);
  const d = b.data;
  const tomb = Array.isArray(d.tombstones) ? (d.tombstones as Record<string, unknown>[]) : [];
  const destroyedOn = new Map(tomb.map((x) => [scalarText(x.path), scalarText(x.destroyed_on)]));
  const cat = (k: string) => {
    const c = schema.categories.get(k);
    return c ? t(lang, c.label.zh, c.label.en) : k;
  };
  const rows: Row[] = [];
  for (const it of b.items as (BatchItem & { attachments?: string[] })[]) {
    rows.push({
      cells: [it.archive_no || it.id, it.title, it.customer, cat(it.category), retentionText(it.retention, lang), it.path, destroyedOn.get(it.path) ?? ''],
    });
    for (const a of it.attachments ?? [])
      rows.push({
        cells: ['', t(lang, `附件（${it.archive_no || it.id}）`, `attachment of ${it.archive_no || it.id}`), '', '', '', a, destroyedOn.get(a) ?? ''],
      });
  }
  const matched = matchMethods(d.method, schema);
  const nist: Record<string, [string, string]> = { clear: ['清除', 'Clear'], purge: ['净化', 'Purge'], destroy: ['销毁', 'Destroy'] };
  const methodText = [
    ...matched.methods.map(
      (m) =>
        `${t(lang, m.label.zh, m.label.en)} — NIST SP 800-88 ${t(lang, nist[m.category][0], nist[m.category][1])}; ${t(lang, '介质', 'media')}: ${t(lang, m.media.zh, m.media.en)}; ${t(lang, '工具', 'tool')}: ${m.tool}`,
    ),
    ...matched.unknown.map((u) => `${u} (${t(lang, '未配置的方式', 'not a configured method')})`),
  ].join('\n');
  const verification: [string, string][] = v
    ? [
        [t(lang, '核实时间', 'Verified at'), v.at],
        [t(lang, '仓库', 'Repository'), v.repository],
        [
          t(lang, '提交范围', 'Commit range'),
          `${v.roots.map((x) => x.slice(0, 12)).join(', ') || '—'} … ${v.head ? v.head.slice(0, 12) : '—'} (${t(lang, `${v.commits} 个提交：所有引用、reflog、stash、不可达提交`, `${v.commits} commits: every ref, reflog, stash and unreachable commit`)})`,
        ],
        [t(lang, '已核对的 blob', 'Blob ids checked'), t(lang, `${v.blobs.length} 个（见附录）`, `${v.blobs.length} (listed below)`)],
        [
          t(lang, '结果', 'Result'),
          v.survivors
            ? t(lang, `仍有 ${v.survivors} 处`, `${v.survivors} still present`)
            : t(lang, '对象库中均不存在，文件夹中无文件包含其内容', 'none exists in the object database; no file in the folder holds their text'),
        ],
        ...v.remotes.map((x): [string, string] => [
          `${t(lang, '远程仓库', 'Remote')} ${x.name}`,
          x.error
            ? `${x.url}: ${t(lang, '无法检查', 'not checked')} (${x.error})`
            : `${x.url}: ${t(lang, `${x.refs} 个引用、${x.commits} 个提交`, `${x.refs} refs, ${x.commits} commits`)} — ${x.survivors ? t(lang, `仍有 ${x.survivors} 处`, `${x.survivors} still present`) : t(lang, '均不存在', 'none present')}`,
        ]),
        ...(v.remotes.length ? [] : [[t(lang, '远程仓库', 'Remotes'), t(lang, '未检查任何远程仓库', 'no remote was checked')] as [string, string]]),
        [t(lang, '工具', 'Checked with'), v.tool],
        [
          t(lang, '本工具无法核实', 'Not verifiable by this tool'),
          t(lang, '其他克隆、备份、托管服务的缓存：由签字的核对清单确认', 'other clones, backups, hosting caches: attested by the signed checklist'),
        ],
      ]
    : [[t(lang, '核实', 'Verification'), t(lang, '未检查 git 历史', 'git history not checked')]];
  const statement = r.ready
    ? t(
        lang,
        `以上档案已按上述方式销毁。经于 ${v!.at} 核实：已销毁文件及其附件的全部 ${v!.blobs.length} 个版本（git blob id 见附录）均不存在于上述仓库${v!.remotes.length ? '及所列远程仓库' : ''}中，文件夹中也没有文件包含其内容。上述范围以外的副本（其他克隆、备份）由签字的核对清单确认，不在本次核实之内。`,
        `The records above were destroyed by the method stated. Verified on ${v!.at}: none of the ${v!.blobs.length} versions (git blob ids listed below) of the destroyed files and attachments exists in the repository above${v!.remotes.length ? ' or in the remotes listed' : ''}, and no file in the folder holds their text. Copies outside these — other clones and backups — are attested by the signed checklist, not by this verification.`,
      )
    : t(lang, '本记录尚未核实，不证明上述档案不可恢复。', 'This record is not yet verified and does not state that the records above cannot be recovered.');
  // Signed after the destruction: the signatories of Art. 18(2) and each supervisor with the office they
  // came from (Art. 18(3): 销毁后签名或盖章).
  const sup = supervisorsOf(d.supervisors);
  const accounting = holdsAccounting(b.items, schema);
  const signers: [string, string][] = [
    ...SIGNATORIES.filter((s) => accounting || !s.accounting).map((s): [string, string] => [bi(lang, s.label), scalarText(d[s.field])]),
    ...(sup.length >= 2 ? sup : [...sup, { name: '', role: '' }, { name: '', role: '' }].slice(0, Math.max(2, sup.length))).map((s, i): [string, string] => [
      `${t(lang, '监销人', 'Supervisor')} ${i + 1}${s.role ? ` (${bi(lang, roleLabel(s.role))})` : ''}`,
      s.name,
    ]),
  ];
  return {
    title: r.ready ? t(lang, '档案销毁证明', 'Certificate of Destruction') : t(lang, '销毁记录（尚未核实）', 'Destruction record (not yet verified)'),
    ...(r.ready ? {} : { warning: r.missing.map((m) => t(lang, m.zh, m.en)) }),
    meta: [
      [t(lang, '批次', 'Batch'), scalarText(d.batch_id)],
      [t(lang, '鉴定意见', 'Appraisal opinion'), scalarText(d.appraisal_ref)],
      [t(lang, '销毁时间', 'Date and time'), scalarText(d.executed_at)],
      [t(lang, '地点', 'Place'), scalarText(d.place)],
      [t(lang, '方式', 'Method'), methodText],
      [t(lang, '单位负责人（批准）', 'Approved by the head of the unit'), scalarText(d.unit_head) || list(d.approvers).join('、')],
      [t(lang, '监销人', 'Supervisors'), sup.map((x) => x.name).join('、')],
      [t(lang, '保管期限', 'Kept'), t(lang, '本证明随销毁清册永久保管', 'permanently, with the destruction register')],
    ],
    register: {
      head: [
        t(lang, '档号', 'Archive number'),
        t(lang, '题名', 'Title'),
        t(lang, '客户', 'Customer'),
        t(lang, '分类', 'Category'),
        t(lang, '保管期限', 'Retention'),
        t(lang, '文件路径', 'File path'),
        t(lang, '销毁日期', 'Destroyed on'),
      ],
      rows,
    },
    verification,
    statement,
    blobs: v?.blobs ?? [],
    signers,
  };
}

/**
 * The certificate (or, while `readiness` is not ready, the destruction record) as Markdown. Undefined for
 * anything but an executed destruction batch. Every value comes from a file anyone can edit: escaped.
 */
export function certificateMarkdown(
  text: string,
  schema: Schema,
  lang: DocLang,
  v: Verification | undefined,
  readiness = certificateReadiness(text, schema, v),
): string | undefined {
  const b = readBatch(text);
  if (!b || b.kind !== 'destruction-batch' || b.status !== 'executed') return undefined;
  const m = model(b, schema, lang, v, readiness);
  const c = (s: string) => escapeMarkdown(s).replace(/\n/g, '<br>');
  // A document of record itself: kept permanently with the register, bound to the register as executed
  // (its seal), sealed in turn — kept in the disposal folder, a later change or a deleted register is a finding.
  const q = (x: string) => JSON.stringify(x);
  const front = [
    '---',
    'kind: destruction-certificate',
    `batch: ${q(scalarText(b.data.batch_id))}`,
    `verified: ${readiness.ready}`,
    ...(v ? [`verified_at: ${q(v.at)}`] : []),
    'retention: Y',
    `batch_sealed: ${q(scalarText(b.data.sealed))}`,
    '---',
    '',
  ];
  const doc = [
    ...front,
    `# ${m.title}`,
    '',
    ...(m.warning ? [`> **${t(lang, '尚未核实', 'Not yet verified')}**`, ...m.warning.map((w) => `> - ${c(w)}`), ''] : []),
    ...m.meta.map(([k, v]) => `- ${k}: ${c(v)}`),
    '',
    `## ${t(lang, '销毁清册', 'Destruction register')}`,
    '',
    `| ${m.register.head.join(' | ')} |`,
    `|${m.register.head.map(() => '---').join('|')}|`,
    ...m.register.rows.map((r) => `| ${r.cells.map(c).join(' | ')} |`),
    '',
    `## ${t(lang, '核实', 'Verification')}`,
    '',
    ...m.verification.map(([k, v]) => `- ${k}: ${c(v)}`),
    '',
    m.statement,
    '',
    `## ${t(lang, '签字', 'Signatures')}`,
    '',
    `| ${t(lang, '职责', 'Role')} | ${t(lang, '姓名', 'Name')} | ${t(lang, '职务', 'Title')} | ${t(lang, '日期', 'Date')} | ${t(lang, '签字', 'Signature')} |`,
    '|---|---|---|---|---|',
    ...m.signers.map(([role, name]) => `| ${c(role)} | ${c(name)} |  |  |  |`),
    '',
    ...(m.blobs.length ? [`## ${t(lang, '附录：已核对的 git blob id', 'Appendix: git blob ids checked')}`, '', '```', ...m.blobs, '```', ''] : []),
  ].join('\n');
  return applyEdits(doc, sealEdits(doc));
}

/** The same as a standalone, printable HTML page (all text escaped, no script, no remote content). */
export function certificateHtml(
  text: string,
  schema: Schema,
  lang: DocLang,
  v: Verification | undefined,
  readiness = certificateReadiness(text, schema, v),
): string | undefined {
  const b = readBatch(text);
  if (!b || b.kind !== 'destruction-batch' || b.status !== 'executed') return undefined;
  const m = model(b, schema, lang, v, readiness);
  const e = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const dl = (pairs: [string, string][]) => `<table class="meta">${pairs.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(m.title)} ${e(scalarText(b.data.batch_id))}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}
.meta th{width:14em}.warn{border:2px solid #b00020;padding:0.5em 1em;color:#b00020}code,pre{font-size:85%}@media print{.warn{color:#000}}</style></head><body>
<h1>${e(m.title)}</h1>
${m.warning ? `<div class="warn"><strong>${e(t(lang, '尚未核实', 'Not yet verified'))}</strong><ul>${m.warning.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>` : ''}
${dl(m.meta)}
<h2>${e(t(lang, '销毁清册', 'Destruction register'))}</h2>
<table><thead><tr>${m.register.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${m.register.rows.map((r) => `<tr>${r.cells.map((x) => `<td>${e(x)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<h2>${e(t(lang, '核实', 'Verification'))}</h2>
${dl(m.verification)}
<p>${e(m.statement)}</p>
<h2>${e(t(lang, '签字', 'Signatures'))}</h2>
<table class="sign"><thead><tr>${[t(lang, '职责', 'Role'), t(lang, '姓名', 'Name'), t(lang, '职务', 'Title'), t(lang, '日期', 'Date'), t(lang, '签字', 'Signature')].map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${m.signers.map(([role, name]) => `<tr><td>${e(role)}</td><td>${e(name)}</td><td></td><td></td><td></td></tr>`).join('\n')}</tbody></table>
${m.blobs.length ? `<h2>${e(t(lang, '附录：已核对的 git blob id', 'Appendix: git blob ids checked'))}</h2><pre>${m.blobs.map(e).join('\n')}</pre>` : ''}
</body></html>
`;
}
