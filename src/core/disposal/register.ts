/**
 * The registers as printed: the destruction register (会计档案销毁清册, Art. 18) to sign before anything is
 * destroyed, and the transfer register (会计档案移交清册, Art. 24) to sign at the hand-over. Both list 名称,
 * 卷号, 册数, 起止年度, 档案编号, 应保管期限 and 已保管期限; the destruction register adds 销毁时间. 已保管 is
 * counted from the start of each record's governing retention (not its date) to the day printed — or, once
 * destroyed, to the day it was destroyed — so it is never frozen at the day the batch was made.
 */
import { scalarText } from '../model/records';
import type { Schema } from '../model/schema';
import { dispositionOf } from '../retention/disposition';
import { t, bi, type DocLang } from '../text/bilingual';
import { readBatch, retentionText, servedText, yearsOf, type BatchFile, type BatchItem } from './batch';
import { NO_REASON, type PulledOut } from './document';
import { schemaOf, type BatchContext } from './items';
import type { Paper, PaperSection } from './paper';
import { holdsAccounting, roleLabel, SIGNATORIES, supervisorsOf } from './signatures';

const TEXT_KEYS = ['id', 'archive_no', 'title', 'customer', 'category', 'date', 'retention', 'retention_start', 'until', 'years', 'volume', 'pages'] as const;

/** A listed item with every text field a string (a hand-written entry may lack some). */
export function asText(it: BatchItem): BatchItem {
  const out = { ...it };
  for (const k of TEXT_KEYS) out[k] = scalarText(it[k]);
  return out;
}

/** What the register says of one listed record on a day. */
export interface RowFacts {
  start?: string;
  until: string;
  years: string;
  retention: string;
  destroyedOn?: string;
}

/**
 * A listed record's facts: from the record itself while it exists (the retention as core/retention gives it
 * now), else from the tombstone execution wrote, else from what the batch listed.
 */
export function rowFacts(item: BatchItem, ctx: BatchContext, tombstone: Readonly<Record<string, unknown>> | undefined, asOf: string): RowFacts {
  const schema = schemaOf(ctx);
  const data = ctx.records(item.path)?.get(item.index ?? 0);
  const destroyedOn = tombstone ? scalarText(tombstone.destroyed_on) || undefined : undefined;
  if (data && scalarText(data.id) === item.id && !destroyedOn) {
    const g = dispositionOf(data, schema, asOf, 0).retention.governing;
    return { start: g?.start, until: g?.until ?? item.until, years: yearsOf(data, schema), retention: g?.code ?? item.retention };
  }
  const start = scalarText(tombstone?.retention_start) || item.retention_start || undefined;
  return { start, until: scalarText(tombstone?.until) || item.until, years: item.years || item.date.slice(0, 4), retention: item.retention, destroyedOn };
}

export function pulledOutOf(data: Readonly<Record<string, unknown>>): PulledOut[] {
  const list = Array.isArray(data.pulled_out) ? (data.pulled_out as unknown[]) : [];
  return list
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x))
    .map((x) => ({
      path: scalarText(x.path),
      index: typeof x.index === 'number' ? x.index : 0,
      id: scalarText(x.id),
      archive_no: scalarText(x.archive_no),
      title: scalarText(x.title),
      until: scalarText(x.until),
      reason: scalarText(x.reason) || NO_REASON,
    }));
}

const tombstonesOf = (b: BatchFile) =>
  new Map(
    (Array.isArray(b.data.tombstones) ? (b.data.tombstones as Record<string, unknown>[]) : [])
      .filter((x) => x && typeof x === 'object' && x.attachment_of === undefined)
      .map((x) => [`${scalarText(x.path)}\u0000${scalarText(x.id)}`, x]),
  );

const count = (it: BatchItem, lang: DocLang) => {
  const att = it.attachments?.length ?? 0;
  return [t(lang, '1件', '1 item'), it.pages ? t(lang, `${it.pages}页`, `${it.pages} pp.`) : '', att ? t(lang, `附件${att}件`, `${att} attachments`) : '']
    .filter(Boolean)
    .join(lang === 'en' ? ', ' : '，');
};

