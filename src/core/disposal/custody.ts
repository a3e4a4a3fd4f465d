/**
 * What happens to the accounting archives after 注销. A unit that is dissolved disposes of the accounting
 * archives formed before its deregistration by the national archives rules (会计档案管理办法 Art. 20): they
 * are handed to a custodian — the 业务主管部门, the owner of its assets, an archive, or an agency entrusted with
 * them (Art. 5 ¶3 allows entrusting) — and kept there until their periods run. The custody plan says who
 * keeps them, where and until when, listing them by year and retention with the records pulled out under a
 * hold (Art. 19 lists those in the 保管清册 too); the hand-over itself is a transfer batch, whose printed
 * register is the 会计档案移交清册 (Art. 24). The plan is kept permanently (Annex item 14, 保管清册).
 */
import { scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { dispositionOf, isHold } from '../retention/disposition';
import { retentionLabel } from '../retention/labels';
import { bi, t, type DocLang } from '../text/bilingual';
import { detailValue, line, type BatchDetails } from './document';
import { paperMarkdown, type Paper } from './paper';
import { parseRecordText } from '../parse/record-file';

export const CUSTODY_DETAILS = ['custodian', 'custodian_type', 'custodian_contact', 'place', 'handover_batch'];

/** Who may keep them (Art. 20 and the archives rules it points to). */
export const CUSTODIAN_TYPES: Readonly<Record<string, [string, string]>> = {
  'competent-department': ['业务主管部门', 'competent department'],
  owner: ['财产所有者（出资人）', 'owner of the assets'],
  archive: ['档案馆', 'archive'],
  agency: ['受托档案管理机构', 'entrusted archives agency'],
};

export interface CustodyGroup {
  year: string;
  retention: string;
  records: string[];
  /** The last day the longest-kept of them is kept; '' for permanent ones. */
  until: string;
}

export interface CustodyHeld {
  id: string;
  archive_no: string;
  title: string;
  reason: string;
}

export interface CustodyModel {
  groups: CustodyGroup[];
  held: CustodyHeld[];
  /** Until when the custodian keeps them: the latest last day, or permanent. */
  keepUntil: string;
  permanent: boolean;
}

/** The accounting archives still kept (not destroyed or handed over), grouped by year and retention. */
export function custodyModel(records: readonly RecordEntry[], schema: Schema, day: string): CustodyModel {
  const groups = new Map<string, CustodyGroup>();
  const held: CustodyHeld[] = [];
  let keepUntil = '';
  let permanent = false;
  for (const r of records) {
    const d = r.data;
    const status = scalarText(d?.status);
    if (!schema.disposal.accountingCategories.includes(scalarText(d?.category)) || status === 'destroyed' || status === 'transferred') continue;
    const g = dispositionOf(d, schema, day, 0).retention;
    const code = g.governing?.code ?? scalarText(d?.retention);
    const until = g.permanent ? '' : (g.governing?.until ?? '');
    if (g.permanent) permanent = true;
    else if (until > keepUntil) keepUntil = until;
    const year = scalarText(d?.date).slice(0, 4);
    const key = `${year}\u0000${code}`;
    const group = groups.get(key) ?? { year, retention: code, records: [], until: '' };
    group.records.push(scalarText(d?.archive_no) || scalarText(d?.id));
    if (until > group.until) group.until = until;
    groups.set(key, group);
    if (isHold(d?.hold))
      held.push({ id: scalarText(d?.id), archive_no: scalarText(d?.archive_no), title: scalarText(d?.title), reason: scalarText(d?.hold_reason) });
  }
  const sorted = [...groups.values()].sort((a, b) => a.year.localeCompare(b.year) || a.retention.localeCompare(b.retention));
  for (const g of sorted) g.records.sort();
  return { groups: sorted, held, keepUntil, permanent };
}

/** The plan as printed: who, where, until when, and what. */
export function custodyPaper(data: Readonly<Record<string, unknown>>, m: CustodyModel, lang: DocLang): Paper {
  const type = CUSTODIAN_TYPES[scalarText(data.custodian_type)];
  const until = m.permanent
    ? t(lang, '永久（含永久保管的会计档案）', 'permanently (some are kept permanently)')
    : m.keepUntil || t(lang, '（无会计档案）', '(no accounting archives)');
  const count = m.groups.reduce((n, g) => n + g.records.length, 0);
  return {
    title: t(lang, '会计档案保管清册及处置方案', 'Custody Plan for the Accounting Archives'),
    basis: t(lang, '会计档案管理办法第五、十九、二十、二十四条', 'Accounting Archives Measures Arts. 5, 19, 20, 24'),
    meta: [
      [t(lang, '编号', 'Plan'), scalarText(data.plan_id)],
      [t(lang, '保管单位', 'Custodian'), scalarText(data.custodian) || t(lang, '（未填写）', '(not filled in)')],
      [t(lang, '保管单位类型', 'Kind of custodian'), type ? t(lang, ...type) : scalarText(data.custodian_type) || '—'],
      [t(lang, '联系方式', 'Contact'), scalarText(data.custodian_contact)],
      [t(lang, '保管地点', 'Kept at'), scalarText(data.place) || t(lang, '（未填写）', '(not filled in)')],
      [t(lang, '保管至', 'Kept until'), until],
      [t(lang, '移交批次', 'Hand-over batch'), scalarText(data.handover_batch) || t(lang, '（尚未移交）', '(not handed over yet)')],
    ],
    sections: [
      {
        heading: t(lang, '会计档案', 'Accounting archives'),
        basis: t(
          lang,
          '按年度和保管期限列出尚未销毁、尚未移交的会计档案；保管期满日按会计年度终了后第一天起算（第十四条）。',
          'The accounting archives neither destroyed nor handed over, by year and retention; periods count from the day after the fiscal year (Art. 14).',
        ),
        table: {
          head: [
            t(lang, '年度', 'Year'),
            t(lang, '保管期限', 'Retention'),
            t(lang, '件数', 'Items'),
            t(lang, '档号', 'Archive numbers'),
            t(lang, '保管期满', 'Kept until'),
          ],
          rows: m.groups.map((g) => [
            g.year,
            bi(lang, retentionLabel(g.retention)),
            String(g.records.length),
            g.records.length > 1 ? `${g.records[0]} … ${g.records[g.records.length - 1]}` : (g.records[0] ?? ''),
            g.until || t(lang, '永久', 'permanent'),
          ]),
          foot: [t(lang, '合计', 'Total'), '', String(count), '', ''],
        },
      },
      {
        heading: t(lang, '单独抽出保管的会计档案', 'Pulled out and kept apart'),
        basis: t(
          lang,
          '涉及未了事项的，保管到未了事项完结时为止，并在保管清册中列明（第十九条）。',
          'Kept until the unsettled matter ends, and listed here (Art. 19).',
        ),
        ...(m.held.length
          ? {
              table: {
                head: [t(lang, '档号', 'Archive number'), t(lang, '题名', 'Title'), t(lang, '原因', 'Reason')],
                rows: m.held.map((h) => [h.archive_no || h.id, h.title, h.reason]),
              },
            }
          : { paragraphs: [t(lang, '无。', 'None.')] }),
      },
      {
        heading: t(lang, '移交', 'Hand-over'),
        paragraphs: [
          t(
            lang,
            '移交时以移交批次（records-curator batch create --kind transfer）办理，打印的移交清册列明名称、卷号、册数、起止年度、档案编号、应保管期限和已保管期限，由交接双方经办人和监督人签名或盖章（第二十四条）；移交后将批次编号填入 handover_batch。',
            'The hand-over is a transfer batch (records-curator batch create --kind transfer); its printed transfer register lists name, volume, count, years, archive number, required retention and time kept, and is signed by the handlers and supervisors of both sides (Art. 24). Once handed over, put the batch id in handover_batch.',
          ),
        ],
      },
    ],
    landscape: false,
  };
}

/** A new custody plan file: front matter to fill in, and the plan as it stands today. */
export function custodyPlanText(id: string, records: readonly RecordEntry[], schema: Schema, day: string, lang: DocLang, details: BatchDetails = {}): string {
  const m = custodyModel(records, schema, day);
  const q = (s: string) => JSON.stringify(s);
  const d = (k: string, c: string) => line(k, detailValue(details, k, '""'), c);
  const front = [
    '---',
    'kind: custody-plan',
    `plan_id: ${q(id)}`,
    'status: draft            # draft → final',
    `created: ${day}`,
    line('retention', 'Y', '会计档案保管清册永久保管 / kept permanently (会计档案管理办法附件第14项)'),
    d('custodian', '保管单位 / who keeps them'),
    d('custodian_type', `保管单位类型 / ${Object.keys(CUSTODIAN_TYPES).join(' | ')}`),
    d('custodian_contact', '联系方式 / contact'),
    d('place', '保管地点 / where'),
    line('keep_until', q(m.permanent ? 'Y' : m.keepUntil), '保管至（计算所得）/ until when (computed)'),
    d('handover_batch', '移交批次编号 / the transfer batch, once handed over'),
    '---',
    '',
  ].join('\n');
  const data = { plan_id: id, ...Object.fromEntries(Object.entries(details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])) };
  return front + paperMarkdown(custodyPaper(data, m, lang));
}

/** A custody plan file's id and front matter, or undefined for any other file. */
export function readCustodyPlan(text: string): { id: string; data: Readonly<Record<string, unknown>> } | undefined {
  const data = parseRecordText(text, 'markdown').records[0]?.data;
  return data?.kind === 'custody-plan' ? { id: scalarText(data.plan_id), data } : undefined;
}
