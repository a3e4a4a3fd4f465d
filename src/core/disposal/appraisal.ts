/**
 * The appraisal opinion (鉴定意见书): records whose period has run are appraised, and the written opinion says
 * which may be destroyed (会计档案管理办法 Art. 16; 档案法实施条例 Art. 24: appraised periodically, a written
 * report). The archives office leads the appraisal, with the accounting office and others (Art. 17). It is a
 * document of its own in the disposal folder, kept permanently (Annex item 16), signed before the batch it
 * appraises may be approved; the records pulled out under a hold are listed in it with the reason (Art. 19).
 */
import { scalarText } from '../model/records';
import type { Bilingual } from '../model/schema';
import { parseRecordText } from '../parse/record-file';
import { dispositionOf } from '../retention/disposition';
import { isoDate } from '../retention/dates';
import { bi, t, type DocLang } from '../text/bilingual';
import { readBatch, retentionText, sha256, type BatchFile } from './batch';
import { sealDigest } from './seal';
import { detailValue, line, pulledOutYaml, type BatchDetails, type PulledOut } from './document';
import { schemaOf, type BatchContext } from './items';
import { paperMarkdown, type Paper } from './paper';
import { pulledOutOf } from './register';
import { holdsAccounting, supervisorsOf, type Supervisor } from './signatures';

export interface OpinionRecord {
  path: string;
  index: number;
  id: string;
  archive_no: string;
  title: string;
  retention: string;
  retention_start: string;
  until: string;
  basis: string;
  /** destroy (保管期满，可以销毁) or keep (仍需继续保存: the batch must not list it). */
  opinion: string;
}

export interface Opinion {
  data: Record<string, unknown>;
  id: string;
  batch: string;
  status: string;
  records: OpinionRecord[];
  pulledOut: PulledOut[];
  appraisers: Supervisor[];
}

/** The offices an appraiser comes from (Art. 17); any other role is shown as written. */
const APPRAISER_ROLES: Readonly<Record<string, Bilingual>> = {
  archives: { zh: '档案管理机构（牵头）', en: 'archives office (lead)' },
  accounting: { zh: '会计管理机构', en: 'accounting office' },
  audit: { zh: '审计', en: 'audit' },
  discipline: { zh: '纪检监察', en: 'discipline inspection' },
  legal: { zh: '法务', en: 'legal' },
  it: { zh: '信息系统管理机构', en: 'information systems' },
};

const q = (s: string) => JSON.stringify(s);

export function readOpinion(text: string): Opinion | undefined {
  const data = parseRecordText(text, 'markdown').records[0]?.data;
  if (!data || data.kind !== 'appraisal-opinion') return undefined;
  const list = Array.isArray(data.records) ? (data.records as unknown[]) : [];
  const records = list
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x))
    .map((x) => ({
      path: scalarText(x.path),
      index: typeof x.index === 'number' ? x.index : 0,
      ...Object.fromEntries((['id', 'archive_no', 'title', 'retention', 'retention_start', 'until', 'basis'] as const).map((k) => [k, scalarText(x[k])])),
      opinion: scalarText(x.opinion).trim() || 'destroy',
    })) as OpinionRecord[];
  return {
    data,
    id: scalarText(data.opinion_id),
    batch: scalarText(data.batch),
    status: scalarText(data.status),
    records,
    pulledOut: pulledOutOf(data),
    appraisers: supervisorsOf(data.appraisers),
  };
}

/** The opinion's content hash, as approval records it in the batch: any later change is seen. */
export const opinionHash = (text: string) => sealDigest(text.replace(/^\uFEFF/, '')) ?? sha256(text);

/** The disposal document whose opinion_id is `ref`. */
export function findOpinion(ctx: BatchContext, ref: string): { path: string; text: string; opinion: Opinion } | undefined {
  for (const d of ctx.documents?.() ?? []) {
    const o = readOpinion(d.text);
    if (o && o.id === ref) return { ...d, opinion: o };
  }
  return undefined;
}

