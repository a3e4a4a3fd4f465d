import type { Schema } from '../model/schema';
import { escapeMarkdown } from '../text/escape';
import { retentionText, served, type BatchItem } from './batch';
import { t, type DocLang } from '../text/bilingual';
import { scalarText } from '../model/records';

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

/** The destruction register (销毁清册) as a Markdown table. */
export function registerTable(items: readonly BatchItem[], schema: Schema, lang: DocLang, today: string, destroyedOn = PENDING): string[] {
  const cat = (k: string) => {
    const c = schema.categories.get(k);
    return c ? t(lang, c.label.zh, c.label.en) : k;
  };
  const head = [
    t(lang, '序号', 'No.'),
    t(lang, '档号', 'Archive number'),
    t(lang, '题名', 'Title'),
    t(lang, '客户', 'Customer'),
    t(lang, '分类', 'Category'),
    t(lang, '年度', 'Year'),
    t(lang, '应保管期限', 'Required retention'),
    t(lang, '已保管（年）', 'Kept (years)'),
    t(lang, '销毁日期', 'Destroyed on'),
  ];
  const rows = items.map((it, i) => [
    String(i + 1),
    it.archive_no || it.id,
    it.title,
    it.customer,
    cat(it.category),
    it.date.slice(0, 4),
    retentionText(it.retention, lang),
    served(it, today),
    destroyedOn,
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function itemsYaml(items: readonly BatchItem[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    out.push(`  - path: ${q(it.path)}`);
    for (const k of ['index', 'id', 'archive_no', 'title', 'customer', 'customer_type', 'category', 'date', 'retention', 'until', 'sha256'] as const) {
      out.push(`    ${k}: ${k === 'index' ? it.index : q(it[k])}`);
    }
    out.push(`    attachments: [${(it.attachments ?? []).map(q).join(', ')}]`);
  }
  return out;
}

/** A batch's details as given when it is created (`--set FIELD=VALUE`): a string, or a list for people. */
export type BatchDetails = Readonly<Record<string, string | readonly string[]>>;

/** The details each kind of batch takes; everything else (status, records, fingerprints…) the tool writes. */
export const BATCH_DETAILS: Record<'destruction-batch' | 'transfer-batch', readonly string[]> = {
  'destruction-batch': ['appraisal_ref', 'approvers', 'supervisors', 'method', 'place', 'scheduled_at'],
  'transfer-batch': ['recipient', 'recipient_contact', 'approvers', 'impact_assessment_ref'],
};

/** The fields whose values are lists (`--set supervisors=李档案,赵法务`). */
export const LIST_DETAILS = new Set(['approvers', 'supervisors', 'method']);

function detail(details: BatchDetails, key: string, empty: '""' | '[]'): string {
  const v = details[key];
  if (v === undefined) return empty;
  return Array.isArray(v) ? (v.length === 1 && key === 'method' ? q(scalarText(v[0])) : `[${v.map((x) => q(scalarText(x))).join(', ')}]`) : q(scalarText(v));
}

/** `key: value   # comment`, the comment aligned as the template has always been. */
const line = (key: string, value: string, comment: string) => `${`${key}: ${value}`.padEnd(24)} # ${comment}`;

/** A new destruction batch: front matter to fill in and approve, the checklist, the register. */
export function destructionBatchText(
  id: string,
  items: readonly BatchItem[],
  schema: Schema,
  lang: DocLang,
  today: string,
  details: BatchDetails = {},
): string {
  const methods = schema.disposal.methods.map((m) => m.key).join(', ');
  return [
    '---',
    'kind: destruction-batch',
    `batch_id: ${q(id)}`,
    'status: draft            # draft → approved → executed',
    `created: ${today}`,
    line('appraisal_ref', detail(details, 'appraisal_ref', '""'), '鉴定意见书编号 / appraisal opinion reference'),
    line('approvers', detail(details, 'approvers', '[]'), '批准人 / approved by'),
    line('supervisors', detail(details, 'supervisors', '[]'), '监销人，至少两名 / at least two supervisors'),
    line('method', detail(details, 'method', '""'), `销毁方式 / method: ${methods}`),
    line('place', detail(details, 'place', '""'), '地点 / place'),
    line('scheduled_at', detail(details, 'scheduled_at', '""'), '时间 / date and time, e.g. 2026-12-01T10:00+08:00'),
    'records:',
    ...itemsYaml(items),
    '---',
    '',
    `# ${t(lang, '档案销毁批次', 'Destruction batch')} ${id}`,
    '',
    t(
      lang,
      '本批次记录保管期限已满、无暂缓处置，经鉴定拟予销毁。批准后由至少两名监销人监督执行。',
      'The retention of these records has been served and none is on hold; after appraisal they are proposed for destruction, to be carried out under at least two supervisors once approved.',
    ),
    '',
    `## ${t(lang, '核对清单', 'Checklist')}`,
    '',
    ...checklist(lang, schema),
    '',
    `## ${t(lang, '销毁清册', 'Destruction register')}`,
    '',
    ...registerTable(items, schema, lang, today),
    '',
  ].join('\n');
}

/**
 * A transfer batch (PIPL Art. 22): recipient, records, and the people to notify of the recipient's name and
 * contact. The records become `transferred` only when it is executed — handed over, everyone notified.
 */
export function transferBatchText(
  id: string,
  items: readonly BatchItem[],
  recipient: { name: string; contact: string },
  lang: DocLang,
  today: string,
  details: BatchDetails = {},
): string {
  const people = [...new Set(items.filter((i) => i.customer_type === 'person').map((i) => i.customer))].sort();
  return [
    '---',
    'kind: transfer-batch',
    `batch_id: ${q(id)}`,
    'status: draft            # draft → approved → executed',
    `created: ${today}`,
    `recipient: ${q(recipient.name)}`,
    `recipient_contact: ${q(recipient.contact)}`,
    line('approvers', detail(details, 'approvers', '[]'), '批准人 / approved by'),
    line('impact_assessment_ref', detail(details, 'impact_assessment_ref', '""'), '个人信息保护影响评估 / impact assessment (PIPL Art. 55)'),
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
    t(lang, '向下列个人告知接收方的名称和联系方式：', "Each of these people is told the recipient's name and contact:"),
    '',
    ...(people.length ? people.map((p) => `- [ ] ${cell(p)}`) : [`- ${t(lang, '（无个人客户）', '(no natural persons)')}`]),
    '',
    `## ${t(lang, '移交清单', 'Records transferred')}`,
    '',
    `| ${t(lang, '档号', 'Archive number')} | ${t(lang, '题名', 'Title')} | ${t(lang, '客户', 'Customer')} | ${t(lang, '分类', 'Category')} |`,
    '|---|---|---|---|',
    ...items.map((it) => `| ${[it.archive_no || it.id, it.title, it.customer, it.category].map(cell).join(' | ')} |`),
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