function recordsSection(b: BatchFile, ctx: BatchContext, asOf: string, lang: DocLang, destruction: boolean): PaperSection {
  const schema = schemaOf(ctx);
  const tombs = tombstonesOf(b);
  const cat = (k: string) => {
    const c = schema.categories.get(k);
    return c ? bi(lang, c.label) : k;
  };
  // An entry written by hand may lack any field: each is read as text, empty when absent.
  const rows = b.items.map((entry, i) => {
    const it = asText(entry);
    const f = rowFacts(it, ctx, tombs.get(`${it.path}\u0000${it.id}`), asOf);
    const served = servedText(f.start, f.destroyedOn ?? asOf, lang) || t(lang, '未起算', 'not started');
    return [
      String(i + 1),
      it.title,
      it.volume || '—',
      count(it, lang),
      f.years || '—',
      it.archive_no || it.id,
      retentionText(f.retention, lang),
      f.start ?? '—',
      served,
      ...(destruction ? [f.destroyedOn ?? t(lang, '待销毁', 'pending')] : []),
      cat(it.category),
    ];
  });
  const pages = b.items.reduce((n, it) => n + (Number(it.pages) || 0), 0);
  const head = [
    t(lang, '序号', 'No.'),
    t(lang, '档案名称', 'Title'),
    t(lang, '卷号', 'Volume'),
    t(lang, '册数', 'Count'),
    t(lang, '起止年度', 'Years'),
    t(lang, '档案编号', 'Archive number'),
    t(lang, '应保管期限', 'Required retention'),
    t(lang, '保管起算', 'Kept from'),
    t(lang, '已保管期限', 'Kept for'),
    ...(destruction ? [t(lang, '销毁时间', 'Destroyed on')] : []),
    t(lang, '备注', 'Note'),
  ];
  const foot = head.map(() => '');
  foot[1] = t(lang, '合计', 'Total');
  foot[3] = [t(lang, `${b.items.length}件`, `${b.items.length} items`), pages ? t(lang, `${pages}页`, `${pages} pp.`) : ''].filter(Boolean).join(' ');
  return {
    heading: destruction ? t(lang, '拟销毁档案', 'Records to destroy') : t(lang, '移交档案', 'Records handed over'),
    basis: t(
      lang,
      `已保管期限自保管期限起算之日计至 ${asOf}${destruction ? '（已销毁的计至销毁之日）' : ''}；会计档案自会计年度终了后的第一天起算（第十四条）。`,
      `Kept for: from the day retention started to ${asOf}${destruction ? ' (for records destroyed, to the day destroyed)' : ''}; accounting archives count from the day after the fiscal year ends (Art. 14).`,
    ),
    table: { head, rows, foot },
  };
}

function pulledOutSection(b: BatchFile, lang: DocLang): PaperSection {
  const list = pulledOutOf(b.data);
  return {
    heading: t(lang, '暂缓处置、单独抽出的档案', 'Pulled out under a hold'),
    basis: t(
      lang,
      '保管期满但涉及未了事项的，不得销毁，单独抽出保管至未了事项完结，并在鉴定意见书、销毁清册和保管清册中列明（会计档案管理办法第十九条）。',
      'Records whose period has run but that bear on an unsettled matter are not destroyed: they are pulled out and kept until it is settled, and listed in the appraisal opinion, the destruction register and the custody register (Art. 19).',
    ),
    ...(list.length
      ? {
          table: {
            head: [
              t(lang, '序号', 'No.'),
              t(lang, '档案编号', 'Archive number'),
              t(lang, '档案名称', 'Title'),
              t(lang, '保管期满', 'Kept until'),
              t(lang, '暂缓原因', 'Reason'),
            ],
            rows: list.map((p, i) => [String(i + 1), p.archive_no || p.id, p.title, p.until, p.reason]),
          },
        }
      : { paragraphs: [t(lang, '无。', 'None.')] }),
  };
}

/** Art. 18(2) and (3): who signs their opinion before destruction, and the supervisors who check and sign. */
function signatureSections(b: BatchFile, schema: Schema, lang: DocLang): PaperSection[] {
  const accounting = holdsAccounting(b.items, schema);
  const rows = SIGNATORIES.map((s) => [
    bi(lang, s.label),
    scalarText(b.data[s.field]) || (s.accounting && !accounting ? t(lang, '（本批次无会计档案）', '(no accounting archives in this batch)') : ''),
    '',
    '',
    '',
  ]);
  const sup = supervisorsOf(b.data.supervisors);
  const supRows = (sup.length >= 2 ? sup : [...sup, { name: '', role: '' }, { name: '', role: '' }].slice(0, Math.max(2, sup.length))).map((s) => [
    s.name,
    bi(lang, roleLabel(s.role)),
    '',
    '',
    '',
  ]);
  return [
    {
      heading: t(lang, '签署意见（销毁前）', 'Opinions signed before destruction'),
      basis: t(lang, '会计档案管理办法第十八条第二项', 'Accounting Archives Measures Art. 18(2)'),
      table: {
        head: [t(lang, '职责', 'Role'), t(lang, '姓名', 'Name'), t(lang, '意见', 'Opinion'), t(lang, '签字', 'Signature'), t(lang, '日期', 'Date')],
        rows,
        sign: true,
      },
    },
    {
      heading: t(lang, '监销', 'Supervision'),
      basis: t(
        lang,
        '档案管理机构与会计管理机构共同派员监销，电子档案另有信息系统管理机构派员；监销人销毁前按清册清点核对，销毁后签名或盖章（第十八条第三项）。',
        'The archives and accounting offices each send a supervisor, and for electronic records the information-systems office too; supervisors check the items against this register before and sign after (Art. 18(3)).',
      ),
      table: {
        head: [
          t(lang, '监销人', 'Supervisor'),
          t(lang, '所属机构', 'Office'),
          t(lang, '销毁前清点核对（签字）', 'Checked before (signature)'),
          t(lang, '销毁后签名或盖章', 'Signed after'),
          t(lang, '日期', 'Date'),
        ],
        rows: supRows,
        sign: true,
      },
    },
  ];
}