/** The opinion of a destruction batch, as its records stand now. */
export function opinionText(batchText: string, ctx: BatchContext, id: string, today: string, lang: DocLang, details: BatchDetails = {}): string | undefined {
  const b = readBatch(batchText);
  if (!b || b.kind !== 'destruction-batch') return undefined;
  const schema = schemaOf(ctx);
  const records: OpinionRecord[] = b.items.map((it) => {
    const g = dispositionOf(ctx.records(it.path)?.get(it.index ?? 0), schema, today, 0).retention.governing;
    // A batch written by hand may lack any of these: what is not there is written empty, never "undefined".
    return {
      path: it.path,
      index: it.index ?? 0,
      id: scalarText(it.id),
      archive_no: scalarText(it.archive_no),
      title: scalarText(it.title),
      retention: g?.code ?? scalarText(it.retention),
      retention_start: g?.start ?? scalarText(it.retention_start),
      until: g?.until ?? scalarText(it.until),
      basis: g ? bi(lang, g.basis) : '',
      opinion: 'destroy',
    };
  });
  const pulled = pulledOutOf(b.data);
  const d = (k: string, c: string) => line(k, detailValue(details, k, '""'), c);
  const front = [
    '---',
    'kind: appraisal-opinion',
    `opinion_id: ${q(id)}`,
    `batch: ${q(scalarText(b.data.batch_id))}`,
    'status: draft            # draft → final (signed by the appraisers)',
    `created: ${today}`,
    line('retention', 'Y', '鉴定意见书永久保管 / kept permanently (会计档案管理办法附件第16项)'),
    d('appraised_at', '鉴定日期 / date of the appraisal'),
    line(
      'appraisers',
      detailValue(details, 'appraisers', '[]'),
      '鉴定人 / [{ name: 李档案, role: archives }, { name: 孙会计, role: accounting }, …] (Art. 17)',
    ),
    d('conclusion', '鉴定结论（留空用下文）/ conclusion (empty: the text below)'),
    'records:',
    ...records.flatMap((r) => [
      `  - path: ${q(r.path)}`,
      `    index: ${r.index}`,
      ...(['id', 'archive_no', 'title', 'retention', 'retention_start', 'until', 'basis'] as const).map((k) => `    ${k}: ${q(r[k])}`),
      `    opinion: destroy        # destroy 可以销毁 | keep 继续保存`,
    ]),
    ...pulledOutYaml(pulled),
    '---',
    '',
  ];
  const text = front.join('\n');
  return text + paperMarkdown(opinionPaper(readOpinion(text)!, ctx, lang));
}

/** The opinion as printed: what was appraised, the opinion on each record, what was pulled out, who signed. */
export function opinionPaper(o: Opinion, ctx: BatchContext, lang: DocLang): Paper {
  const category = (r: OpinionRecord) => scalarText(ctx.records(r.path)?.get(r.index)?.category);
  const accounting = holdsAccounting(
    o.records.map((r) => ({ category: category(r) })),
    schemaOf(ctx),
  );
  const opinionWord = (x: string) =>
    x === 'keep'
      ? t(lang, '仍需继续保存，重新划定保管期限', 'still of value: keep, with a new period')
      : t(lang, '保管期满，确无保存价值，可以销毁', 'period served, of no further value: may be destroyed');
  const conclusion =
    scalarText(o.data.conclusion).trim() ||
    t(
      lang,
      `经鉴定，上列 ${o.records.filter((r) => r.opinion !== 'keep').length} 件档案保管期限已满，确无继续保存价值，同意按规定程序销毁；暂缓处置的档案单独抽出保管，至未了事项完结时为止。`,
      `Having appraised them, the ${o.records.filter((r) => r.opinion !== 'keep').length} records above have served their retention and are of no further value; they may be destroyed by the procedure laid down. Records on hold are pulled out and kept until the matter is settled.`,
    );
  const appraisers = o.appraisers.length
    ? o.appraisers
    : [
        { name: '', role: 'archives' },
        { name: '', role: accounting ? 'accounting' : '' },
      ];
  return {
    title: t(lang, '档案鉴定意见书', 'Appraisal Opinion'),
    basis: t(
      lang,
      '会计档案管理办法第十六、十七、十九条；档案法实施条例第二十四条',
      'Accounting Archives Measures Arts. 16, 17, 19; Archives Law Implementing Regulations Art. 24',
    ),
    meta: [
      [t(lang, '编号', 'Opinion'), o.id],
      [t(lang, '鉴定的销毁批次', 'Batch appraised'), o.batch],
      [t(lang, '鉴定日期', 'Appraised on'), scalarText(o.data.appraised_at) || t(lang, '（未填写）', '(not filled in)')],
      [t(lang, '状态', 'Status'), o.status === 'final' ? t(lang, '已签署', 'final (signed)') : t(lang, '草稿', 'draft')],
    ],
    sections: [
      {
        heading: t(lang, '鉴定意见', 'Opinion on each record'),
        table: {
          head: [
            t(lang, '序号', 'No.'),
            t(lang, '档案编号', 'Archive number'),
            t(lang, '档案名称', 'Title'),
            t(lang, '应保管期限', 'Required retention'),
            t(lang, '保管起算', 'Kept from'),
            t(lang, '保管期满', 'Kept until'),
            t(lang, '依据', 'Basis'),
            t(lang, '鉴定意见', 'Opinion'),
          ],
          rows: o.records.map((r, i) => [
            String(i + 1),
            r.archive_no || r.id,
            r.title,
            retentionText(r.retention, lang),
            r.retention_start,
            r.until,
            r.basis,
            opinionWord(r.opinion),
          ]),
        },
      },
      {
        heading: t(lang, '暂缓处置、单独抽出的档案', 'Pulled out under a hold'),
        basis: t(lang, '会计档案管理办法第十九条', 'Accounting Archives Measures Art. 19'),
        ...(o.pulledOut.length
          ? {
              table: {
                head: [t(lang, '档案编号', 'Archive number'), t(lang, '档案名称', 'Title'), t(lang, '保管期满', 'Kept until'), t(lang, '暂缓原因', 'Reason')],
                rows: o.pulledOut.map((p) => [p.archive_no || p.id, p.title, p.until, p.reason]),
              },
            }
          : { paragraphs: [t(lang, '无。', 'None.')] }),
      },
      { heading: t(lang, '鉴定结论', 'Conclusion'), paragraphs: [conclusion] },
      {
        heading: t(lang, '鉴定人员', 'Appraisers'),
        basis: t(
          lang,
          '由档案管理机构牵头，会计、审计、纪检监察等机构或人员共同进行（第十七条）',
          'Led by the archives office with the accounting, audit and discipline offices (Art. 17)',
        ),
        table: {
          head: [t(lang, '姓名', 'Name'), t(lang, '所属机构', 'Office'), t(lang, '签字', 'Signature'), t(lang, '日期', 'Date')],
          rows: appraisers.map((a) => [a.name, bi(lang, APPRAISER_ROLES[a.role] ?? { zh: a.role, en: a.role }), '', '']),
          sign: true,
        },
      },
    ],
    landscape: true,
  };
}

