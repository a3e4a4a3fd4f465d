import { escapeHtml, escapeMarkdown } from '../text/escape';
import type { Schema } from '../model/schema';
import { readBatch, retentionText, type BatchItem } from './batch';
import { t, type DocLang } from '../text/bilingual';


interface CertificateData {
  id: string;
  method: string;
  place: string;
  executedAt: string;
  approvers: string[];
  supervisors: string[];
  appraisal: string;
  items: (BatchItem & { destroyed_on: string })[];
}

function data(text: string): CertificateData | undefined {
  const b = readBatch(text);
  if (!b || b.kind !== 'destruction-batch' || b.status !== 'executed') return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);
  const tomb = new Map((Array.isArray(b.data.tombstones) ? b.data.tombstones as Record<string, unknown>[] : []).map((x) => [String(x.path), String(x.destroyed_on ?? '')]));
  return {
    id: String(b.data.batch_id ?? ''), method: String(b.data.method ?? ''), place: String(b.data.place ?? ''),
    executedAt: String(b.data.executed_at ?? ''), approvers: list(b.data.approvers), supervisors: list(b.data.supervisors),
    appraisal: String(b.data.appraisal_ref ?? ''), items: b.items.map((it) => ({ ...it, destroyed_on: tomb.get(it.path) ?? '' })),
  };
}

/** Signature lines: DOMAIN.md §5 — unit head, archive and accounting heads, handler, two or more supervisors. */
function signers(lang: DocLang, supervisors: string[]): [string, string][] {
  const roles: [string, string][] = [
    [t(lang, '单位负责人', 'Head of the unit'), ''], [t(lang, '档案管理机构负责人', 'Head of archives'), ''],
    [t(lang, '会计机构负责人', 'Head of accounting'), ''], [t(lang, '经办人', 'Handled by'), ''],
  ];
  const sup = supervisors.length >= 2 ? supervisors : [...supervisors, '', ''].slice(0, 2);
  return [...roles, ...sup.map((s, i) => [`${t(lang, '监销人', 'Supervisor')} ${i + 1}`, s] as [string, string])];
}

const columns = (lang: DocLang) => [t(lang, '档号', 'Archive number'), t(lang, '题名', 'Title'), t(lang, '客户', 'Customer'), t(lang, '分类', 'Category'),
  t(lang, '保管期限', 'Retention'), t(lang, '文件路径', 'File path'), t(lang, '销毁日期', 'Destroyed on')];

function rows(d: CertificateData, schema: Schema, lang: DocLang): string[][] {
  return d.items.map((it) => {
    const c = schema.categories.get(it.category);
    return [it.archive_no || it.id, it.title, it.customer, c ? t(lang, c.label.zh, c.label.en) : it.category, retentionText(it.retention, lang), it.path, it.destroyed_on];
  });
}

/** The certificate of destruction as Markdown, for the compliance file. */
export function certificateMarkdown(text: string, schema: Schema, lang: DocLang): string | undefined {
  const d = data(text);
  if (!d) return undefined;
  // Every value comes from the batch file, which anyone can edit: escaped, so it reads as text and runs as nothing.
  const cell = escapeMarkdown;
  const cols = columns(lang);
  return [
    `# ${t(lang, '档案销毁证明', 'Certificate of Destruction')}`, '',
    `- ${t(lang, '批次', 'Batch')}: ${cell(d.id)}`,
    `- ${t(lang, '鉴定意见', 'Appraisal opinion')}: ${cell(d.appraisal)}`,
    `- ${t(lang, '销毁时间', 'Date and time')}: ${cell(d.executedAt)}`,
    `- ${t(lang, '地点', 'Place')}: ${cell(d.place)}`,
    `- ${t(lang, '方式', 'Method')}: ${cell(d.method)}`,
    `- ${t(lang, '批准人', 'Approved by')}: ${d.approvers.map(cell).join('、')}`,
    `- ${t(lang, '监销人', 'Supervisors')}: ${d.supervisors.map(cell).join('、')}`, '',
    `## ${t(lang, '销毁清册', 'Destruction register')}`, '',
    `| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`,
    ...rows(d, schema, lang).map((r) => `| ${r.map(cell).join(' | ')} |`), '',
    t(lang, '以上档案已按上述方式销毁，不可恢复；其在 git 历史、远程仓库、克隆和备份中的副本已按批次记录清除。',
      'The records above were destroyed by the method stated and cannot be recovered; their copies in git history, remotes, clones and backups were purged as the batch records.'), '',
    `## ${t(lang, '签字', 'Signatures')}`, '',
    `| ${t(lang, '职责', 'Role')} | ${t(lang, '姓名', 'Name')} | ${t(lang, '职务', 'Title')} | ${t(lang, '日期', 'Date')} | ${t(lang, '签字', 'Signature')} |`, '|---|---|---|---|---|',
    ...signers(lang, d.supervisors).map(([role, name]) => `| ${cell(role)} | ${cell(name)} |  |  |  |`), '',
  ].join('\n');
}

/** The same certificate as a standalone, printable HTML page (all text escaped, no script, no remote content). */
export function certificateHtml(text: string, schema: Schema, lang: DocLang): string | undefined {
  const d = data(text);
  if (!d) return undefined;
  const e = escapeHtml;
  const cols = columns(lang);
  const meta: [string, string][] = [[t(lang, '批次', 'Batch'), d.id], [t(lang, '鉴定意见', 'Appraisal opinion'), d.appraisal], [t(lang, '销毁时间', 'Date and time'), d.executedAt],
    [t(lang, '地点', 'Place'), d.place], [t(lang, '方式', 'Method'), d.method], [t(lang, '批准人', 'Approved by'), d.approvers.join('、')], [t(lang, '监销人', 'Supervisors'), d.supervisors.join('、')]];
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(t(lang, '档案销毁证明', 'Certificate of Destruction'))} ${e(d.id)}</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; color: #000; }
h1 { text-align: center; font-size: 18pt; } table { border-collapse: collapse; width: 100%; margin: 8pt 0; }
th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; } dt { font-weight: bold; float: left; width: 9em; } dd { margin-left: 10em; }
.sign td { height: 22pt; }
</style></head><body>
<h1>${e(t(lang, '档案销毁证明', 'Certificate of Destruction'))}</h1>
<dl>${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<h2>${e(t(lang, '销毁清册', 'Destruction register'))}</h2>
<table><thead><tr>${cols.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>
<tbody>${rows(d, schema, lang).map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<p>${e(t(lang, '以上档案已按上述方式销毁，不可恢复；其在 git 历史、远程仓库、克隆和备份中的副本已按批次记录清除。',
    'The records above were destroyed by the method stated and cannot be recovered; their copies in git history, remotes, clones and backups were purged as the batch records.'))}</p>
<h2>${e(t(lang, '签字', 'Signatures'))}</h2>
<table class="sign"><thead><tr>${[t(lang, '职责', 'Role'), t(lang, '姓名', 'Name'), t(lang, '职务', 'Title'), t(lang, '日期', 'Date'), t(lang, '签字', 'Signature')].map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>
<tbody>${signers(lang, d.supervisors).map(([role, name]) => `<tr><td>${e(role)}</td><td>${e(name)}</td><td></td><td></td><td></td></tr>`).join('\n')}</tbody></table>
</body></html>
`;
}
