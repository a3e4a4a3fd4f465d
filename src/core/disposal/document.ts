/**
 * The text of a new batch: front matter to fill in and approve, the checklist, and the list of what it acts
 * on. The batch is the register kept with the records (kept permanently, 会计档案管理办法 Annex item 15;
 * a transfer register 30 years, item 13). What depends on the day it is read — 已保管, how long each record
 * has been kept — is not written here but computed when the register is printed (register.ts).
 */
import type { Schema } from '../model/schema';
import { escapeMarkdown } from '../text/escape';
import { retentionText, type BatchItem } from './batch';
import { t, type DocLang } from '../text/bilingual';
import { scalarText } from '../model/records';
import { noticeTask, type NoticeEntry } from './notice';
import { supervisorsOf } from './signatures';

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
/** Record values go into Markdown escaped: a title or a customer's name must not become markup or a tag. */
const cell = escapeMarkdown;
export const PENDING = '待销毁 / pending';

/** The checklist of the motivating document and DOMAIN.md §5, as Markdown tasks. */
export function checklist(lang: DocLang, schema: Schema): string[] {
  const steps: [string, string][] = [
    ['确认资料不再需要（保管期限已满，无未了事项）', 'Confirmed the records are no longer needed (retention served, nothing unsettled)'],
    ...(schema.disposal.consentStep ? [['已取得客户同意（如适用）', "Customer's consent obtained (where it applies)"] as [string, string]] : []),
    [
      '销毁方式不可恢复（粉碎、焚烧；电子介质按 NIST SP 800-88 清除/销毁）',
      'A method that cannot be recovered (shredding, incineration; electronic media Purge/Destroy per NIST SP 800-88)',
    ],
    ['至少两名监销人在场监督并核对清册', 'At least two supervisors present, checking the items against the register'],
    ['已记录销毁时间、地点和方式', 'Time, place and method recorded'],
    ['已咨询法律意见', 'Legal advice taken'],
    ['已清除 git 历史、远程仓库、克隆和备份中的副本', 'Copies purged from git history, remotes, clones and backups'],
    ...(schema.disposal.feedbackStep ? [['销毁后已告知客户', 'Customer informed afterwards'] as [string, string]] : []),
  ];
  return steps.map(([zh, en]) => `- [ ] ${t(lang, zh, en)}`);
}

/**
 * The records a destruction batch lists, as a table in its body: what the register names (会计档案管理办法
 * Art. 18(1)) that does not change from day to day. 已保管 is left to the printed register.
 */