/** Art. 24: the handlers of both sides and the supervisors sign once the hand-over is complete. */
function handoverSection(b: BatchFile, lang: DocLang): PaperSection {
  const row = (label: [string, string], field: string) => [t(lang, ...label), scalarText(b.data[field]), '', ''];
  return {
    heading: t(lang, '交接签名', 'Hand-over signatures'),
    basis: t(
      lang,
      '交接双方按移交清册逐项交接，由双方单位有关负责人监督；交接完毕后，双方经办人和监督人在清册上签名或盖章（会计档案管理办法第二十四条）。',
      'Both sides hand over item by item against this register under their responsible officers; then the handlers and supervisors of both sides sign it (Art. 24).',
    ),
    table: {
      head: [t(lang, '职责', 'Role'), t(lang, '姓名', 'Name'), t(lang, '签名或盖章', 'Signature or seal'), t(lang, '日期', 'Date')],
      rows: [
        row(['移交方经办人', 'Handed over by'], 'handover_handler'),
        row(['接收方经办人', 'Received by'], 'recipient_handler'),
        row(['移交方监督人', 'Supervisor, transferring side'], 'handover_supervisor'),
        row(['接收方监督人', 'Supervisor, recipient'], 'recipient_supervisor'),
      ],
      sign: true,
    },
  };
}

/** The register of a batch as printed on `asOf`; undefined for a file that is not a batch. */
export function registerPaper(text: string, ctx: BatchContext, asOf: string, lang: DocLang): Paper | undefined {
  const b = readBatch(text);
  if (!b) return undefined;
  const schema = schemaOf(ctx);
  const d = b.data;
  const destruction = b.kind === 'destruction-batch';
  const status = b.status === 'executed' ? t(lang, '已执行', 'executed') : b.status === 'approved' ? t(lang, '已批准', 'approved') : t(lang, '草稿', 'draft');
  if (destruction) {
    return {
      title: t(lang, '档案销毁清册', 'Destruction Register'),
      basis: t(lang, '会计档案管理办法（财政部、国家档案局令第79号）第十八条、第十九条', 'Accounting Archives Measures (MOF/SAA Order 79) Arts. 18–19'),
      meta: [
        [t(lang, '批次', 'Batch'), `${scalarText(d.batch_id)} (${status})`],
        [t(lang, '鉴定意见书', 'Appraisal opinion'), scalarText(d.appraisal_ref) || t(lang, '（尚无）', '(none yet)')],
        [t(lang, '销毁方式', 'Method'), (Array.isArray(d.method) ? d.method.map(scalarText) : [scalarText(d.method)]).join('、')],
        [t(lang, '地点', 'Place'), scalarText(d.place)],
        [t(lang, '计划时间', 'Scheduled'), scalarText(d.scheduled_at)],
        ...(d.executed_at ? [[t(lang, '销毁时间', 'Destroyed at'), scalarText(d.executed_at)] as [string, string]] : []),
        [t(lang, '打印日期', 'Printed on'), asOf],
      ],
      sections: [recordsSection(b, ctx, asOf, lang, true), pulledOutSection(b, lang), ...signatureSections(b, schema, lang)],
      landscape: true,
    };
  }
  return {
    title: t(lang, '档案移交清册', 'Transfer Register'),
    basis: t(lang, '会计档案管理办法第二十四条；个人信息保护法第二十二条', 'Accounting Archives Measures Art. 24; PIPL Art. 22'),
    meta: [
      [t(lang, '批次', 'Batch'), `${scalarText(d.batch_id)} (${status})`],
      [t(lang, '接收方', 'Recipient'), `${scalarText(d.recipient)} (${scalarText(d.recipient_contact)})`],
      [t(lang, '影响评估', 'Impact assessment'), scalarText(d.impact_assessment_ref) || t(lang, '（尚无）', '(none yet)')],
      ...(d.executed_at ? [[t(lang, '移交时间', 'Handed over at'), scalarText(d.executed_at)] as [string, string]] : []),
      [t(lang, '打印日期', 'Printed on'), asOf],
    ],
    sections: [recordsSection(b, ctx, asOf, lang, false), handoverSection(b, lang)],
    landscape: true,
  };
}