/**
 * Why `opinion` does not allow `batch` to be approved (empty: it does): it must be signed (final, dated, by
 * the archives office and — for accounting archives — the accounting office), appraise this batch, give
 * "destroy" for every record the batch lists, and list every record the batch pulled out.
 */
export function opinionProblems(batch: BatchFile, found: { opinion: Opinion } | undefined, ref: string, accounting: boolean): Bilingual[] {
  if (!ref)
    return [
      { zh: '没有鉴定意见书（appraisal_ref 为空；请先运行 batch appraise）', en: 'no appraisal opinion (appraisal_ref is empty; run batch appraise first)' },
    ];
  if (!found) return [{ zh: `找不到鉴定意见书 ${ref}`, en: `no appraisal opinion ${ref} in the disposal folder` }];
  const o = found.opinion;
  const out: Bilingual[] = [];
  const id = scalarText(batch.data.batch_id);
  if (o.batch !== id)
    out.push({ zh: `鉴定意见书 ${ref} 鉴定的是批次 ${o.batch}，不是 ${id}`, en: `appraisal opinion ${ref} appraises ${o.batch || 'no batch'}, not ${id}` });
  if (o.status !== 'final')
    out.push({ zh: `鉴定意见书 ${ref} 尚未签署（status 须为 final）`, en: `appraisal opinion ${ref} is not signed (status must be final)` });
  if (!isoDate(o.data.appraised_at))
    out.push({ zh: `鉴定意见书 ${ref} 缺少鉴定日期（appraised_at）`, en: `appraisal opinion ${ref} has no date (appraised_at)` });
  const named = o.appraisers.filter((a) => a.name);
  if (named.length < 2) out.push({ zh: `鉴定意见书 ${ref} 须有至少两名鉴定人`, en: `appraisal opinion ${ref} needs at least two appraisers` });
  for (const role of ['archives', ...(accounting ? ['accounting'] : [])])
    if (!named.some((a) => a.role === role))
      out.push({
        zh: `鉴定意见书 ${ref} 缺少来自${APPRAISER_ROLES[role].zh}的鉴定人（第十七条）`,
        en: `appraisal opinion ${ref} has no appraiser from the ${APPRAISER_ROLES[role].en} (Art. 17)`,
      });
  const key = (p: string, i: number) => `${p}#${i}`;
  const byKey = new Map(o.records.map((r) => [key(r.path, r.index), r]));
  for (const it of batch.items) {
    const r = byKey.get(key(it.path, it.index ?? 0));
    if (!r || r.id !== scalarText(it.id))
      out.push({ zh: `鉴定意见书 ${ref} 未鉴定 ${it.path}（${it.id}）`, en: `appraisal opinion ${ref} does not appraise ${it.path} (${it.id})` });
    else if (r.opinion !== 'destroy')
      out.push({ zh: `鉴定意见书 ${ref} 认为 ${it.path} 仍需保存，不能销毁`, en: `appraisal opinion ${ref} says ${it.path} is to be kept, not destroyed` });
  }
  const pulled = new Set(o.pulledOut.map((p) => key(p.path, p.index)));
  for (const p of pulledOutOf(batch.data))
    if (!pulled.has(key(p.path, p.index)))
      out.push({
        zh: `鉴定意见书 ${ref} 未列明暂缓处置、单独抽出的 ${p.path}（第十九条）`,
        en: `appraisal opinion ${ref} does not list ${p.path}, pulled out under a hold (Art. 19)`,
      });
  return out;
}