export function registerTable(items: readonly BatchItem[], lang: DocLang, destroyedOn = PENDING): string[] {
  const head = [
    t(lang, '序号', 'No.'),
    t(lang, '档号', 'Archive number'),
    t(lang, '题名', 'Title'),
    t(lang, '卷号', 'Volume'),
    t(lang, '页数', 'Pages'),
    t(lang, '起止年度', 'Years'),
    t(lang, '应保管期限', 'Required retention'),
    t(lang, '保管起算', 'Kept from'),
    t(lang, '保管期满', 'Kept until'),
    t(lang, '销毁日期', 'Destroyed on'),
  ];
  const rows = items.map((it, i) => [
    String(i + 1),
    it.archive_no || it.id,
    it.title,
    it.volume ?? '',
    it.pages ?? '',
    it.years ?? it.date.slice(0, 4),
    retentionText(it.retention, lang),
    it.retention_start ?? '',
    it.until,
    destroyedOn,
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

const ITEM_KEYS = [
  'index',
  'id',
  'archive_no',
  'title',
  'customer',
  'customer_type',
  'category',
  'date',
  'retention',
  'retention_start',
  'until',
  'years',
] as const;

function itemsYaml(items: readonly BatchItem[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    out.push(`  - path: ${q(it.path)}`);
    for (const k of ITEM_KEYS) out.push(`    ${k}: ${k === 'index' ? it.index : q(it[k] ?? '')}`);
    if (it.volume) out.push(`    volume: ${q(it.volume)}`);
    if (it.pages) out.push(`    pages: ${q(it.pages)}`);
    out.push(`    sha256: ${q(it.sha256)}`);
    out.push(`    attachments: [${(it.attachments ?? []).map(q).join(', ')}]`);
  }
  return out;
}

/** A record pulled out of a destruction because it is on hold (会计档案管理办法 Art. 19), with why. */
export interface PulledOut {
  path: string;
  index: number;
  id: string;
  archive_no: string;
  title: string;
  until: string;
  reason: string;
}

export const NO_REASON = '暂缓处置，未注明原因 / on hold, no reason recorded';

export function pulledOutYaml(list: readonly PulledOut[]): string[] {
  if (!list.length) return ['pulled_out: []             # 暂缓处置、单独抽出 / pulled out under a hold (Art. 19)'];
  return [
    'pulled_out:                # 暂缓处置、单独抽出 / pulled out under a hold (会计档案管理办法第十九条)',
    ...list.flatMap((p) => [
      `  - path: ${q(p.path)}`,
      `    index: ${p.index}`,
      ...(['id', 'archive_no', 'title', 'until', 'reason'] as const).map((k) => `    ${k}: ${q(p[k])}`),
    ]),
  ];
}

export function pulledOutTable(list: readonly PulledOut[], lang: DocLang): string[] {
  if (!list.length) return [t(lang, '（无）', '(none)')];
  const head = [t(lang, '档号', 'Archive number'), t(lang, '题名', 'Title'), t(lang, '保管期满', 'Kept until'), t(lang, '暂缓原因', 'Reason')];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...list.map((p) => `| ${[p.archive_no || p.id, p.title, p.until, p.reason].map(cell).join(' | ')} |`),
  ];
}

/** A batch's details as given when it is created (`--set FIELD=VALUE`): a string, or a list for people. */
export type BatchDetails = Readonly<Record<string, string | readonly string[]>>;

/** The details each kind of batch takes; everything else (status, records, fingerprints…) the tool writes. */
export const BATCH_DETAILS: Record<'destruction-batch' | 'transfer-batch', readonly string[]> = {
  'destruction-batch': [
    'appraisal_ref',
    'unit_head',
    'archives_head',
    'accounting_head',
    'archives_handler',
    'accounting_handler',
    'supervisors',
    'method',
    'place',
    'scheduled_at',
    'impact_assessment_ref',
  ],
  'transfer-batch': [
    'recipient',
    'recipient_contact',
    'approvers',
    'impact_assessment_ref',
    'handover_handler',
    'recipient_handler',
    'handover_supervisor',
    'recipient_supervisor',
  ],
};

/** The fields whose values are lists (`--set supervisors=李档案:archives,赵工:it`). */
export const LIST_DETAILS = new Set(['approvers', 'supervisors', 'method', 'appraisers']);

function detail(details: BatchDetails, key: string, empty: '""' | '[]'): string {
  const v = details[key];
  if (v === undefined) return empty;
  if (key === 'supervisors' || key === 'appraisers') {
    const people = supervisorsOf(v);
    return `[${people.map((p) => (p.role ? `{ name: ${q(p.name)}, role: ${q(p.role)} }` : q(p.name))).join(', ')}]`;
  }
  return Array.isArray(v) ? (v.length === 1 && key === 'method' ? q(scalarText(v[0])) : `[${v.map((x) => q(scalarText(x))).join(', ')}]`) : q(scalarText(v));
}

/** `key: value   # comment`, the comment aligned as the template has always been. */
export const line = (key: string, value: string, comment: string) => `${`${key}: ${value}`.padEnd(24)} # ${comment}`;
export { detail as detailValue };

/** A new destruction batch: front matter to fill in and approve, the checklist, the register. */
export function destructionBatchText(
  id: string,
  items: readonly BatchItem[],
  schema: Schema,
  lang: DocLang,
  today: string,
  details: BatchDetails = {},
  pulledOut: readonly PulledOut[] = [],
): string {
  const methods = schema.disposal.methods.map((m) => m.key).join(', ');
  const d = (k: string, c: string) => line(k, detail(details, k, '""'), c);
  return [
    '---',
    'kind: destruction-batch',
    `batch_id: ${q(id)}`,
    'status: draft            # draft → approved → executed',
    `created: ${today}`,
    line('retention', 'Y', '销毁清册永久保管 / kept permanently (会计档案管理办法附件第15项)'),
    d('appraisal_ref', '鉴定意见书编号 / appraisal opinion (batch appraise)'),
    '# 在销毁清册上签署意见（会计档案管理办法第十八条第二项）/ who signs the register before destruction (Art. 18(2))',
    d('unit_head', '单位负责人 / head of the unit'),
    d('archives_head', '档案管理机构负责人 / head of the archives office'),
    d('accounting_head', '会计管理机构负责人（含会计档案时）/ head of accounting'),
    d('archives_handler', '档案管理机构经办人 / archives officer'),
    d('accounting_handler', '会计管理机构经办人（含会计档案时）/ accounting officer'),
    line('supervisors', detail(details, 'supervisors', '[]'), '监销人及所属机构 / supervisors: [{ name: 李档案, role: archives }, … accounting, it]'),
    d('method', `销毁方式 / method: ${methods}`),
    d('place', '地点 / place'),
    d('scheduled_at', '时间 / date and time, e.g. 2026-12-01T10:00+08:00'),
    d('impact_assessment_ref', '含敏感个人信息时：影响评估 / impact assessment when sensitive PI (PIPL Art. 55)'),
    'records:',
    ...itemsYaml(items),
    ...pulledOutYaml(pulledOut),
    '---',
    '',
    `# ${t(lang, '档案销毁清册', 'Destruction register')} ${id}`,
    '',
    t(
      lang,
      '本批次所列记录保管期限已满、无暂缓处置，拟予销毁。须经鉴定并形成鉴定意见书（会计档案管理办法第十六、十七条），由第十八条所列人员在打印的销毁清册上签署意见并批准后，在监销人监督下执行。',
      'The retention of these records has been served and none is on hold; they are proposed for destruction. They may be destroyed only after an appraisal with a written opinion (Accounting Archives Measures Arts. 16–17), the signatures of Art. 18 on the printed register and approval, under the supervisors.',
    ),
    '',
    `## ${t(lang, '核对清单', 'Checklist')}`,
    '',
    ...checklist(lang, schema),
    '',
    `## ${t(lang, '拟销毁档案', 'Records to destroy')}`,
    '',
    ...registerTable(items, lang),
    '',
    t(
      lang,
      '已保管期限在打印清册时计算（records-curator print）。',
      'The time each record has been kept is computed when the register is printed (records-curator print).',
    ),
    '',
    `## ${t(lang, '暂缓处置、单独抽出的档案（第十九条）', 'Pulled out under a hold (Art. 19)')}`,
    '',
    ...pulledOutTable(pulledOut, lang),
    '',
  ].join('\n');
}

/**
 * A transfer batch (PIPL Art. 22): recipient, records, and the people to notify of the recipient's name and
 * contact — every natural person whose information moves, a child's guardian in the child's stead
 * (notice.ts). The records become `transferred` only when it is executed — handed over, everyone notified.
 */
export function transferBatchText(
  id: string,
  items: readonly BatchItem[],
  recipient: { name: string; contact: string },
  lang: DocLang,
  today: string,
  details: BatchDetails = {},
  notices: readonly NoticeEntry[] = [],
): string {
  const d = (k: string, c: string) => line(k, detail(details, k, '""'), c);
  return [
    '---',
    'kind: transfer-batch',
    `batch_id: ${q(id)}`,
    'status: draft            # draft → approved → executed',
    `created: ${today}`,
    line('retention', 'D30', '移交清册保管30年 / transfer register: 30 years (会计档案管理办法附件第13项)'),
    `recipient: ${q(recipient.name)}`,
    `recipient_contact: ${q(recipient.contact)}`,
    line('approvers', detail(details, 'approvers', '[]'), '批准人 / approved by'),
    d('impact_assessment_ref', '个人信息保护影响评估 / impact assessment (PIPL Art. 55)'),
    '# 移交清册签名（会计档案管理办法第二十四条）/ who signs the transfer register (Art. 24)',
    d('handover_handler', '移交方经办人 / handed over by'),
    d('recipient_handler', '接收方经办人 / received by'),
    d('handover_supervisor', '移交方监督人 / supervisor for the transferring side'),
    d('recipient_supervisor', '接收方监督人 / supervisor for the recipient'),
    'records:',
    ...itemsYaml(items),
    '---',
    '',
    `# ${t(lang, '档案移交批次', 'Transfer batch')} ${id}`,
    '',
    `${t(lang, '接收方', 'Recipient')}: ${cell(recipient.name)} (${cell(recipient.contact)})`,
    '',
    t(
      lang,
      '执行后记录方标记为已移交；本单位保留的副本在法定保管期限届满后即应销毁（个人信息保护法第四十七条）。',
      'The records become transferred when this batch is executed; the copies kept here are then due for destruction once no legal period runs (PIPL Art. 47).',
    ),
    '',
    `## ${t(lang, '核对清单', 'Checklist')}`,
    '',
    `- [ ] ${t(lang, '已向接收方移交档案，双方签署移交清单', 'Records handed over to the recipient, the hand-over list signed by both')}`,
    `- [ ] ${t(lang, '已完成个人信息保护影响评估（第五十五条），记录保存三年以上', 'Impact assessment done before providing the information (Art. 55), kept at least 3 years')}`,
    '',
    `## ${t(lang, '告知名单（个人信息保护法第二十二条）', 'People to notify (PIPL Art. 22)')}`,
    '',
    t(
      lang,
      '向下列个人告知接收方的名称和联系方式；不满十四周岁的，告知其监护人（第三十一条）：',
      "Each of these people is told the recipient's name and contact; for a child under 14, the guardian (Art. 31):",
    ),
    '',
    ...(notices.length ? notices.map((n) => noticeTask(n, lang, cell)) : [`- ${t(lang, '（无自然人）', '(no natural persons)')}`]),
    '',
    `## ${t(lang, '移交清单', 'Records transferred')}`,
    '',
    `| ${[t(lang, '档号', 'Archive number'), t(lang, '题名', 'Title'), t(lang, '客户', 'Customer'), t(lang, '起止年度', 'Years'), t(lang, '应保管期限', 'Required retention')].join(' | ')} |`,
    '|---|---|---|---|---|',
    ...items.map((it) => `| ${[it.archive_no || it.id, it.title, it.customer, it.years ?? '', retentionText(it.retention, lang)].map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** The next free batch id of a prefix in a year: XH-2026-001, XH-2026-002, … */
export function nextBatchId(prefix: string, year: string, existing: Iterable<string>): string {
  let max = 0;
  const re = new RegExp(`^${prefix}-${year}-(\\d+)$`);
  for (const id of existing) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${year}-${String(max + 1).padStart(3, '0')}`;
}
